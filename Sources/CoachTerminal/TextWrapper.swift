/// Wraps text to a number of terminal columns, counting wide characters (CJK, emoji) as two.
///
///     TextWrapper.wrap("A long line of text", width: 10)  // "A long\nline of\ntext"
public enum TextWrapper {
  public static func wrap(_ text: String, width: Int) -> String {
    let width = max(width, 10)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map {
      wrapLine(String($0), width: width)
    }
    .joined(separator: "\n")
  }

  private static func wrapLine(_ line: String, width: Int) -> String {
    guard displayWidth(line) > width else { return line }
    let indentation = String(line.prefix { $0 == " " })
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    for word in line.split(separator: " ") {
      let wordWidth = displayWidth(word)
      let needed = current.isEmpty ? wordWidth : currentWidth + 1 + wordWidth
      if needed > width && !current.isEmpty {
        lines.append(current)
        current = indentation + word
        currentWidth = indentation.count + wordWidth
      } else {
        current = current.isEmpty ? (lines.isEmpty ? indentation : "") + word : current + " " + word
        currentWidth = current.isEmpty ? wordWidth : displayWidth(current)
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines.joined(separator: "\n")
  }

  /// Columns a string takes on a terminal.
  public static func displayWidth(_ text: some StringProtocol) -> Int {
    text.unicodeScalars.reduce(0) { $0 + columns($1) }
  }

  static func columns(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    if scalar.properties.generalCategory == .nonspacingMark
      || scalar.properties.generalCategory == .enclosingMark
      || value == 0x200B || value == 0x200D || (0xFE00...0xFE0F).contains(value)
    {
      return 0
    }
    if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
      || (0xAC00...0xD7A3).contains(value)
      || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
      || (0xFF00...0xFF60).contains(value)
      || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
      || (0x1F900...0x1F9FF).contains(value)
      || (0x1F680...0x1F6FF).contains(value) || (0x20000...0x3FFFD).contains(value)
    {
      return 2
    }
    return 1
  }
}
