import Foundation
import Mustache

/// Fills `{{placeholders}}` in dialogue text with Mustache, as plain text (no HTML escaping), and
/// finds the names a text reads so that the checker can tell whether they are set.
public enum Interpolation {
  /// Mustache escapes HTML by default and partials reset it, so every template starts with this.
  static let textPragma = "{{%CONTENT_TYPE: TEXT}}"

  public struct NameUse: Sendable, Hashable {
    public var name: String
    public var location: SourceLocation
    /// Inside `{{#x}}…{{/x}}` a name may belong to the section's item, so it is not required.
    public var isInsideSection: Bool
    /// `{{#x}}` or `{{^x}}`: the tag tests whether `x` is set, so `x` need not be.
    public var opensSection = false
  }

  static func parse(_ source: String, at start: SourceLocation) -> Result<
    MustacheTemplate, Diagnostic
  > {
    do {
      return .success(try MustacheTemplate(string: textPragma + source))
    } catch let error as MustacheTemplate.ParserError {
      // Mustache finds an unclosed section at the end of the text; point at where it opens.
      if case .expectedSectionEnd = error.error as? MustacheTemplate.Error,
        let open = scan(source, at: start).unclosed.last
      {
        return .failure(
          .error(
            "malformed {{placeholder}}: {{\(open.sigil)\(open.use.name)}} is never closed with {{/\(open.use.name)}}",
            at: open.use.location))
      }
      let line = max(error.context.lineNumber, 1)
      var column = max(error.context.columnNumber, 1)
      if line == 1 { column = max(column - textPragma.count, 1) }
      return .failure(
        .error(
          "malformed {{placeholder}}: \(describe(error.error))",
          at: location(line: line, column: column, from: start)))
    } catch {
      return .failure(.error("malformed {{placeholder}}: \(error)", at: start))
    }
  }

  private static func describe(_ error: any Error) -> String {
    guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
    switch error {
    case .sectionCloseNameIncorrect:
      return "a {{/section}} closes a different section than the one open"
    case .unfinishedName: return "a tag is not closed with '}}', or its name is empty"
    case .expectedSectionEnd: return "a {{#section}} is never closed with {{/section}}"
    case .invalidSetDelimiter: return "the {{=…=}} delimiter tag is malformed"
    case .invalidConfigVariableSyntax, .unrecognisedConfigVariable:
      return "'{{%…}}' pragmas are not supported"
    default: return "\(error)"
    }
  }

  /// The location of line/column (from 1) inside a text that starts at `start`.
  static func location(line: Int, column: Int, from start: SourceLocation) -> SourceLocation {
    if line == 1 { return start.movedRight(by: column - 1) }
    // Later lines of a block scalar are indented like its first line.
    return SourceLocation(
      file: start.file, line: start.line + line - 1, column: start.column + column - 1)
  }

  /// Whether the text contains `{{` at all: a quick test before any parsing.
  static func mayHavePlaceholders(_ source: String) -> Bool {
    func scan(_ bytes: some Sequence<UInt8>) -> Bool {
      var previous: UInt8 = 0
      for byte in bytes {
        if byte == UInt8(ascii: "{") && previous == byte { return true }
        previous = byte
      }
      return false
    }
    // Over the bytes in place when the string has them: this runs for every text of a dialogue.
    return source.utf8.withContiguousStorageIfAvailable(scan) ?? scan(source.utf8)
  }

  /// A text cut into literal parts and plain `{{name}}` placeholders: enough to fill in most texts
  /// without a Mustache template.
  public enum Piece: Sendable, Hashable {
    case literal(String)
    case name(String)
  }

  /// Every `{{name}}`, `{{#name}}`, `{{^name}}`, `{{{name}}}` and `{{&name}}` in the text.
  public static func names(in source: String, at start: SourceLocation) -> [NameUse] {
    scan(source, at: start).names
  }

