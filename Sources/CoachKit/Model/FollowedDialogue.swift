import Foundation

/// The dialogue a follow-up (a check-in) follows: its answers, scores and plan are readable in
/// the follow-up as `before_<name>`, with `before_date` and `before_plan`; so are the follow-up's
/// own answers and computed values as the latest follow-up on the same session left them (see
/// ``EarlierSession/init(transcript:updatedBy:)``).
///
///     follows: ../trust-first
///
/// A class only so that a dialogue can hold another; it never changes after loading.
public final class FollowedDialogue: Sendable {
  public let dialogue: Dialogue
  /// The path as written, and where.
  public let path: String
  public let location: SourceLocation

  /// How the follow-up reads the earlier session's names: `before_self`, `before_focus`.
  public static let prefix = "before_"
  /// The earlier session's start date (of the latest follow-up on it, when there was one).
  static let dateName = "before_date"
  /// The start date of the session itself, however many follow-ups came since.
  static let sessionDateName = "before_session_date"
  /// How many follow-ups on the session were finished before this one: 0 at the first.
  static let followUpsName = "before_follow_ups"
  /// The earlier session's plan (the latest follow-up's, when there was one), as it was rendered.
  static let planName = "before_plan"

  /// The names every follow-up reads besides the earlier session's answers and values, with
  /// their types.
  static let givenTypes: [String: ValueType] = [
    dateName: .date, sessionDateName: .date, followUpsName: .number, planName: .text,
  ]

  public init(dialogue: Dialogue, path: String, location: SourceLocation) {
    self.dialogue = dialogue
    self.path = path
    self.location = location
  }
}
