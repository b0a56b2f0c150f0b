import Foundation

/// An answer the engine took: which question it answers, its value, and how it reads.
///
///     if case .taken(let answer) = reply.outcome {
///       print("\(answer.question) → \(answer.text)")  // "How many people report to you? → 4"
///     }
public struct Answer: Sendable, Hashable {
  public var stepID: String
  public var sectionID: String
  /// The question as it was asked, its placeholders filled in.
  public var question: String
  /// The name the answer is stored under.
  public var variable: String
  /// The value stored; `.none` for a question skipped without a default.
  public var value: Value
  /// How the answer reads: an option's label, "yes", "0.5"; empty when skipped without a default.
  public var text: String
  /// Skipped (`/skip`, Enter on an optional question, or a facilitator's `/next`).
  public var wasSkipped: Bool
  public var at: Date

  public init(
    stepID: String, sectionID: String, question: String, variable: String, value: Value,
    text: String, wasSkipped: Bool, at: Date
  ) {
    self.stepID = stepID
    self.sectionID = sectionID
    self.question = question
    self.variable = variable
    self.value = value
    self.text = text
    self.wasSkipped = wasSkipped
    self.at = at
  }
}
