/// A named value worked out from answers, such as an area score.
///
///     computed:
///       self_score: (mean(keeps_promises, acts_on_values, 6 - hides_mistakes) - 1) * 25
public struct ComputedValue: Sendable {
  public var name: String
  var formula: Formula
  public var location: SourceLocation

  public init(name: String, formula: Formula, location: SourceLocation) {
    self.name = name
    self.formula = formula
    self.location = location
  }
}
