import CoachKit
import CoachWording
import Foundation

/// The facilitator's private view of a running session (`coach notes`): the current step's
/// notes, what comes next, both clocks, the parking lot and the team's ratings so far. Drawn from
/// the session's log, replayed, so it shows exactly what the shared screen's session holds.
///
///     let text = PresenterView.render(transcript, at: now, width: 80)
public enum PresenterView {
  public static func render(_ transcript: Transcript, at now: Date, width: Int) -> String {
    let dialogue = transcript.dialogue
    let session = transcript.session
    let engine = transcript.header.engine(for: dialogue, at: now)
    let inner = max(width - 4, 20)
    func block(_ text: String, indent: Int = 2) -> String {
      let pad = String(repeating: " ", count: indent)
      return TextWrapper.wrap(text, width: max(inner - indent + 2, 20))
        .split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }
    var out: [String] = []
    out.append(
      block(
        "PRESENTER VIEW · private: keep this off the shared screen · session \(transcript.header.session)",
        indent: 0))
    let clock = AgendaClock(at: now, session: session, dialogue: dialogue)
    if let title = clock.sectionTitle, let number = clock.sectionNumber {
      out.append(block("\(title) · section \(number) of \(clock.sectionCount)", indent: 0))
    }
    var clockLine = ""
    if clock.sectionTitle != nil {
      clockLine +=
        "Section \(ReplyText.clock(clock.sectionElapsed)) of \(ReplyText.clock(clock.sectionBudget)) · "
    }
    clockLine +=
      "session \(ReplyText.clock(clock.sessionElapsed)) of \(ReplyText.clock(clock.sessionPlanned))"
    if clock.isPaused { clockLine += " · CLOCK PAUSED" }
    out.append(block(clockLine, indent: 0))
    if let stoppedAt = session.stoppedAt {
      out.append(
        block(
          "STOPPED at \(LocalTime(transcript.header).dateTime(stoppedAt)): the clocks stand still until the session goes on (coach resume \(transcript.header.session)).",
          indent: 0))
    } else if let nudge = ClockText.presenterNudge(clock.nudge) {
      out.append(block(nudge, indent: 0))
    }

    guard let stepID = session.currentStepID, let step = dialogue.step(stepID) else {
      out.append("")
      out.append(block("The session has ended.", indent: 0))
      appendTeamAndParking(transcript, engine: engine, to: &out, block: block)
      return out.joined(separator: "\n") + "\n"
    }
    out.append("")
    if let prompt = engine.currentPrompt(in: session) {
      out.append(
        block("Now (step '\(step.id)', \(prompt.stepNumber) of \(prompt.stepCount)):", indent: 0))
      out.append(block(prompt.text))
      if let turn = prompt.participant {
        out.append(block("Waiting for: \(turn.label) (\(turn.index + 1) of \(turn.count))"))
      } else if let question = step.question, engine.collectsTeamRatings(question) {
        out.append(block("Waiting for: the leader's own rating"))
      }
    }
    out.append("")
    out.append(block("Notes:", indent: 0))
    let notes = notes(leadingTo: step, in: transcript, engine: engine)
    out.append(
      notes.isEmpty
        ? block("(no notes for this step)") : notes.map { block($0) }.joined(separator: "\n"))
    out.append("")
    out.append(block("Next:", indent: 0))
    out.append(block(next(after: step, in: session, engine: engine)))
    appendTeamAndParking(transcript, engine: engine, to: &out, block: block)
    let answers = transcript.finalAnswers
    if !answers.isEmpty {
      out.append("")
      out.append(block("The leader's answers so far: \(answers.count); the last ones:", indent: 0))
      for answered in answers.suffix(3) {
        out.append(
          block("\(answered.question) → \(answered.wasSkipped ? "(skipped)" : answered.text)"))
      }
    }
    return out.joined(separator: "\n") + "\n"
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
    return steps.compactMap { $0.notes.map { engine.render($0, in: transcript.session) } }
  }

  /// Where the session goes after this step: one step when the answers so far decide it, each
  /// way it could go when they do not yet.
  static func next(after step: Step, in session: Session, engine: Engine) -> String {
    let places = engine.lookAhead(in: session).places
    let lines = places.map { place -> String in
      guard case .step(let id) = place, let candidate = engine.dialogue.step(id) else {
        return "the end of the session"
      }
      // A text that reads an answer not given yet is shown as written ("Why {{baseline}} …"),
      // not with a blank where the answer will go.
      func preview(_ text: Text) -> String {
        let waiting = text.names.contains { use in
          engine.dialogue.question(storing: use.name) != nil && session.answers[use.name] == nil
        }
        return waiting ? text.source : engine.render(text, in: session)
      }
      let text = candidate.question.map { preview($0.prompt) } ?? candidate.say.map(preview) ?? ""
      var line = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(160))
      if candidate.sectionID != step.sectionID,
        let section = engine.dialogue.section(candidate.sectionID)
      {
        line = "[new section: \(section.title), \(ReplyText.minutes(section.budget))] " + line
      }
      return line
    }
    guard lines.count > 1 else { return lines.first ?? "the end of the session" }
    return "depending on the answer, one of:\n" + lines.map { "- " + $0 }.joined(separator: "\n")
  }

  private static func appendTeamAndParking(
    _ transcript: Transcript, engine: Engine, to out: inout [String],
    block: (String, Int) -> String
  ) {
    let session = transcript.session
    let rounds = transcript.dialogue.steps.filter { session.teamRounds[$0.id] != nil }
    if !rounds.isEmpty {
      out.append("")
      out.append(block("Team ratings so far:", 0))
      for step in rounds {
        guard let round = session.teamRounds[step.id], let question = step.question else {
          continue
        }
        let answers = round.answers.map {
          "\(FacilitationEvent.who($0.participant)) \($0.value.map { Value.number($0).displayText } ?? "passed")"
        }
        out.append(
          block(
            "\(step.id): " + (answers.isEmpty ? "none yet" : answers.joined(separator: " · ")), 2))
        if let summary = engine.teamSummary(at: step, question, in: session),
          session.answers[question.variable] != nil
        {
          out.append(block(summary.summaryLine, 4))
        }
      }
    }
    out.append("")
    out.append(block("Parking lot:", 0))
    if transcript.parkingLot.isEmpty {
      out.append(block("(empty)", 2))
    } else {
      for item in transcript.parkingLot { out.append(block("- " + item.text, 2)) }
    }
  }
}
