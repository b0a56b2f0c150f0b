import CoachKit

/// Wraps text to a number of terminal columns, counting wide characters (CJK, emoji) as two.
///
/// Lines break at spaces, and also between wide characters (CJK text has no spaces); a word
/// longer than the width is cut. Leading spaces of a line indent its continuation lines. Text is
/// cleaned by ``Sanitizer`` first, so what is measured is what the terminal shows (an escape
/// sequence in a title never takes room it does not fill).
///
///     TextWrapper.wrap("A long line of text", width: 10)  // "A long\nline of\ntext"
public enum TextWrapper {
  public static func wrap(_ text: String, width: Int) -> String {
    wrapMarked(Sanitizer.clean(text), width: width)
  }

  /// ``wrap(_:width:)`` for text already cleaned that carries the plan renderer's style marks
  /// (``StyleMark``: control characters, zero columns wide), which cleaning would remove.
  static func wrapMarked(_ text: String, width: Int) -> String {
    let width = max(width, 10)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map {
      wrapLine(String($0), width: width)
    }
    .joined(separator: "\n")
  }

  /// Like ``wrap(_:width:)``, but a word wider than the line (a file's path, a command) is left
  /// whole on a line of its own, for the terminal to fold: cut, it could not be copied.
  public static func wrapKeepingWords(_ text: String, width: Int) -> String {
    let width = max(width, 10)
    return Sanitizer.clean(text).split(separator: "\n", omittingEmptySubsequences: false).map {
      wrapLine(String($0), width: width, cuttingWords: false)
    }
    .joined(separator: "\n")
  }

  /// `text` on one line of at most `width` columns: cut after the last whole word that fits,
  /// with "…", when it is longer (mid-word only when a single word is wider than that).
  ///
  ///     TextWrapper.cut("What already works there that you can lean on?", to: 24)
  ///     // "What already works…"
  public static func cut(_ text: String, to width: Int) -> String {
    let line = text.replacingOccurrences(of: "\n", with: " ")
    guard displayWidth(line) > width else { return line }
    let room = max(width - 1, 1)
    var kept = ""
    var keptWidth = 0
    var lastSpace: String.Index?
    var endsAtWord = false
    for character in line {
      let columns = columns(character)
      if keptWidth + columns > room {
        endsAtWord = character == " "
        break
      }
      if character == " " { lastSpace = kept.endIndex }
      kept.append(character)
      keptWidth += columns
    }
    if !endsAtWord, let lastSpace, kept.distance(from: kept.startIndex, to: lastSpace) > 0 {
      kept = String(kept[..<lastSpace])
    }
    while let last = kept.last, last == " " || ",;:·–-".contains(last) { kept.removeLast() }
    return kept + "…"
  }

