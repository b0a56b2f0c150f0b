/// A named formula with parameters, written once and called from any expression.
///
///     functions:
///       band(score): if(score >= 75, "strength", if(score >= 50, "build", "priority"))
///     computed:
///       self_band: band(self)
public struct DialogueFunction: Sendable {
  public var name: String
  public var parameters: [Parameter]
  /// The body, with where it is written.
  var body: Formula
  /// Where the function's name is written.
  public var location: SourceLocation

  public struct Parameter: Sendable {
    public var name: String
    public var location: SourceLocation
    public init(name: String, location: SourceLocation) {
      self.name = name
      self.location = location
    }
  }

  public init(name: String, parameters: [Parameter], body: Formula, location: SourceLocation) {
    self.name = name
    self.parameters = parameters
    self.body = body
    self.location = location
  }

  /// The function as the expression language calls it.
  var definition: FunctionDefinition {
    FunctionDefinition(name: name, parameters: parameters.map(\.name), body: body.expression)
  }
}
