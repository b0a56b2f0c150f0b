import Foundation

/// The dialogue a follow-up (a check-in) follows: its answers, scores and plan are readable in
/// the follow-up as `before_<name>`, with `before_date` and `before_plan`.
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
  /// The earlier session's start date.
  static let dateName = "before_date"
  /// The earlier session's plan, as it was rendered.
  static let planName = "before_plan"

  public init(dialogue: Dialogue, path: String, location: SourceLocation) {
    self.dialogue = dialogue
    self.path = path
    self.location = location
  }
}
