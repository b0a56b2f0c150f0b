import CoachKit
import CoachWording
import Foundation

/// The facilitator's private view of a running session (`coach notes`): the current step's
/// notes, what comes next, both clocks, the team's results so far, the parking lot and the
/// leader's last answers. Drawn from the session's log, replayed, so it shows exactly what the
/// shared screen's session holds.
///
/// It fits the window: the header and both clocks always stay at the top; when there is not
/// room for everything, the leader's answers, then the parking lot and the team's results
/// (the latest kept), then what comes next and the notes are cut, each saying so.
///
///     let text = PresenterView.render(transcript, at: now, width: 80, height: 24)
public enum PresenterView {
  public static func render(_ transcript: Transcript, at now: Date, width: Int, height: Int? = nil)
    -> String
  {
    let dialogue = transcript.dialogue
    let session = transcript.session
    let engine = transcript.header.engine(for: dialogue, at: now)
    let wrap = Wrapper(width: width)
    var header = [
      wrap.line(
        "PRESENTER VIEW · private: keep this off the shared screen · session \(transcript.header.session)"
      )
    ]
    let clock = AgendaClock(at: now, session: session, dialogue: dialogue)
    header += clockLines(clock, wrap)
    if let stoppedAt = session.stoppedAt {
      header += wrap.block(
        "STOPPED at \(LocalTime(transcript.header).dateTime(stoppedAt)): the clocks stand still until the session goes on (coach resume \(transcript.header.session)).",
        indent: 0)
    } else if let nudge = ClockText.presenterNudge(clock.nudge) {
      header += wrap.block(nudge, indent: 0)
    }

    var parts: [Part] = []
    guard let stepID = session.currentStepID, let step = dialogue.step(stepID) else {
      parts.append(Part(["", "The session has ended."], minimum: 2))
      parts.append(teamPart(transcript, engine: engine, wrap))
      parts.append(parkingPart(transcript, wrap))
      return fit(header, parts, height: height)
    }
    if let prompt = engine.currentPrompt(in: session) {
      var now = [
        "", wrap.line("Now (step '\(step.id)', \(prompt.stepNumber) of \(prompt.stepCount)):"),
      ]
      now += wrap.block(prompt.text)
      switch prompt.teamTurn {
      case .room(let expected)?:
        now += wrap.block(
          "Waiting for: the room's ratings\(expected.map { " (\($0) people)" } ?? "") — the count is on the shared screen; Enter closes the round when everyone has rated, /next at any time."
        )
      case .leader?:
        now += wrap.block("Waiting for: the leader's own rating")
      case nil: break
      }
      parts.append(Part(now, minimum: now.count))
    }
    let notes = notes(leadingTo: step, in: transcript, engine: engine)
    parts.append(
      Part(
        ["", "Notes:"]
          + (notes.isEmpty
            ? wrap.block("(no notes for this step)") : notes.flatMap { wrap.block($0) }),
        minimum: 3, cut: "  … (the rest of the notes needs a taller window)"))
    parts.append(
      Part(
        ["", "Next:"] + next(after: step, in: session, engine: engine).map { wrap.line("  " + $0) },
        minimum: 3, cut: "  … (more ways on)"))
    parts.append(teamPart(transcript, engine: engine, wrap))
    parts.append(parkingPart(transcript, wrap))
    let answers = transcript.finalAnswers
    if !answers.isEmpty {
      var lines = ["", wrap.line("The leader's answers so far: \(answers.count); the last ones:")]
      for answered in answers.suffix(3).reversed() {
        lines.append(
          wrap.line("  \(answered.question) → \(answered.wasSkipped ? "(skipped)" : answered.text)")
        )
      }
      parts.append(Part(lines, minimum: 0))
    }
    return fit(header, parts, height: height)
  }

  /// Before the session is saved (its consent question not answered yet): what the presenter
  /// needs then, from the dialogue alone: the notes up to the first question (the privacy part
  /// to say out loud) and what comes next. No answers are known, and none are shown.
  public static func beforeConsent(
    _ header: LogHeader, dialogue: Dialogue, at now: Date, width: Int, height: Int? = nil
  ) -> String {
    let transcript = Transcript.replay(header: header, entries: [], dialogue: dialogue)
    var text = render(transcript, at: now, width: width, height: height.map { $0 - 2 })
    text +=
      "\n"
      + Wrapper(width: width).block(
        "Nothing of this session is saved yet: the view follows it once the leader agrees to keep it.",
        indent: 0
      ).joined(separator: "\n") + "\n"
    return text
  }

  /// The section and both clocks.
  private static func clockLines(_ clock: AgendaClock, _ wrap: Wrapper) -> [String] {
    var lines: [String] = []
    if let title = clock.sectionTitle, let number = clock.sectionNumber {
      lines.append(wrap.line("\(title) · section \(number) of \(clock.sectionCount)"))
    }
    lines.append(wrap.line(ClockText.agenda(clock, form: .presenter)))
    return lines
  }

  /// The current step's notes, after those of the steps just before it that ask nothing.
  static func notes(leadingTo step: Step, in transcript: Transcript, engine: Engine) -> [String] {
    let dialogue = transcript.dialogue
    var steps = [step]
    if var position = dialogue.position(of: step.id) {
      while position > 0 {
        position -= 1
        let earlier = dialogue.steps[position]
        guard earlier.question == nil, earlier.sectionID == step.sectionID else { break }
        steps.insert(earlier, at: 0)
      }
    }
    return steps.compactMap {
      $0.notes.map {
        engine.render($0, in: transcript.session).trimmingCharacters(in: .whitespacesAndNewlines)
      }
    }
  }

