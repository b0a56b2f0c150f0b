/// Text from outside, made safe for one output format: first ``Sanitizer/clean(_:limit:)``, then
/// whatever that format reads as syntax written so that it stays text. Every exporter and
/// renderer puts untrusted text through one of these, and only these.
///
///     Escaped.markdown("[click](javascript:alert(1))")  // "\[click\](javascript:alert(1))"
///     Escaped.html("<b>hi</b>")                         // "&lt;b&gt;hi&lt;/b&gt;"
///     Escaped.dot("say \"hi\"")                         // "\"say \\\"hi\\\"\""
public enum Escaped {
  /// Markdown text (CommonMark and GitHub's): every character that could start markup (raw HTML,
  /// a link or image, emphasis, code, a heading, a table cell) backslash-escaped, so a renderer
  /// shows exactly what was typed. Line breaks are kept as hard breaks, or with `hardBreaks`
  /// false as they are (a renderer joins the lines of a paragraph).
  public static func markdown(_ text: String, hardBreaks: Bool = true) -> String {
    var out = ""
    for character in Sanitizer.clean(text) {
      if character == "\n" {
        out += hardBreaks ? "  \n" : "\n"
        continue
      }
      if markdownSyntax.contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// Markdown text inside a table cell: as ``markdown(_:)``, on one line.
  public static func markdownCell(_ text: String) -> String {
    markdown(Sanitizer.oneLine(text))
  }

  /// The ASCII punctuation that can begin or end Markdown syntax; a backslash before any of them
  /// keeps it literal.
  static let markdownSyntax: Set<Character> = [
    "\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "|",
  ]

  /// HTML text or a double-quoted attribute value.
  public static func html(_ text: String) -> String {
    replacing(
      Sanitizer.clean(text),
      ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"])
  }

  /// A Graphviz DOT double-quoted string, quotes included: quotes and backslashes escaped (so no
  /// `\N`, `\G` or `\l` escapes are read), line breaks as `\n` (centred).
  public static func dot(_ text: String) -> String {
    "\"" + replacing(Sanitizer.clean(text), ["\"": "\\\"", "\\": "\\\\", "\n": "\\n"]) + "\""
  }

  /// Text inside a quoted Mermaid label: characters Mermaid or HTML would read as syntax as entity
  /// codes (`#quot;`, `#lt;`…), line breaks as spaces.
  public static func mermaid(_ text: String) -> String {
    replacing(
      Sanitizer.oneLine(text),
      [
        "\"": "#quot;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "|": "#124;",
        "`": "#96;",
      ])
  }

  /// A YAML double-quoted string on one line, quotes included (Mermaid's front matter).
  public static func yaml(_ text: String) -> String {
    "\"" + replacing(Sanitizer.oneLine(text), ["\"": "\\\"", "\\": "\\\\"]) + "\""
  }

  /// An iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line
  /// breaks as `\n`. Fold the content line it goes in with ``icsFolded(_:)``.
  public static func ics(_ text: String) -> String {
    replacing(
      Sanitizer.clean(text), ["\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"])
  }

  /// `text` with each character found in `replacements` written as its replacement.
  private static func replacing(_ text: String, _ replacements: [Character: String]) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      if let replacement = replacements[character] {
        result += replacement
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// An iCalendar content line folded so that no line is longer than 75 octets (RFC 5545 §3.1):
  /// continuation lines begin with a space, and a fold never falls inside a UTF-8 sequence (it
  /// may fall between the scalars of one character, as the RFC allows).
  public static func icsFolded(_ line: String) -> String {
    var lines: [String] = []
    var current = String.UnicodeScalarView()
    var octets = 0
    for scalar in line.unicodeScalars {
      let size = UTF8.width(scalar)
      if octets + size > 75 {
        lines.append(String(current))
        current = String.UnicodeScalarView([" "])
        octets = 1
      }
      current.append(scalar)
      octets += size
    }
    lines.append(String(current))
    return lines.joined(separator: "\r\n")
  }
}
