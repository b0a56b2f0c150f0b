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

  /// Whether a follow-up's own answer or computed value of this name is carried to the next
  /// follow-up as `before_<name>`: a name the followed dialogue does not have (its own are read
  /// from it), nor a built-in, nor one that already reads an earlier value.
  public func carries(_ name: String) -> Bool { Self.carries(name, after: dialogue) }

  /// ``carries(_:)`` for a follow-up of `followed`.
  public static func carries(_ name: String, after followed: Dialogue) -> Bool {
    followed.question(storing: name) == nil && followed.computedValue(name) == nil
      && BuiltInNames.types[name] == nil && !name.hasPrefix(prefix)
  }

  /// The name a `before_` name reads: `a1_state` for `before_a1_state`; nil for any other name.
  public static func earlierName(_ name: String) -> String? {
    name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : nil
  }
}
