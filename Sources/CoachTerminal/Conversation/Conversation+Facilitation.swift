import CoachKit
import CoachWording
import Foundation

/// Facilitator mode: the shared screen and the facilitator's commands.
///
/// The shared screen is drawn whole after every event: cleared at a terminal (a separator line
/// when the output is not one), the section and both clocks at the top, a nudge at 80 % and
/// 100 % of the section's budget, then what the step says, the team's ratings, and the question,
/// all inside generous margins. Facilitator-only notes are never part of it: they are in the
/// presenter view (`coach notes`).
extension Conversation {
  /// What stays on the shared screen while a step is asked: its text and the last team result.
  struct SharedScreen {
    var stepID: String?
    var said: [String] = []
    var summary: TeamSummary?
  }

  /// Maps a facilitator's command to an event and applies it.
  mutating func facilitate(_ command: Command, argument: String, sink: some TextSink) -> ExitStatus?
  {
    guard style.facilitator else {
      sink.write(
        "/\(command.rawValue) is a facilitator's command: start the session with 'coach run --facilitator'.\n"
      )
      return nil
    }
    let event: Event
    switch command {
    case .next: event = .next
    case .pause: event = .pause
    case .resume: event = .resume
    case .extend:
      // The engine says why a number does not fit; text that is no number is not one.
      event = .extend(minutes: Double(argument.replacingOccurrences(of: ",", with: ".")) ?? .nan)
    case .park:
      event = .park(argument)
    case .jump:
      guard !argument.isEmpty else {
        sink.write("Say which section, by number, id or title, like /jump 3.\n")
        return nil
      }
      event = .jump(section: Self.section(named: argument, in: dialogue) ?? argument)
    default:
      return nil
    }
    return apply(event, sink: sink)
  }

  /// The id of the section a person means: its number, its id, or the start of its title.
  static func section(named name: String, in dialogue: Dialogue) -> String? {
    let sections = dialogue.sections
    if let number = Int(name), (1...sections.count).contains(number) {
      return sections[number - 1].id
    }
    let lowered = name.lowercased()
    if let exact = sections.first(where: { $0.id.lowercased() == lowered }) { return exact.id }
    let byTitle = sections.filter { $0.title.lowercased().hasPrefix(lowered) }
    return byTitle.count == 1 ? byTitle[0].id : nil
  }

  /// What piped input echoes: a participant's rating stays off the shared screen.
  func echo(of line: String, at prompt: Prompt?) -> String {
    style.facilitator && prompt?.participant != nil && Input(line) == .answer(line)
      ? "(rating taken, not shown)" : line
  }

  /// "Baseline: 0:42 of 1:00 · session 3:10 of 20:00 (clock paused)"
  func agendaText() -> String {
    ClockText.agenda(AgendaClock(at: clock.now(), session: session, dialogue: dialogue))
  }

  /// Draws the whole shared screen for this reply.
  mutating func showSharedScreen(_ reply: Reply, to sink: some TextSink) {
    let stepID = reply.prompt?.stepID ?? session.currentStepID
    var said: [String] = []
    var summary: TeamSummary?
    for line in reply.lines {
      switch line {
      case .say(let text, _): said.append(text.trimmingCharacters(in: .newlines))
      case .teamSummary(let result, _): summary = result
      case .section, .notes: break
      }
    }
    if stepID != screen.stepID || !said.isEmpty {
      screen = SharedScreen(stepID: stepID, said: said, summary: summary)
    } else if let summary {
      screen.summary = summary
    }
    let width = style.width?() ?? 80
    let margin = width >= 70 ? 4 : (width >= 40 ? 2 : 0)
    let inner = max(width - 2 * margin, 20)
    let pad = String(repeating: " ", count: margin)
    func block(_ text: String) -> String {
      TextWrapper.wrap(text, width: inner).split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n")
    }
    if style.clearsScreen {
      sink.write(TerminalText.clearScreen)
    } else if style.accessible {
      sink.write("\n")  // a line of dashes is read out, dash by dash
    } else {
      sink.write("\n" + String(repeating: "-", count: min(width, 72)) + "\n")
    }
    let agenda = AgendaClock(at: clock.now(), session: session, dialogue: dialogue)
    var text: [(String, Role)] = [("\n", .plain)]
    if let title = agenda.sectionTitle, let number = agenda.sectionNumber {
      text.append((block("\(title) · section \(number) of \(agenda.sectionCount)"), .heading))
      text.append(("\n", .plain))
    } else {
      text.append((block(dialogue.title), .heading))
      text.append(("\n", .plain))
    }
    text.append((block(ClockText.agenda(agenda)) + "\n", .plain))
    if let nudge = ClockText.nudge(agenda.nudge) {
      text.append((block(nudge), .rejection))
      text.append(("\n", .plain))
    }
    for paragraph in screen.said {
      let shown = style.accessible ? SpokenText.withoutBars(paragraph) : paragraph
      text.append(("\n" + block(shown) + "\n", .plain))
    }
    if let summary = screen.summary {
      let lines =
        style.accessible ? SpokenText.teamSummary(summary) : TeamSummaryText.lines(for: summary)
      text.append(("\n" + lines.map(block).joined(separator: "\n") + "\n", .plain))
    }
    text.append(("\n", .plain))
    if let notice = reply.notice {
      text.append((block(ReplyText.notice(notice, dialogue: dialogue)) + "\n", .plain))
    }
    if let rejection = reply.rejection {
      text.append((block(RejectionText.sentence(rejection)), .rejection))
      text.append(("\n", .plain))
    }
    if let prompt = reply.prompt {
      var lines = style.accessible ? SpokenText.lines(for: prompt) : PromptText.lines(for: prompt)
      if let turn = prompt.participant {
        lines.insert(PromptText.turn(turn), at: 0)
      } else if prompt.isTeamQuestion, let question = dialogue.step(prompt.stepID)?.question,
        engine.collectsTeamRatings(question)
      {
        lines.insert(PromptText.leadersTurn, at: 0)
      }
      text.append((lines.map(block).joined(separator: "\n") + "\n", .plain))
    }
    write(text, to: sink)
  }
}
