/// An expression as written in a dialogue file, parsed, with the place it was written so that an
/// error inside it can point at the exact column.
public struct Formula: Sendable {
  public var expression: Expression
  /// Where the expression's first character stands in the file.
  public var location: SourceLocation

  public init(expression: Expression, location: SourceLocation) {
    self.expression = expression
    self.location = location
  }

  /// The location of a character inside the expression.
  public func location(ofOffset offset: Int) -> SourceLocation {
    location.movedRight(by: offset)
  }
}
