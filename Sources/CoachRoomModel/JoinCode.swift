/// The short code a participant types (or scans) to join a room, e.g. `K7QM3X`.
///
/// Six characters from 31 that cannot be mistaken for each other on a projector (no 0/O, 1/I/L):
/// 31⁶ ≈ 887 million codes. With wrong guesses limited to about one a second for the whole room
/// (``RoomLimits/wrongCodesPerSecond``), a three-hour session allows about 11,000 guesses: a
/// chance of about 1 in 80,000 of finding the code.
///
///     let code = JoinCode.random()
///     JoinCode(typed: " k7qm-3x ") == JoinCode(typed: "K7QM3X")  // true
public struct JoinCode: Hashable, Sendable, CustomStringConvertible {
  /// The characters a code is made of: digits 2–9 and the capital letters but I, L and O.
  public static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
  public static let length = 6

  /// The code as shown: six capitals and digits.
  public let text: String

  /// A new code from the system's cryptographically secure generator.
  public static func random() -> JoinCode {
    var generator = SystemRandomNumberGenerator()
    return random(using: &generator)
  }

  public static func random(using generator: inout some RandomNumberGenerator) -> JoinCode {
    JoinCode(
      unchecked: String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
  }

  /// Reads a code as a person typed it: case, spaces and dashes do not matter. Nil when it cannot
  /// be a code.
  public init?(typed: String) {
    let cleaned = typed.uppercased().filter { $0 != " " && $0 != "-" }
    guard cleaned.count == Self.length, cleaned.allSatisfy(Self.alphabet.contains) else {
      return nil
    }
    self.init(unchecked: cleaned)
  }

  private init(unchecked text: String) { self.text = text }

  public var description: String { text }

  /// Compares in time that does not depend on where the first difference is, so the time of a
  /// refusal says nothing about how close a guess was.
  package func matches(_ other: JoinCode) -> Bool {
    var difference: UInt8 = 0
    for (a, b) in zip(text.utf8, other.text.utf8) { difference |= a ^ b }
    return difference == 0 && text.utf8.count == other.text.utf8.count
  }
}