  /// Joins the lines of each paragraph, so that line breaks an author made in a dialogue file do
  /// not fight the terminal's wrapping. Breaks stay before an empty line, an indented line, a list
  /// item, a heading, a table row or a code fence, and inside code fences.
  ///
  ///     TextWrapper.reflow("One\nparagraph.\n\n- a\n- b")  // "One paragraph.\n\n- a\n- b"
  public static func reflow(_ text: String) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    var result = ""
    var inCode = false
    for (index, line) in lines.enumerated() {
      if line.hasPrefix("```") { inCode.toggle() }
      result += line
      guard index + 1 < lines.count else { break }
      let next = lines[index + 1]
      let keepsBreak =
        inCode || line.isEmpty || line.hasPrefix("```") || isStructural(line) || next.isEmpty
        || isStructural(next) || next.hasPrefix("```")
      result += keepsBreak ? "\n" : " "
    }
    return result
  }

  /// A line that stands on its own: indented, a list item, a heading, a table row.
  private static func isStructural(_ line: Substring) -> Bool {
    guard let first = line.first else { return true }
    if first == " " || first == "#" || first == "|" || first == "\t" { return true }
    if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix("• ") { return true }
    let digits = line.prefix { $0.isNumber }
    return !digits.isEmpty
      && (line.dropFirst(digits.count).hasPrefix(") ")
        || line.dropFirst(digits.count).hasPrefix(". "))
  }

  /// A piece that stays on one line; `joined` when it follows the previous piece with no space.
  private struct Piece {
    var text: String
    var width: Int
    var joined: Bool
  }

  private static func wrapLine(_ line: String, width: Int, cuttingWords: Bool = true) -> String {
    guard displayWidth(line) > width else { return line }
    let indentation = String(line.prefix { $0 == " " })
    // Continuation lines of "  1) label" or "- item" start under the label, not the marker.
    let body = line.dropFirst(indentation.count)
    let digits = body.prefix { $0.isNumber }
    var marker = 0
    if !digits.isEmpty, body.dropFirst(digits.count).hasPrefix(") ") { marker = digits.count + 2 }
    if body.hasPrefix("- ") || body.hasPrefix("* ") { marker = 2 }
    let hanging = indentation + String(repeating: " ", count: marker)
    let indent = hanging.count < width / 2 ? hanging : ""
    var lines: [String] = []
    var current = indentation
    var currentWidth = indentation.count
    var lineHasText = false
    for piece in pieces(of: line, width: cuttingWords ? width - indent.count : Int.max) {
      let needed = currentWidth + (lineHasText && !piece.joined ? 1 : 0) + piece.width
      if needed > width && lineHasText {
        lines.append(current)
        current = indent + piece.text
        currentWidth = indent.count + piece.width
      } else {
        current += (lineHasText && !piece.joined ? " " : "") + piece.text
        currentWidth = needed
      }
      lineHasText = true
    }
    if lineHasText { lines.append(current) }
    return lines.joined(separator: "\n")
  }

  /// Splits a line into pieces: words, with each wide character a piece of its own and words
  /// wider than `limit` cut into pieces that fit.
  private static func pieces(of line: String, width limit: Int) -> [Piece] {
    var result: [Piece] = []
    for word in line.split(separator: " ") {
      var joined = false
      var run = ""
      var runWidth = 0
      func flush() {
        guard !run.isEmpty else { return }
        result.append(Piece(text: run, width: runWidth, joined: joined))
        joined = true
        run = ""
        runWidth = 0
      }
      for character in word {
        let columns = displayWidth(String(character))
        if columns >= 2 {
          flush()
          result.append(Piece(text: String(character), width: columns, joined: joined))
          joined = true
        } else {
          if runWidth + columns > limit { flush() }
          run.append(character)
          runWidth += columns
        }
      }
      flush()
    }
    return result
  }

  /// Columns a string takes on a terminal, character by character: an emoji sequence joined with
  /// zero-width joiners, or shown as emoji by a variation selector, takes two.
  public static func displayWidth(_ text: some StringProtocol) -> Int {
    text.reduce(0) { $0 + columns($1) }
  }

  static func columns(_ character: Character) -> Int {
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.count > 1 {
      if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
      if scalars.contains(where: { $0.value == 0x200D }) && first.properties.isEmoji { return 2 }
      if (0x1F1E6...0x1F1FF).contains(first.value) { return 2 }  // a flag: two regional indicators
    }
    return max(columns(first), scalars.dropFirst().map(columns).max() ?? 0)
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
    if scalar.properties.isEmojiPresentation { return 2 }
    if (0x1100...0x115F).contains(value) || (0x2E80...0x303E).contains(value)
      || (0x3041...0xA4CF).contains(value)
      || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
      || (0xFE30...0xFE4F).contains(value)
      || (0xFF00...0xFF60).contains(value) || (0xFFE0...0xFFE6).contains(value)
      || (0x1F300...0x1F64F).contains(value)
      || (0x1F900...0x1F9FF).contains(value) || (0x1F680...0x1F6FF).contains(value)
      || (0x20000...0x3FFFD).contains(value)
    {
      return 2
    }
    return 1
  }
}