  /// Where the session goes after this step: one step when the answers so far decide it, each
  /// way it could go when they do not yet. Each as it will read (an answer not given yet as
  /// "…"), never the dialogue's template code.
  static func next(after step: Step, in session: Session, engine: Engine) -> [String] {
    let places = engine.lookAhead(in: session).places
    let lines = places.map { place -> String in
      guard case .step(let id) = place, let candidate = engine.dialogue.step(id) else {
        return "the end of the session"
      }
      let text =
        candidate.question.map { engine.preview($0.prompt, at: candidate, in: session) }
        ?? candidate.say.map { engine.preview($0, at: candidate, in: session) } ?? ""
      var line = Sanitizer.clean(
        TextWrapper.reflow(text.trimmingCharacters(in: .whitespacesAndNewlines))
      )
      .replacingOccurrences(of: "\n", with: " ")
      if candidate.sectionID != step.sectionID,
        let section = engine.dialogue.section(candidate.sectionID)
      {
        line = "[new section: \(section.title), \(ReplyText.minutes(section.budget))] " + line
      }
      return line
    }
    guard lines.count > 1 else { return [lines.first ?? "the end of the session"] }
    return ["depending on the answer, one of:"] + lines.map { "- " + $0 }
  }

  /// The team's results so far, one line a question, latest last: never who gave what (the
  /// session keeps no such thing), and below three ratings only the count.
  private static func teamPart(_ transcript: Transcript, engine: Engine, _ wrap: Wrapper) -> Part {
    let session = transcript.session
    let rounds = transcript.dialogue.steps.filter { session.teamRounds[$0.id]?.isClosed == true }
    guard !rounds.isEmpty else { return Part([], minimum: 0) }
    var lines: [String] = []
    for step in rounds {
      guard let question = step.question,
        let summary = engine.teamSummary(at: step, question, in: session)
      else { continue }
      var line = "\(step.id): \(summary.count) rated"
      if summary.isShown {
        line +=
          " · median \(Value.number(summary.median).displayText) · \(Int(summary.favourablePercent.rounded())) % favourable"
        if let own = summary.leaderRating {
          line += " · leader \(Value.number(own).displayText)"
        }
        if summary.isBlindSpot { line += " · BLIND SPOT" }
        if summary.isSplit { line += " · split" }
      } else {
        line += " (fewer than \(TeamSummary.minimumResponses): hidden)"
      }
      lines.append(wrap.line("  " + line))
    }
    return Part(
      ["", wrap.line("The team's results so far:")] + lines, minimum: 0, keepsLatest: true,
      cut: "  (earlier ones need a taller window)")
  }

  private static func parkingPart(_ transcript: Transcript, _ wrap: Wrapper) -> Part {
    let items = transcript.parkingLot
    return Part(
      ["", "Parking lot:"]
        + (items.isEmpty ? ["  (empty)"] : items.map { wrap.line("  - " + $0.text) }),
      minimum: 0, keepsLatest: true, cut: "  (earlier ones need a taller window)")
  }

  /// A part of the view below the header: its lines, how few it may be cut to, and what it
  /// says when cut.
  private struct Part {
    var lines: [String]
    var minimum: Int
    /// Cut from the top (its latest lines are last), not from the end.
    var keepsLatest = false
    var cut = "  …"

    init(_ lines: [String], minimum: Int, keepsLatest: Bool = false, cut: String = "  …") {
      self.lines = lines
      self.minimum = min(minimum, lines.count)
      self.keepsLatest = keepsLatest
      self.cut = cut
    }

    /// The part in `rows` lines, saying where it was cut.
    func shown(in rows: Int) -> [String] {
      guard lines.count > rows else { return lines }
      guard rows >= 3 else { return [] }
      // The part's blank line and title stay; the rest makes room for the cut's line.
      let head = Array(lines.prefix(2))
      let body = Array(lines.dropFirst(2))
      let room = rows - 3
      let kept = keepsLatest ? Array(body.suffix(room)) : Array(body.prefix(room))
      return keepsLatest ? head + [cut] + kept : head + kept + [cut]
    }
  }

  /// The header, then as much of each part as fits `height`, in order of need: each part gets
  /// its minimum first, then the rest goes to the parts in order.
  private static func fit(_ header: [String], _ parts: [Part], height: Int?) -> String {
    guard let height else {
      return (header + parts.flatMap(\.lines)).joined(separator: "\n") + "\n"
    }
    var left = max(height - header.count, 0)
    var rows = parts.map { min($0.minimum, left) }
    left -= rows.reduce(0, +)
    if left < 0 { left = 0 }
    for index in parts.indices {
      let more = min(parts[index].lines.count - rows[index], left)
      rows[index] += more
      left -= more
    }
    var out = header
    for (part, count) in zip(parts, rows) { out += part.shown(in: count) }
    return out.prefix(height).joined(separator: "\n") + "\n"
  }

  /// Text to the view's width: wrapped blocks, or single lines cut at a word with "…".
  private struct Wrapper {
    let width: Int
    var inner: Int { max(width - 1, 20) }

    func line(_ text: String) -> String { TextWrapper.cut(Sanitizer.clean(text), to: inner) }

    func block(_ text: String, indent: Int = 2) -> [String] {
      let pad = String(repeating: " ", count: indent)
      return TextWrapper.wrap(
        TextWrapper.reflow(Sanitizer.clean(text)), width: max(inner - indent, 20)
      )
      .split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : pad + $0 }
    }
  }
}
