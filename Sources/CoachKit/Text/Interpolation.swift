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
    /// Inside `{{#if …}}`: the author tests what the name needs, so it need not be set.
    public var isGuarded = false

    /// Whether the name must be set on every path to where it is read.
    public var mustBeSet: Bool { !isInsideSection && !opensSection && !isGuarded }
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

  /// What one pass over a text finds.
  struct Scan {
    /// The names the text reads.
    var names: [NameUse] = []
    /// When the text uses nothing but plain `{{name}}` placeholders: its pieces.
    var pieces: [Piece]? = []
    /// Sections opened and never closed, innermost last.
    var unclosed: [(sigil: Character, use: NameUse)] = []
    /// The first tag outside coach's Mustache subset: `{{.}}`, a partial, a dotted name…
    var unsupported: Diagnostic?
    /// Where every such tag is, in UTF-8 bytes: they are cut out before the text is rendered.
    var unsupportedTags: [Range<Int>] = []
    /// Where sections nest deeper than ``maxSectionDepth``: such a text is never given to
    /// swift-mustache, whose parser recurses into each section (3,000 levels overflowed the stack).
    var tooDeep: Diagnostic?
    /// How many `{{…}}` tags the text has.
    var tagCount = 0
    /// The first `{{/name}}` that closes a section of another name.
    var mismatch: Diagnostic?
  }

  /// How deep `{{#…}}` and `{{^…}}` sections may nest.
  public static let maxSectionDepth = 20
  /// The largest text (in UTF-8 bytes) and the most tags that swift-mustache parses: its parser
  /// measures the rest of the text at every tag, so its time grows with their product (16,000
  /// tags in 320 KB took 23 s). Texts of plain `{{name}}` placeholders never reach it, whatever
  /// their size; at these limits it takes about a tenth of a second.
  public static let maxTemplateBytes = 32 * 1024
  public static let maxTemplateTags = 1_000

  /// The names a text reads, its pieces when it has only plain placeholders, and what in it is
  /// not supported. One pass, linear in the text's length.
  static func scan(_ source: String, at start: SourceLocation) -> Scan {
    let bytes = Array(source.utf8)
    var result = Scan()
    var literalStart = 0
    var openSections: [(sigil: Character, use: NameUse)?] = []
    var line = 1
    // The column (in characters) of `columnOffset`, a byte offset on the current line: columns
    // are counted forward from the last tag, so that a long line costs its length once.
    var columnOffset = 0
    var column = 1
    var index = 0
    let open = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    func columnAt(_ offset: Int) -> Int {
      for position in columnOffset..<offset where bytes[position] & 0xC0 != 0x80 { column += 1 }
      columnOffset = offset
      return column
    }
    func newLine(after offset: Int) {
      line += 1
      columnOffset = offset + 1
      column = 1
    }
    // coach's own tags become sections over `__` names (see InlineTags): they do not make the
    // names inside them a section item's, but `{{#if}}` (`__c`) guards them.
    func insideSection() -> Bool {
      openSections.contains { $0.map { !$0.use.name.hasPrefix("__") } ?? true }
    }
    func guarded() -> Bool {
      openSections.contains { $0?.use.name.hasPrefix("__c") ?? false }
    }
    func record(_ message: String, at location: SourceLocation, tag: Range<Int>) {
      if result.unsupported == nil { result.unsupported = .error(message, at: location) }
      result.unsupportedTags.append(tag)
    }
    while index + 1 < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") {
        newLine(after: index)
        index += 1
        continue
      }
      guard bytes[index] == open, bytes[index + 1] == open else {
        index += 1
        continue
      }
      let tagLocation = location(line: line, column: columnAt(index), from: start)
      result.tagCount += 1
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
      let body = String(decoding: inner.drop { "#^/&{!>=%$<".utf8.contains($0) }, as: UTF8.self)
        .trimmingBlanks()
      let name = firstName(in: body)
      let tag = index..<after
      func refuse(_ message: String, at location: SourceLocation) {
        record(message, at: location, tag: tag)
      }
      if result.pieces != nil {
        if let name, name == body,
          sigil == nil || sigil == "{" || sigil == "&" || Self.isPlainName(sigil)
        {
          result.pieces?.append(
            .literal(String(decoding: bytes[literalStart..<index], as: UTF8.self)))
          result.pieces?.append(.name(name))
          literalStart = after
        } else {
          result.pieces = nil
        }
      }
      switch sigil {
      case "!": break
      case ">":
        refuse(
          "partials ({{> name}}) are not supported: write the text here (the plan may come from a template_file)",
          at: tagLocation)
      case "$", "<":
        refuse("template inheritance ({{$…}}, {{<…}}) is not supported", at: tagLocation)
      case "=":
        refuse("changing the delimiters ({{=…=}}) is not supported", at: tagLocation)
      case "%":
        refuse("'{{%…}}' pragmas are not supported", at: tagLocation)
      case "/":
        let closed = openSections.popLast()
        if let open = closed ?? nil, let name, name != open.use.name, result.mismatch == nil {
          let sigil = open.sigil
          result.mismatch = .error(
            open.use.name.hasPrefix("__")
              ? "{{/\(name)}} closes nothing open here; remove it, or open {{#\(name)}} before"
              : "{{/\(name)}} closes {{\(sigil)\(open.use.name)}}, which is the section open here: write {{/\(open.use.name)}}",
            at: tagLocation)
        }
      case "#", "^":
        checkName(body, at: tagLocation, refuse)
        let use = name.map {
          NameUse(
            name: $0, location: tagLocation, isInsideSection: insideSection(),
            opensSection: true, isGuarded: guarded())
        }
        if let use, !use.name.hasPrefix("__") { result.names.append(use) }
        openSections.append(use.map { (sigil ?? "#", $0) })
        if openSections.count > maxSectionDepth, result.tooDeep == nil {
          result.tooDeep = .error(
            "{{#…}} and {{^…}} sections nest more than \(maxSectionDepth) deep here; close some before opening more",
            at: tagLocation)
        }
      default:
        checkName(body, at: tagLocation, refuse)
        if let name, !name.hasPrefix("__") {
          result.names.append(
            NameUse(
              name: name, location: tagLocation, isInsideSection: insideSection(),
              isGuarded: guarded()))
        }
      }
      for position in index..<after where bytes[position] == UInt8(ascii: "\n") {
        newLine(after: position)
      }
      index = after
    }
    if literalStart < bytes.count {
      result.pieces?.append(.literal(String(decoding: bytes[literalStart...], as: UTF8.self)))
    }
    result.unclosed = openSections.compactMap { $0 }
    return result
  }

  /// `source` without the tags outside coach's subset, so that what renders is only what the
  /// scan understood: `{{.}}` shows nothing, and text after `{{=<% %>=}}` stays text.
  static func withoutUnsupportedTags(_ source: String, _ scan: Scan) -> String {
    guard !scan.unsupportedTags.isEmpty else { return source }
    let bytes = Array(source.utf8)
    var kept: [UInt8] = []
    var next = 0
    for tag in scan.unsupportedTags {
      kept += bytes[next..<tag.lowerBound]
      next = tag.upperBound
    }
    kept += bytes[next...]
    return String(decoding: kept, as: UTF8.self)
  }

  /// Why a text that needs swift-mustache (it has sections or comments) is too large for it.
  static func tooLargeToParse(_ source: String, _ scan: Scan, at start: SourceLocation)
    -> Diagnostic?
  {
    let bytes = source.utf8.count
    guard bytes > maxTemplateBytes || scan.tagCount > maxTemplateTags else { return nil }
    return .error(
      "a text with {{#sections}} may be at most \(maxTemplateBytes / 1024) KB with \(maxTemplateTags) {{tags}}; this one is \((bytes + 1023) / 1024) KB with \(scan.tagCount)",
      at: start)
  }

  /// A placeholder names one value: `{{.}}` (the whole context: every answer and the notes),
  /// `{{a.b}}` (a field) and `{{f(x)}}` (a transform) are not in coach's subset.
  private static func checkName(
    _ body: String, at location: SourceLocation, _ refuse: (String, SourceLocation) -> Void
  ) {
    // Bytes, not Foundation's `contains`: this runs for every tag of a text.
    let hasParenthesis = body.utf8.contains(UInt8(ascii: "("))
    let hasDot = body.utf8.contains(UInt8(ascii: "."))
    guard hasParenthesis || hasDot else { return }
    if body == "." {
      refuse(
        "{{.}} is not supported: it would show every answer and the notes; name the value to show, like {{focus}}",
        location)
    } else if hasParenthesis {
      refuse(
        "'{{\(body)}}': transforms like uppercased(…) are not supported; a placeholder names one value",
        location)
    } else {
      let name = body.split(separator: ".").first.map(String.init) ?? "name"
      refuse(
        "'{{\(body)}}': a placeholder names one value, like {{\(name)}}; fields (a.b) are not supported",
        location)
    }
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

  /// Renders a parsed template against a context. The context is wrapped so that nothing but the
  /// values it names can be shown: `{{.}}` renders nothing (not the context's description, which
  /// held every answer and the facilitator's notes), and a value has no fields (`{{a.b}}`).
  public static func render(_ template: MustacheTemplate, _ context: some MustacheParent) -> String
  {
    template.render(OnlyNamedValues(context))
  }
}

/// The root of a rendering: looks names up in the wrapped context and shows nothing of itself.
private struct OnlyNamedValues: MustacheParent, MustacheCustomRenderable {
  let base: any MustacheParent
  init(_ base: any MustacheParent) { self.base = base }

  func child(named name: String) -> Any? {
    base.child(named: name).map(NamedValue.init)
  }
  var renderText: String { "" }
  var isNull: Bool { false }
}

/// A value found by name: shown as the context shows it, with no fields of its own.
private struct NamedValue: MustacheParent, MustacheCustomRenderable {
  let value: Any

  func child(named name: String) -> Any? { nil }
  var renderText: String {
    (value as? MustacheCustomRenderable)?.renderText ?? ""
  }
  var isNull: Bool {
    (value as? MustacheCustomRenderable)?.isNull ?? (value as? Bool == false)
  }
}
