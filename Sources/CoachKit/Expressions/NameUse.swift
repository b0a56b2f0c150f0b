/// One place where an expression reads a name.
public struct NameUse: Hashable, Sendable {
  public let name: String
  /// 0-based index of the name's first character in the expression's source, in Characters.
  public let offset: Int

  public init(name: String, offset: Int) {
    self.name = name
    self.offset = offset
  }
}
