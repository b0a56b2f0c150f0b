/// A section's title and place in the agenda, for a heading.
public struct SectionHeading: Sendable, Hashable {
  public var id: String
  public var title: String
  /// 1-based position among the dialogue's sections.
  public var number: Int
  public var count: Int
  /// Minutes planned.
  public var budget: Double

  public init(id: String, title: String, number: Int, count: Int, budget: Double) {
    self.id = id
    self.title = title
    self.number = number
    self.count = count
    self.budget = budget
  }
}
