import CoachKit

/// A team question as phones see it while its round is open: the text and the scale, nothing
/// else of the dialogue.
///
///     RoomQuestion(
///       id: "safe_haven", text: "Mistakes are not held against people.",
///       scale: .init(min: 1, max: 5, minLabel: "Strongly disagree", maxLabel: "Strongly agree"))
public struct RoomQuestion: Hashable, Sendable, Codable {
  /// The step's id in the dialogue: the host's own name for the question, never sent to phones.
  public var id: String
  public var text: String
  public var lowest: Int
  public var highest: Int
  public var lowestLabel: String?
  public var highestLabel: String?

  /// Longest text a phone is sent: a question a person can read at a glance is far shorter.
  public static let maximumTextLength = 500
  /// Widest scale a phone is offered (a dialogue's scale may have up to 101 points).
  public static let maximumPoints = 101

  public init(id: String, text: String, scale: AnswerKind.Scale) {
    self.id = id
    self.text = Sanitizer.clean(text, limit: Self.maximumTextLength)
    lowest = min(scale.min, scale.max)
    highest = max(scale.min, scale.max)
    if highest - lowest + 1 > Self.maximumPoints { highest = lowest + Self.maximumPoints - 1 }
    lowestLabel = scale.minLabel.map { Sanitizer.clean($0, limit: 60) }
    highestLabel = scale.maxLabel.map { Sanitizer.clean($0, limit: 60) }
  }

  /// Whether `value` is a point of the scale.
  public func accepts(_ value: Int) -> Bool { (lowest...highest).contains(value) }
}