  /// `text` without leading and trailing spaces and tabs, as Foundation's
  /// `trimmingCharacters(in: .whitespaces)` gives it, without going through NSString.
  static func trimmedOfBlanks(_ text: String) -> String {
    func isBlank(_ scalar: Unicode.Scalar) -> Bool {
      scalar == " " || scalar == "\t"
        || (!scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator)
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isBlank($0) }),
      let last = scalars.lastIndex(where: { !isBlank($0) })
    else { return "" }
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) {
      return text
    }
    return String(scalars[first...last])
  }

  /// The names a text reads and, when it uses nothing but plain `{{name}}` placeholders, its pieces.
  static func scan(_ source: String, at start: SourceLocation) -> (
    names: [NameUse], pieces: [Piece]?, unclosed: [(sigil: Character, use: NameUse)]
  ) {
    let bytes = Array(source.utf8)
    var uses: [NameUse] = []
    var pieces: [Piece]? = []
    var literalStart = 0
    var openSections: [(sigil: Character, use: NameUse)?] = []
    var line = 1
    var lineStart = 0
    var index = 0
    let open = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    /// Columns count characters, not bytes: only continuation bytes are skipped.
    func column(at offset: Int) -> Int {
      bytes[lineStart..<offset].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
    while index + 1 < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") {
        line += 1
        lineStart = index + 1
        index += 1
        continue
      }
      guard bytes[index] == open, bytes[index + 1] == open else {
        index += 1
        continue
      }
      let tagLocation = location(line: line, column: column(at: index), from: start)
      var end = index + 2
      while end + 1 < bytes.count, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
      guard end + 1 < bytes.count else { break }
      var inner = bytes[(index + 2)..<end]
      var after = end + 2
      if inner.first == open, after < bytes.count, bytes[after] == close {
        inner = inner.dropFirst()
        after += 1
      }
      let sigil = inner.first.map { Character(Unicode.Scalar($0)) }
      let body = trimmedOfBlanks(
        String(decoding: inner.drop { "#^/&{!>=%".utf8.contains($0) }, as: UTF8.self))
      let name = firstName(in: body)
      if pieces != nil {
        if let name, name == body,
          sigil == nil || sigil == "{" || sigil == "&" || Self.isPlainName(sigil)
        {
          pieces?.append(.literal(String(decoding: bytes[literalStart..<index], as: UTF8.self)))
          pieces?.append(.name(name))
          literalStart = after
        } else {
          pieces = nil
        }
      }
      switch sigil {
      case "!", ">", "=", "%": break
      case "/": _ = openSections.popLast()
      case "#", "^":
        let use = name.map {
          NameUse(
            name: $0, location: tagLocation, isInsideSection: !openSections.isEmpty,
            opensSection: true)
        }
        if let use { uses.append(use) }
        openSections.append(use.map { (sigil ?? "#", $0) })
      default:
        if let name {
          uses.append(
            NameUse(name: name, location: tagLocation, isInsideSection: !openSections.isEmpty))
        }
      }
      for position in index..<after where bytes[position] == UInt8(ascii: "\n") {
        line += 1
        lineStart = position + 1
      }
      index = after
    }
    if literalStart < bytes.count {
      pieces?.append(.literal(String(decoding: bytes[literalStart...], as: UTF8.self)))
    }
    return (uses, pieces, openSections.compactMap { $0 })
  }

  /// Whether a tag's first character is the start of a name (no sigil).
  private static func isPlainName(_ sigil: Character?) -> Bool {
    guard let sigil else { return false }
    if let ascii = sigil.asciiValue {
      return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(ascii | 0x20) || sigil == "_"
    }
    return sigil.isLetter
  }

  /// `name`, `name.field` → `name`; `uppercased(name)` → `name`; `.` → nil.
  private static func firstName(in body: String) -> String? {
    // By UTF-8 code units: going by Characters cost half of loading a text with a placeholder.
    var text = Substring(body)
    if let open = text.utf8.firstIndex(of: UInt8(ascii: "(")),
      let close = text.utf8.lastIndex(of: UInt8(ascii: ")")), open < close
    {
      text = text[text.utf8.index(after: open)..<close]
    }
    let name = text[..<(text.utf8.firstIndex(of: UInt8(ascii: ".")) ?? text.endIndex)]
    return name.isEmpty ? nil : String(name)
  }

  /// Renders a parsed template against a context.
  public static func render(_ template: MustacheTemplate, _ context: Any) -> String {
    template.render(context)
  }
}
