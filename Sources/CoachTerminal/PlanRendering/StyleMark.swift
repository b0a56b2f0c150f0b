/// Zero-width marks that say how a run of text is styled, put in before the text is wrapped and
/// turned into colour (or removed) once the lines are final.
///
/// They are control characters: ``TextWrapper`` counts them as no columns and keeps them with the
/// word they touch, and the plan's text cannot hold any, since it is sanitised first. Each mark
/// opens a style that ``StyleMark/end`` closes; styles nest.
///
///     let line = StyleMark.strong.open + "Focus:" + StyleMark.end + " Yourself"
///     StyleMark.paint([line], colours: true)   // ["\u{1B}[1mFocus:\u{1B}[0m Yourself"]
///     StyleMark.paint([line], colours: false)  // ["Focus: Yourself"]
enum StyleMark: Character, CaseIterable {
  case strong = "\u{01}"
  case emphasis = "\u{02}"
  case code = "\u{03}"
  case heading = "\u{04}"
  case tableHeader = "\u{05}"
  case quote = "\u{06}"

  /// Closes the innermost open style.
  static let end = "\u{07}"

  var open: String { String(rawValue) }

  /// Wraps text in this style.
  func around(_ text: String) -> String { open + text + Self.end }

  /// ANSI SGR parameters.
  private var parameters: String {
    switch self {
    case .strong, .tableHeader: "1"
    case .emphasis: "3"
    case .code: "36"
    case .heading: "1;36"
    case .quote: "2"
    }
  }

  /// Replaces the marks with SGR sequences, or removes them. Every line that ends inside a style
  /// resets at its end and opens the style again on the next line, so a pager or a cut line never
  /// leaks colour.
  static func paint(_ lines: [String], colours: Bool) -> [String] {
    var open: [StyleMark] = []
    return lines.map { line in
      var out = colours && !open.isEmpty ? sgr(open) : ""
      for character in line {
        if let mark = StyleMark(rawValue: character) {
          open.append(mark)
          if colours { out += sgr([mark]) }
        } else if String(character) == end {
          guard !open.isEmpty else { continue }
          open.removeLast()
          if colours { out += "\u{1B}[0m" + (open.isEmpty ? "" : sgr(open)) }
        } else {
          out.append(character)
        }
      }
      if colours && !open.isEmpty { out += "\u{1B}[0m" }
      return out
    }
  }

  private static func sgr(_ marks: [StyleMark]) -> String {
    "\u{1B}[" + marks.map(\.parameters).joined(separator: ";") + "m"
  }

  /// The text without marks, as it takes columns.
  static func strip(_ text: String) -> String {
    String(text.filter { StyleMark(rawValue: $0) == nil && String($0) != end })
  }
}
