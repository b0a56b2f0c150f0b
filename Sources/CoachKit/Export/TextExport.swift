/// A transcript as plain text, for e-mail or a printout.
struct TextExport: Sendable {
  init() {}

  func render(_ transcript: Transcript) -> String {
    let time = LocalTime(transcript.header)
    var out = "\(Sanitizer.clean(transcript.header.dialogueTitle))\n"
    out +=
      "Session \(transcript.header.session), started \(time.dateTime(transcript.header.startedAt)) (\(transcript.header.timeZone)), \(transcript.isFinished ? "finished" : "not finished")\n"
    out += "Time spent: \(LocalTime.timeSpent(transcript))\n"
    for item in transcript.items {
      switch item {
      case .section(let heading, let at):
        out +=
          "\n== \(Sanitizer.clean(heading.title)) (\(time.time(at)), planned \(LocalTime.minutes(heading.budget)) min) ==\n"
      case .said(let text, _):
        out += "\n" + Sanitizer.clean(text).trimmingCharacters(in: .newlines) + "\n"
      case .answered(let answered):
        out += "\nQ: \(Sanitizer.clean(answered.question))\n"
        out +=
          answered.wasSkipped
          ? "A: (skipped) [\(time.time(answered.at))]\n"
          : "A: \(Sanitizer.clean(answered.text)) [\(time.time(answered.at))]\n"
      case .wentBack(let stepID, let at):
        out += "\n(went back to \(stepID) at \(time.time(at)))\n"
      case .restarted(let at):
        out += "\n(restarted at \(time.time(at)))\n"
      case .facilitation(let event, let at):
        out += "\n(\(Sanitizer.clean(event.description)) at \(time.time(at)))\n"
      case .dialogueChanged(let version, let withdrawn, let at):
        let text = LocalTime.dialogueChange(version: version, withdrawn: withdrawn)
        out += "\n(\(Sanitizer.clean(text)) at \(time.time(at)))\n"
      }
    }
    if !transcript.parkingLot.isEmpty {
      out += "\nParking lot:\n"
      for item in transcript.parkingLot { out += "  - \(Sanitizer.clean(item.text))\n" }
    }
    out += "\nTime per section (planned / actual minutes):\n"
    for row in transcript.sectionTimes {
      out +=
        "  \(Sanitizer.clean(row.heading.title)): \(LocalTime.minutes(row.planned)) / \(LocalTime.minutes(row.actual))\n"
    }
    if let plan = transcript.plan {
      out += "\n" + Sanitizer.clean(plan).trimmingCharacters(in: .newlines) + "\n"
    }
    return out
  }
}
