/// A transcript as Markdown: headings per section with planned and actual time, each question and
/// answer with its local time, back and skip events, and the plan at the end.
///
///     MarkdownExport().render(transcript)
struct MarkdownExport: Sendable {
  init() {}

  func render(_ transcript: Transcript) -> String {
    let time = LocalTime(transcript.header)
    var out = "# \(clean(transcript.header.dialogueTitle))\n\n"
    out += "- Session: \(code(transcript.header.session))\n"
    out +=
      "- Started: \(time.dateTime(transcript.header.startedAt)) (\(transcript.header.timeZone))\n"
    out += "- Time spent: \(LocalTime.timeSpent(transcript))\n"
    out += "- Status: \(transcript.isFinished ? "finished" : "not finished")\n"
    out +=
      "- Dialogue: \(escape(transcript.header.dialogue)) version \(clean(transcript.header.dialogueVersion))\n\n"
    out += "## Agenda\n\n| section | planned (min) | actual (min) |\n|---|---|---|\n"
    for row in transcript.sectionTimes {
      out +=
        "| \(cell(row.heading.title)) | \(LocalTime.minutes(row.planned)) | \(LocalTime.minutes(row.actual)) |\n"
    }
    for item in transcript.items {
      switch item {
      case .section(let heading, let at):
        out +=
          "\n## \(clean(heading.title))\n\n_\(time.time(at)), section \(heading.number) of \(heading.count), planned \(LocalTime.minutes(heading.budget)) min_\n\n"
      case .said(let text, _):
        out += quoteless(text) + "\n\n"
      case .answered(let answered):
        out += "**\(clean(answered.question))**  \n"
        if answered.wasSkipped {
          out +=
            "_skipped\(answered.text.isEmpty ? "" : ": \(clean(answered.text))")_ (\(time.time(answered.at)))\n\n"
        } else {
          out += "\(escape(answered.text)) (\(time.time(answered.at)))\n\n"
        }
      case .wentBack(let stepID, let at):
        out +=
          "_went back to \(code(stepID)) at \(time.time(at)); the answer below replaces the earlier one_\n\n"
      case .restarted(let at):
        out += "_restarted at \(time.time(at)); earlier answers were forgotten_\n\n"
      case .facilitation(let event, let at):
        out += "_\(escape(event.description)) (\(time.time(at)))_\n\n"
      case .dialogueChanged(let version, let withdrawn, let at):
        let text = LocalTime.dialogueChange(version: version, withdrawn: withdrawn)
        out += "_\(escape(text)) (\(time.time(at)))_\n\n"
      }
    }
    if !transcript.parkingLot.isEmpty {
      out += "\n## Parking lot\n\n"
      for item in transcript.parkingLot {
        out += "- \(escape(item.text)) (\(time.time(item.at)))\n"
      }
    }
    if let plan = transcript.plan {
      // The plan is Markdown already; what people typed in it was escaped as it was filled in.
      out += "\n---\n\n" + Sanitizer.clean(plan).trimmingCharacters(in: .newlines) + "\n"
    }
    return out
  }

  /// Text from the dialogue, the log or a person, so that Markdown characters in it stay text.
  private func escape(_ text: String) -> String { Escaped.markdown(text) }

  /// On one line, for a heading or a table cell.
  private func clean(_ text: String) -> String { Escaped.markdownCell(text) }

  private func cell(_ text: String) -> String { Escaped.markdownCell(text) }

  /// An id as a code span, or escaped text when it holds a backtick.
  private func code(_ text: String) -> String {
    let line = Sanitizer.oneLine(text)
    return line.contains("`") ? escape(line) : "`\(line)`"
  }

  private func quoteless(_ text: String) -> String {
    Escaped.markdown(text.trimmingCharacters(in: .newlines), hardBreaks: false)
  }
}
