// TEMPORARY stub until the preflight helper delivers; delete.
public struct YAMLPreflight: Sendable {
  public struct Limits: Sendable { public var maxBytes = 16 << 20; public static let standard = Limits() }
  public struct Problem: Error, Equatable, Sendable { public let line: Int; public let column: Int; public let message: String }
  public init(limits: Limits = .standard) {}
  public func check(_ bytes: [UInt8]) -> Result<String, Problem> { .success(String(decoding: bytes, as: UTF8.self)) }
}
