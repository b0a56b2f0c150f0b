/// An expression as written in a dialogue file, parsed, with the place it was written so that an
/// error inside it can point at the exact column.
public struct Formula: Sendable {
  public var expression: Expression { ready ?? deferred!.value }
  /// Where each character of the expression was written.
  public var span: SourceSpan
  /// Where the expression's first character stands in the file.
  public var location: SourceLocation { span.start }
  private let ready: Expression?
  private let deferred: Deferred<Expression>?

  public init(expression: Expression, location: SourceLocation) {
    self.init(expression: expression, span: SourceSpan(start: location))
  }

  public init(expression: Expression, span: SourceSpan) {
    self.ready = expression
    self.deferred = nil
    self.span = span
  }

  /// An expression known to parse (its dialogue was checked when `coach` was built), parsed when
  /// first used.
  init(checked source: String, span: SourceSpan) {
    self.ready = nil
    self.deferred = Deferred {
      (try? Expression.parse(source)) ?? (try! Expression.parse("false"))
    }
    self.span = span
  }

  /// The location of a character inside the expression, `offset` Characters from its start,
  /// whatever line of the value it is on.
  public func location(ofOffset offset: Int) -> SourceLocation {
    span.location(ofCharacter: offset, in: expression.source)
  }
}
