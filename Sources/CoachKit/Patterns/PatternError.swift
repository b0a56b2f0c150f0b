/// Why a `pattern:` is refused, and where: `offset` counts characters from the pattern's start,
/// so that the checker can point at the exact column.
///
///     do { _ = try Pattern("(a)\\1") } catch { print(error.offset, error.message) }
///     // 3 backreferences like \1 are not supported: …
public struct PatternError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  public var offset: Int

  public init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }

  public var description: String { message }
}
