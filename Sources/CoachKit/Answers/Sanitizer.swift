/// Makes text a person typed safe to show again or to write to a file: escape sequences and other
/// control characters are removed, so an answer cannot move the cursor, clear a screen or
/// set a terminal's title.
///
///     Sanitizer.clean("hi\u{1B}[2Jthere")  // "hithere"
public enum Sanitizer {
  public static func clean(_ text: String, limit: Int? = nil) -> String {
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar.value {
      case 0x1B:
        skipEscapeSequence(&scalars)
      case 0x9B:
        skipControlSequence(&scalars)
      case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
        skipStringSequence(&scalars)
      case 0x09:
        result.append(" ")
      case 0x0A where limit == nil:
        result.append(scalar)
      case 0x00...0x1F, 0x7F...0x9F:
        continue
      case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
        // Bidirectional overrides can make text read differently from what it is.
        continue
      default:
        result.append(scalar)
      }
    }
    let cleaned = String(result)
    if let limit, cleaned.count > limit { return String(cleaned.prefix(limit)) + "…" }
    return cleaned
  }

  private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
    guard let next = scalars.next() else { return }
    switch next {
    case "[": skipControlSequence(&scalars)
    case "]", "P", "X", "^", "_": skipStringSequence(&scalars)
    default:
      // Two-character escapes (ESC c, ESC 7, ESC ( B …): intermediates, then one final byte.
      var current = next
      while (0x20...0x2F).contains(current.value), let following = scalars.next() {
        current = following
      }
    }
  }

  /// CSI: parameters and intermediates up to a final byte in @…~.
  private static func skipControlSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
    while let next = scalars.next() {
      if (0x40...0x7E).contains(next.value) { return }
      if next.value < 0x20 || next.value > 0x7E { return }
    }
  }

  /// OSC, DCS and friends: up to BEL or ST (ESC \ or 0x9C).
  private static func skipStringSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
    while let next = scalars.next() {
      switch next.value {
      case 0x07, 0x9C: return
      case 0x1B:
        _ = scalars.next()
        return
      default: continue
      }
    }
  }
}
