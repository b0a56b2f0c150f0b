/// What the engine has to say after an event: lines to show, and the question now waiting.
///
/// A host (the REPL, piped input, a test) decides how it looks; the engine never prints.
///
///     for line in reply.lines { show(line) }
///     if let prompt = reply.prompt { ask(prompt) }
public struct Reply: Sendable {
  public var lines: [Line] = []
  /// The question waiting for an answer; nil when the dialogue has ended.
  public var prompt: Prompt?
  /// What happened to what the person gave: an answer taken, a rating taken, or the reason it
  /// was not; nil for an event that gives nothing (`back`, `pause`, …).
  public var outcome: Outcome?
  /// What happened that is not an answer: went back, nothing to undo, restarted…
  public var notice: Notice?
  /// After `back`: the answer taken back, so that a host can show it and offer it for editing
  /// (set by ``SessionRuntime``; nil when nothing was undone).
  public var undone: Answer?
  /// The steps the session went through, in order: each step taken (said or asked) or passed
  /// over (its `when` did not hold), with the transition that led there. `coach test` counts
  /// coverage from it; a host may ignore it.
  var route: [Visit] = []
  public var isFinished: Bool { prompt == nil }

  /// Why the last answer (or a facilitator's command) was not taken; the same prompt is asked
  /// again.
  public var rejection: Rejection? {
    if case .rejected(let rejection) = outcome { return rejection }
    return nil
  }

  /// The answer taken, when one was (a skip is taken too, as skipped).
  public var takenAnswer: Answer? {
    if case .taken(let answer) = outcome { return answer }
    return nil
  }

  /// What happened to what the person gave.
  public enum Outcome: Sendable, Hashable {
    /// The answer (or a skip) was taken for the question asked; the session moved on.
    case taken(Answer)
    /// It does not fit: the same question is asked again.
    case rejected(Rejection)
    /// Facilitator mode: a team question's round closed with these ratings; the question waits
    /// for the leader's own rating.
    case rated(stepID: String, question: String, TeamRatings)
  }

  /// One step the session came to.
  struct Visit: Sendable, Hashable {
    public var stepID: String
    /// The transition that led here; nil for the start.
    var via: FlowEdge.Key?
    /// False when the step was passed over because its `when` did not hold.
    var wasTaken: Bool
  }

  public init() {}

  public enum Line: Sendable, Hashable {
    /// The session enters a new section of the agenda.
    case section(SectionHeading)
    /// Text a step says.
    case say(String, stepID: String)
    /// A step's facilitator-only notes; a shared screen never shows them.
    case notes(String, stepID: String)
    /// Facilitator mode: what a team's ratings of a question add up to, once the leader has
    /// given their own.
    case teamSummary(TeamSummary, stepID: String)
  }

  public enum Notice: Sendable, Hashable {
    /// `back` undid the answer to this step's question.
    case wentBack(stepID: String)
    /// `back` at the first question: nothing to undo.
    case nothingToUndo
    /// `skip` on a question that must be answered.
    case cannotSkip
    /// The question was skipped.
    case skipped(stepID: String)
    case restarted
    /// An event came after the end of the dialogue.
    case alreadyFinished
    /// The person is back: a saved session goes on (the time away is not counted).
    case resumed
    /// The person is back, going on with a changed version of the dialogue: the answers that
    /// still fit it are kept.
    case resumedWithChangedDialogue
    /// The person left; nothing more is asked until the session goes on.
    case stopped(StopReason)
    /// The dialogue went round steps that ask nothing, and was stopped.
    case stoppedInLoop
    /// The dialogue leads to a step it does not have (an unchecked dialogue), and was stopped.
    case stoppedAtUnknownStep(String)
    /// Facilitator mode: the clock stopped, or started again.
    case paused
    case clockResumed
    /// `/pause` while paused, `/resume` while running: nothing changed.
    case clockUnchanged(isPaused: Bool)
    /// Minutes added to a section; its budget is now `budget` minutes.
    case extended(sectionID: String, minutes: Double, budget: Double)
    case parked(String)
    case jumped(sectionID: String)
    /// `/jump` to a section the dialogue does not have.
    case noSuchSection(String)
    /// `/next`: the question was left unanswered.
    case movedOn(stepID: String)
    /// A team question's round closed with `count` ratings: the leader's own rating comes next.
    case teamRoundClosed(stepID: String, count: Int)
    /// `/back` at the leader's turn of a team question: the round is open again, and the room
    /// rates again.
    case teamRoundReopened(stepID: String)
  }
}
