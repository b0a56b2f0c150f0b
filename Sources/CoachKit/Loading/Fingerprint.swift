/// A short hash of a dialogue's files (64-bit FNV-1a), to notice when a dialogue has been edited
/// since a session began. Not for security: it only has to change when the text changes.
///
///     var print = Fingerprint()
///     print.add(bytes)
///     print.value  // "fnv1a64:9c1e0e6f7b2d4a11"
public struct Fingerprint: Sendable {
  private var hash: UInt64 = 0xcbf2_9ce4_8422_2325

  public init() {}

  public mutating func add(_ bytes: some Sequence<UInt8>) {
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    // A separator, so that moving text from one file to the next changes the value.
    hash ^= 0xFF
    hash &*= 0x0000_0100_0000_01B3
  }

  public var value: String {
    let hex = String(hash, radix: 16)
    return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
  }
}
