import Foundation

/// Where a person is in a dialogue, and what they have answered: a value the engine updates one
/// event at a time.
///
///     var (session, reply) = engine.start()
///     reply = engine.handle(.answer("4"), in: &session)
public struct Session: Hashable, Sendable, Codable {
  var dialogueID: String
  /// The step waiting for an answer; nil once the dialogue has ended.
  public var currentStepID: String?
  /// Each variable's current value.
  public var answers: [String: Value]
  /// Answered and skipped questions, oldest first: what `back` undoes.
  var trail: [Turn]
  public var startedAt: Date
  /// When each section was first entered, for the agenda clock.
  var sectionStarts: [String: Date]
  /// The section the session is in now, and since when (a jump back enters a section again).
  var currentSection: SectionVisit?
  /// How many times each step was taken (said or asked), by step id: `visits(step)`.
  public var visits: [String: Int] = [:]
  /// Facilitator mode: each team question's ratings, by step id.
  public var teamRounds: [String: TeamRound] = [:]
  /// Side topics parked with `/park`, oldest first.
  public var parkingLot: [ParkedItem] = []
  /// Minutes added to sections with `/extend`, by section id.
  public var extensions: [String: Double] = [:]
  /// When the agenda clock stood still (`/pause` … `/resume`).
  public var pauses: [Pause] = []
  /// Since when the clock is paused; nil while it runs.
  public var pausedAt: Date?
  /// Since when nobody is there (a stop with no continue yet); nil while the session runs.
  public var stoppedAt: Date?
  /// Stretches of time away (a stop, or a crash, until the session went on): never counted.
  public var away: [Pause] = []
  /// When the session last changed: where time away begins when no stop was recorded.
  public var lastActivity: Date
  /// Sections whose running over was said (``Reply/overTime``): it is said once.
  public var overTimeSaid: Set<String> = []
  /// Sections moved on from (``Event/moveOn``): their optional questions are passed over.
  public var movedOn: Set<String> = []
  public var isFinished: Bool { currentStepID == nil }
  public var isStopped: Bool { stoppedAt != nil }

  /// Every stretch of time the clock does not count up to `end`: the facilitator's pauses and
  /// the time away, including a pause or a stop still going on.
  func timeNotCounted(until end: Date) -> [Pause] {
    var stretches = pauses + away
    if let pausedAt { stretches.append(Pause(from: pausedAt, to: max(end, pausedAt))) }
    if let stoppedAt { stretches.append(Pause(from: stoppedAt, to: max(end, stoppedAt))) }
    return stretches
  }

  /// One answered (or skipped) question.
  struct Turn: Hashable, Sendable, Codable {
    public var stepID: String
    public var variable: String
    /// The answer's value; `.none` when skipped without a default.
    public var value: Value
    public var wasSkipped: Bool
    /// The variable's value before this turn, restored by `back`.
    public var previous: Value?
    /// Answers of steps this turn passed over (their `when` no longer held), restored by `back`.
    var cleared: [String: Value] = [:]
    /// Steps taken after this turn, on the way to the next question: `back` takes their visits
    /// back.
    var entered: [String] = []
    /// Values set after this turn (a flow's parameters, when a call started), with what they
    /// were before (nil: not set), restored by `back`.
    var assigned: [String: Value?] = [:]
    public var at: Date
  }

  /// A section and when the session (last) entered it.
  struct SectionVisit: Hashable, Sendable, Codable {
    public var id: String
    var since: Date
  }

  public init(dialogueID: String, startedAt: Date) {
    self.dialogueID = dialogueID
    self.currentStepID = nil
    self.answers = [:]
    self.trail = []
    self.startedAt = startedAt
    self.lastActivity = startedAt
    self.sectionStarts = [:]
  }
}
