/// A mistake in an expression, found while parsing or type-checking it.
public struct ExpressionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A short human message with a lower-case start, e.g. `unknown name 'x'`.
  public let message: String
  /// Where the mistake is: a 0-based index into the expression's source, counted in Characters.
  public let offset: Int

  /// The dialogue function whose body `offset` points into; nil: the expression itself.
  public var function: String?
  /// A mistake already reported elsewhere (a call of a function whose body has one): it is not
  /// to be reported again, and what depends on it is not to be checked further.
  public var isFollowOn = false

  public init(message: String, offset: Int, function: String? = nil, isFollowOn: Bool = false) {
    self.message = message
    self.offset = offset
    self.function = function
    self.isFollowOn = isFollowOn
  }

  init(_ message: String, at offset: Int) {
    self.init(message: message, offset: offset)
  }

  public var description: String { "\(message) (at offset \(offset))" }
}
