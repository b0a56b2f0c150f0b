/// One part of the agenda, with a title and a time budget: "Baseline, 1 minute".
///
///     - id: baseline
///       title: Baseline
///       budget: 1
///       steps: [...]
public struct Section: Sendable {
  public var id: String
  public var title: String
  /// The title with its placeholders, when it has some: filled in when the heading is shown.
  var titleText: Text?
  /// Minutes planned for this section; `nan` when the file gives none that can be read (the
  /// loader has reported why).
  public var budget: Double
  public var steps: [Step]
  public var location: SourceLocation

  public init(
    id: String, title: String, budget: Double, steps: [Step], location: SourceLocation,
    titleText: Text? = nil
  ) {
    self.id = id
    self.title = title
    self.titleText =
      titleText ?? (Interpolation.mayHavePlaceholders(title) ? Text(source: title, location: location) : nil)
    self.budget = budget
    self.steps = steps
    self.location = location
  }
}
