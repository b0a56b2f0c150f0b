/// One option of a choice question: a stable value that conditions and saved sessions use, the
/// label a person reads, and other words that should pick it.
///
///     options:
///       - value: weekly
///         label: Every week
///         synonyms: [weekly, each week]
///       - Never            # shorthand: value and label are both "Never"
public struct Option: Sendable, Hashable {
  public var value: String
  public var label: String
  public var synonyms: [String]
  /// In a multiple-choice question, an option that cannot be picked with others ("None of these").
  var isExclusive: Bool
  public var location: SourceLocation

  public init(
    value: String, label: String, synonyms: [String] = [], isExclusive: Bool = false,
    location: SourceLocation
  ) {
    self.value = value
    self.label = label
    self.synonyms = synonyms
    self.isExclusive = isExclusive
    self.location = location
  }
}
