/// What a phone is given when it joins, and shows on every request after: 128 random bits as 32
/// hexadecimal digits. It lives only in the room's memory and in the page's `sessionStorage`, and
/// is never linked to a person, an address or a rating that leaves the room.
///
///     let token = DeviceToken.random()   // e.g. "9f1c…" (32 hex digits)
public struct DeviceToken: Hashable, Sendable {
  public let text: String

  public static func random() -> DeviceToken {
    var generator = SystemRandomNumberGenerator()
    return random(using: &generator)
  }

  public static func random(using generator: inout some RandomNumberGenerator) -> DeviceToken {
    let high = generator.next() as UInt64
    let low = generator.next() as UInt64
    return DeviceToken(unchecked: hex(high) + hex(low))
  }

  /// Reads a token a phone sent; nil when it is not 32 lower-case hexadecimal digits.
  public init?(sent: String) {
    guard sent.utf8.count == 32,
      sent.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) })
    else { return nil }
    self.init(unchecked: sent)
  }

  private init(unchecked text: String) { self.text = text }

  private static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
