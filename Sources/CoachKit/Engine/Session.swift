import Foundation

/// Where a person is in a dialogue, and what they have answered: a value the engine updates one
/// event at a time.
///
///     var (session, reply) = engine.start()
///     reply = engine.handle(.answer("4"), in: &session)
public struct Session: Hashable, Sendable, Codable {
  public var dialogueID: String
  /// The step waiting for an answer; nil once the dialogue has ended.
  public var currentStepID: String?
  /// Each variable's current value.
  public var answers: [String: Value]
  /// Answered and skipped questions, oldest first: what `back` undoes.
  public var trail: [Turn]
  public var startedAt: Date
  /// When each section was first entered, for the agenda clock.
  public var sectionStarts: [String: Date]
  public var isFinished: Bool { currentStepID == nil }

  /// One answered (or skipped) question.
  public struct Turn: Hashable, Sendable, Codable {
    public var stepID: String
    public var variable: String
    /// The answer's value; `.none` when skipped without a default.
    public var value: Value
    public var wasSkipped: Bool
    /// The variable's value before this turn, restored by `back`.
    public var previous: Value?
    public var at: Date
  }

  public init(dialogueID: String, startedAt: Date) {
    self.dialogueID = dialogueID
    self.currentStepID = nil
    self.answers = [:]
    self.trail = []
    self.startedAt = startedAt
    self.sectionStarts = [:]
  }
}
