/// One bar of the dialogue's profile chart: a value on 0–100 and its label.
///
///     profile:
///       - value: self_score
///         label: Self
public struct ProfileEntry: Sendable {
  /// The name of a computed value or an answer, read as a number from 0 to 100.
  public var name: String
  public var label: String
  public var location: SourceLocation

  public init(name: String, label: String, location: SourceLocation) {
    self.name = name
    self.label = label
    self.location = location
  }
}
