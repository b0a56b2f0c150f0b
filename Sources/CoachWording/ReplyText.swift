import CoachKit
import Foundation

/// Turns what the engine says into plain lines of text: the one place that decides the wording
/// of headings and notices. Hosts add width, colour and layout.
///
///     ReplyText.notice(.skipped(stepID: "why"), dialogue: dialogue)  // "Skipped."
public enum ReplyText {
  public static func heading(_ heading: SectionHeading) -> String {
    "== \(heading.title) (section \(heading.number) of \(heading.count), \(minutes(heading.budget))) =="
  }

  public static func notice(
    _ notice: Reply.Notice, dialogue: Dialogue, commands: CommandNames = .typed
  ) -> String {
    switch notice {
    case .wentBack: "Back to the previous question; your earlier answer is undone."
    case .nothingToUndo: "There is no earlier answer to undo."
    case .cannotSkip: "This question needs an answer; it cannot be skipped."
    case .skipped: "Skipped."
    case .restarted: "Starting again from the beginning; earlier answers are forgotten."
    case .alreadyFinished: "The session has ended."
    case .stoppedInLoop:
      "The dialogue went round in a loop of steps that ask nothing, so it was stopped here; run 'coach check' on it."
    case .stoppedAtUnknownStep(let id):
      "The dialogue leads to a step '\(id)' that it does not have, so it was stopped here; run 'coach check' on it."
    case .resumed: "Welcome back. Your earlier answers are kept; here is where you stopped."
    case .resumedWithChangedDialogue:
      "Welcome back. You go on with the changed dialogue; the answers that still fit it are kept."
    case .stopped: "Stopped. Nothing more will be asked."
    case .paused: "The clock is paused. \(commands.resume) starts it again."
    case .clockResumed: "The clock is running again."
    case .clockUnchanged(let isPaused):
      isPaused ? "The clock is already paused." : "The clock is already running."
    case .extended(let sectionID, let added, let budget):
      "Added \(minutes(added)) to \(dialogue.section(sectionID)?.title ?? sectionID): \(minutes(budget)) in all."
    case .parked(let text): "Parked for later: \(text)"
    case .jumped(let sectionID): "On to \(dialogue.section(sectionID)?.title ?? sectionID)."
    case .noSuchSection(let name):
      "There is no section '\(name)'. Sections: "
        + dialogue.sections.enumerated().map { "\($0.offset + 1) \($0.element.id)" }.joined(
          separator: ", ") + "."
    case .movedOn: "Moving on; this question stays unanswered."
    case .teamRoundClosed(_, let count):
      count >= TeamSummary.minimumResponses
        ? "The round is closed: \(count) ratings are in."
        : "The round is closed with \(count) rating\(count == 1 ? "" : "s"): fewer than \(TeamSummary.minimumResponses), so the results stay hidden."
    case .teamRoundReopened: "The round is open again: please rate again."
    }
  }

  /// "1 min", "1.5 min", "20 min".
  public static func minutes(_ value: Double) -> String {
    "\(Value.number(value).displayText) min"
  }

  /// "3:07" for a number of seconds.
  public static func clock(_ seconds: Double) -> String {
    let total = Int(max(seconds, 0).rounded(.down))
    return "\(total / 60):" + String(format: "%02d", total % 60)
  }
}

extension ReplyText {
  /// A section's header at a terminal: where the session is (section k of n, and a small bar of
  /// the planned time behind it) and how long it has run.
  ///
  ///     == Rhythm: section 2 of 4 ██░░░░░░░░ clock 0:42 of 20:00 ==
  public static func header(
    _ heading: SectionHeading, progress: Double, elapsed: Double, planned: Double
  ) -> String {
    "== \(heading.title): section \(heading.number) of \(heading.count) \(bar(progress)) clock \(clock(elapsed)) of \(clock(planned)) =="
  }

  /// The share of the planned time before the section `heading` begins, 0 to 1: what a
  /// progress bar shows. By the agenda, not by steps, so it never jumps back or ahead when a
  /// branch leaves steps out.
  public static func progress(before heading: SectionHeading, in dialogue: Dialogue) -> Double {
    let budgets = dialogue.sections.map(\.budget)
    let total = budgets.reduce(0, +)
    guard total > 0, heading.number >= 1 else { return 0 }
    return min(1, budgets.prefix(heading.number - 1).reduce(0, +) / total)
  }

  /// A small bar of `width` blocks: "███░░░░░░░". Its meaning is always said in words beside it.
  public static func bar(_ fraction: Double, width: Int = 10) -> String {
    let filled = Int((max(0, min(1, fraction)) * Double(width)).rounded())
    return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
  }

  /// After `/back`: the answer taken back, when there was one, so the person sees what they said.
  ///
  ///     Back to the previous question. Your answer was: Every two weeks.
  public static func wentBack(undoing answer: Answer?) -> String {
    guard let answer else { return "Back to the previous question; your earlier answer is undone." }
    if answer.wasSkipped { return "Back to the previous question, which you had skipped." }
    return "Back to the previous question. Your answer was: \(answer.text)"
  }
}
