/// A transcript as one self-contained, print-friendly HTML page: inline CSS, no scripts, nothing
/// fetched from elsewhere, the profile drawn as an inline SVG chart, and every string escaped.
struct HTMLExport: Sendable {
  init() {}

  /// One page: the session, then each check-in that followed it.
  func render(_ transcript: Transcript, checkins: [Transcript] = []) -> String {
    let title = escape(transcript.header.dialogueTitle)
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title)</title>
      <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
      h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
      .meta, .when { color: #555; font-size: 0.9rem; }
      .q { font-weight: 600; margin: 1rem 0 0.2rem; } .a { margin: 0 0 0.8rem 1rem; white-space: pre-wrap; }
      .event { color: #555; font-style: italic; }
      table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: 0.2rem 0.6rem; text-align: left; }
      td:empty { height: 2rem; min-width: 6rem; }
      .plan { border: 2px solid #333; border-radius: 4px; margin: 1.5rem 0 2rem; padding: 0 1.2rem 1rem; }
      .part { font-size: 1.4rem; border-bottom: 2px solid #333; margin-top: 2.5rem; }
      nav { font-size: 0.95rem; }
      .rating { margin: 0 0 0.2rem 1rem; }
      .say { white-space: pre-wrap; }
      pre { background: #f6f6f6; padding: 0.5rem; overflow-x: auto; }
      svg text { font: 13px system-ui, sans-serif; }
      @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
      </style>
      </head>
      <body>

      """
    out += body(transcript)
    for checkin in checkins { out += "<hr>\n" + body(checkin) }
    return out + "</body>\n</html>\n"
  }

  /// A session's part of the page: the plan first, where a reader looks for it, then the
  /// conversation that led to it.
  private func body(_ transcript: Transcript) -> String {
    let time = LocalTime(transcript.header)
    let anchor = escape(transcript.header.session)
    var out = """
      <h1>\(escape(transcript.header.dialogueTitle))</h1>
      <p class="meta">Session \(escape(transcript.header.session)), started \(escape(time.dateTime(transcript.header.startedAt))) (\(escape(transcript.header.timeZone))), \(transcript.isFinished ? "finished" : "not finished"). Time spent: \(escape(LocalTime.timeSpent(transcript))).</p>

      """
    if let plan = transcript.plan {
      out +=
        "<nav>On this page: <a href=\"#plan-\(anchor)\">the plan</a> · <a href=\"#conversation-\(anchor)\">the conversation</a></nav>\n"
      out +=
        "<section class=\"plan\" id=\"plan-\(anchor)\">\n" + MarkdownHTML.render(plan)
        + "</section>\n"
      out += "<h2 class=\"part\" id=\"conversation-\(anchor)\">The conversation</h2>\n"
    }
    if let chart = profileChart(transcript) { out += chart }
    out +=
      "<h2>Agenda</h2>\n<table>\n<tr><th>section</th><th>planned (min)</th><th>actual (min)</th></tr>\n"
    for row in transcript.sectionTimes {
      out +=
        "<tr><td>\(escape(row.heading.title))</td><td>\(LocalTime.minutes(row.planned))</td><td>\(LocalTime.minutes(row.actual))</td></tr>\n"
    }
    out += "</table>\n"
    // A team question whose participants' ratings are shown: its text goes first, once, and the
    // leader's own rating after them.
    var ratedQuestion: String?
    for item in transcript.items {
      switch item {
      case .section(let heading, let at):
        ratedQuestion = nil
        out +=
          "<h2>\(escape(heading.title))</h2>\n<p class=\"when\">\(time.time(at)) · section \(heading.number) of \(heading.count) · planned \(LocalTime.minutes(heading.budget)) min</p>\n"
      case .said(let text, _):
        // Line breaks and the spaces of a text chart stay as the dialogue wrote them.
        out += "<p class=\"say\">\(escape(text.trimmingCharacters(in: .newlines)))</p>\n"
      case .answered(let answered):
        let answer =
          answered.wasSkipped ? "<span class=\"event\">skipped</span>" : escape(answered.text)
        if ratedQuestion == answered.stepID {
          out +=
            "<p class=\"a\">The leader's own rating: \(answer) <span class=\"when\">\(time.time(answered.at))</span></p>\n"
        } else {
          out += "<p class=\"q\">\(escape(answered.question))</p>\n"
          out +=
            "<p class=\"a\">\(answer) <span class=\"when\">\(time.time(answered.at))</span></p>\n"
        }
        ratedQuestion = nil
      case .wentBack(let stepID, let at):
        ratedQuestion = nil
        out +=
          "<p class=\"event\">Went back to \(escape(stepID)) at \(time.time(at)); the next answer replaces the earlier one.</p>\n"
      case .restarted(let at):
        ratedQuestion = nil
        out +=
          "<p class=\"event\">Restarted at \(time.time(at)); earlier answers were forgotten.</p>\n"
      case .facilitation(let event, let at):
        let when = "<span class=\"when\">\(time.time(at))</span>"
        guard case .teamRatings(let stepID, let question, _) = event else {
          out += "<p class=\"event\">\(escape(event.description)) \(when)</p>\n"
          break
        }
        if ratedQuestion != stepID {
          ratedQuestion = stepID
          out += "<p class=\"q\">\(escape(question))</p>\n"
        }
        out += "<p class=\"rating\">\(escape(event.description)) \(when)</p>\n"
      case .dialogueChanged(let version, let withdrawn, let at):
        let text = LocalTime.dialogueChange(version: version, withdrawn: withdrawn)
        out +=
          "<p class=\"event\">\(escape(text)) <span class=\"when\">\(time.time(at))</span></p>\n"
      }
    }
    if !transcript.parkingLot.isEmpty {
      out += "<h2>Parking lot</h2>\n<ul>\n"
      for item in transcript.parkingLot { out += "<li>\(escape(item.text))</li>\n" }
      out += "</ul>\n"
    }
    return out
  }

  /// Horizontal bars for the dialogue's profile, from the final answers; with the team's score
  /// beside the leader's where the team rated an area (and at least three did).
  private func profileChart(_ transcript: Transcript) -> String? {
    let profile = transcript.dialogue.profile
    guard !profile.isEmpty else { return nil }
    var engine = Engine(
      dialogue: transcript.dialogue, clock: FixedClock(transcript.endedAt),
      earlier: transcript.earlier)
    engine.participants = transcript.header.participants
    func score(_ name: String?) -> Double? {
      guard let name, case .number(let number) = engine.value(of: name, in: transcript.session)
      else { return nil }
      return min(max(number, 0), 100)
    }
    let rows = profile.map { (entry: $0, own: score($0.name), team: score($0.team)) }
    let withTeam = rows.contains { $0.team != nil }
    let rowHeight = withTeam ? 44 : 28
    let labelWidth = 180
    let barWidth = 300
    let legend = withTeam ? 24 : 0
    let height = profile.count * rowHeight + 10 + legend
    let label =
      withTeam ? "Profile chart: your scores, and the team's where it rated" : "Profile chart"
    var svg =
      "<h2>Profile</h2>\n<svg role=\"img\" aria-label=\"\(label)\" width=\"\(labelWidth + barWidth + 90)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 90) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
    func bar(_ value: Double?, y: Int, height: Int, colour: String, caption: String) -> String {
      let width = Int(((value ?? 0) / 100 * Double(barWidth)).rounded())
      return
        "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(height)\" fill=\"#eee\"/>\n"
        + "<rect x=\"\(labelWidth)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(colour)\"/>\n"
        + "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + height - 4)\">\(value.map { Value.number($0.rounded()).displayText } ?? "–")\(caption)</text>\n"
    }
    if withTeam {
      svg +=
        "<rect x=\"\(labelWidth)\" y=\"4\" width=\"14\" height=\"12\" fill=\"#3a6ea5\"/><text x=\"\(labelWidth + 20)\" y=\"15\">you</text>\n"
        + "<rect x=\"\(labelWidth + 70)\" y=\"4\" width=\"14\" height=\"12\" fill=\"#c0722a\"/><text x=\"\(labelWidth + 90)\" y=\"15\">the team</text>\n"
    }
    for (index, row) in rows.enumerated() {
      let y = index * rowHeight + 5 + legend
      svg += "<text x=\"0\" y=\"\(y + 17)\">\(escape(row.entry.label))</text>\n"
      svg += bar(row.own, y: y + 4, height: 18, colour: "#3a6ea5", caption: "")
      if withTeam {
        svg += bar(
          row.team, y: y + 24, height: 12, colour: "#c0722a",
          caption: row.team == nil ? " (team: not rated)" : " (team)")
      }
    }
    return svg + "</svg>\n"
  }

  /// Escapes text for HTML, after removing control characters.
  func escape(_ text: String) -> String { MarkdownHTML.escape(text) }

}
