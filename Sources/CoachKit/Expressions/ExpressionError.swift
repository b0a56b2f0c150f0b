/// A mistake in an expression, found while parsing or type-checking it.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A short human message with a lower-case start, e.g. `unknown name 'x'`.
  public let message: String
  /// Where the mistake is: a 0-based index into the expression's source, counted in Characters.
  public let offset: Int

  public init(message: String, offset: Int) {
    self.message = message
    self.offset = offset
  }

  init(_ message: String, at offset: Int) {
    self.init(message: message, offset: offset)
  }

  public var description: String { "\(message) (at offset \(offset))" }
}
