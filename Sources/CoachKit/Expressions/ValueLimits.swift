/// How large a value may grow: what `coach check` allows an expression to give, and what
/// evaluation never exceeds, whatever the answers.
///
///     ValueLimits.maxTextLength              // 100,000 characters, checked before a session
///     ValueLimits.clamped(String(repeating: "ab", count: 1_000_000)).utf8.count  // 400,000
///
/// A chain like `c1: repeat(c0, 1000)`, `c2: repeat(c1, 1000)`… once asked for 10 GB and
/// aborted `run`, `test`, and (through a saved session) `sessions` and `resume`.
public enum ValueLimits {
  /// The most characters an expression may give: `coach check` refuses one that could give more.
  public static let maxTextLength = 100_000
  /// At run time a text is cut at this many UTF-8 bytes (four per character of the limit above),
  /// so no evaluation allocates more, even with answers from a hand-edited log.
  public static let maxTextBytes = 4 * maxTextLength
  /// The most characters a text with `{{placeholders}}` may show once they are filled in.
  public static let maxRenderedLength = 4_000_000
  /// The most characters a dialogue's computed values may hold together: a session works out
  /// what a condition or a text reads, and all of it may be held at once.
  public static let maxComputedLength = 4_000_000

  /// `text`, cut at a code point boundary so that it is at most ``maxTextBytes`` long.
  public static func clamped(_ text: String) -> String {
    guard text.utf8.count > maxTextBytes else { return text }
    var end = text.utf8.index(text.utf8.startIndex, offsetBy: maxTextBytes)
    // Step back over continuation bytes (10xxxxxx) to the start of a code point.
    while end > text.utf8.startIndex, text.utf8[end] & 0xC0 == 0x80 {
      end = text.utf8.index(before: end)
    }
    return String(text.utf8[..<end])!
  }

  /// `a + b`, cut like ``clamped(_:)``, without ever building more than the limit and `a`.
  static func joined(_ a: String, _ b: String) -> String {
    if a.utf8.count + b.utf8.count <= maxTextBytes { return a + b }
    if a.utf8.count >= maxTextBytes { return clamped(a) }
    return clamped(a + clamped(b))
  }
}

/// A text built piece by piece that stops growing at ``ValueLimits/maxTextBytes``.
///
///     var text = BoundedText()
///     for item in items where !text.isFull { text.append(item, separator: ", ") }
struct BoundedText {
  private(set) var text = ""
  var isFull: Bool { text.utf8.count >= ValueLimits.maxTextBytes }

  mutating func append(_ part: String, separator: String) {
    text = ValueLimits.joined(text, text.isEmpty ? part : separator + part)
  }
}
