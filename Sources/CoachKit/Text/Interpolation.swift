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

  /// Every `{{name}}`, `{{#name}}`, `{{^name}}`, `{{{name}}}` and `{{&name}}` in the text.
  public static func names(in source: String, at start: SourceLocation) -> [NameUse] {
    scan(source, at: start).uses
  }

  /// The names a text reads, and the `{{#name}}` or `{{^name}}` tags left open at its end.
  private static func scan(_ source: String, at start: SourceLocation) -> (
    uses: [NameUse], unclosed: [(sigil: Character, use: NameUse)]
  ) {
    var uses: [NameUse] = []
    var openSections: [(sigil: Character, use: NameUse)?] = []
    var line = 1
    var column = 1
    var index = source.startIndex
    while index < source.endIndex {
      if source[index...].hasPrefix("{{") {
        let tagLine = line
        let tagColumn = column
        guard let close = source.range(of: "}}", range: index..<source.endIndex) else { break }
        var inner = source[source.index(index, offsetBy: 2)..<close.lowerBound]
        var end = close.upperBound
        if inner.hasPrefix("{"), end < source.endIndex, source[end] == "}" {
          inner = inner.dropFirst()
          end = source.index(after: end)
        }
        let sigil = inner.first
        let body = inner.drop { "#^/&{!>=%".contains($0) }.trimmingCharacters(in: .whitespaces)
        let name = firstName(in: body)
        switch sigil {
        case "!", ">", "=", "%": break
        case "/": _ = openSections.popLast()
        case "#", "^":
          let use = name.map {
            NameUse(
              name: $0, location: location(line: tagLine, column: tagColumn, from: start),
              isInsideSection: !openSections.isEmpty, opensSection: true)
          }
          if let use { uses.append(use) }
          openSections.append(use.map { (sigil ?? "#", $0) })
        default:
          if let name {
            uses.append(
              NameUse(
                name: name, location: location(line: tagLine, column: tagColumn, from: start),
                isInsideSection: !openSections.isEmpty))
          }
        }
        for character in source[index..<end] {
          if character == "\n" {
            line += 1
            column = 1
          } else {
            column += 1
          }
        }
        index = end
        continue
      }
      if source[index] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index = source.index(after: index)
    }
    return (uses, openSections.compactMap { $0 })
  }

  /// `name`, `name.field` → `name`; `uppercased(name)` → `name`; `.` → nil.
  private static func firstName(in body: String) -> String? {
    var text = Substring(body)
    if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close {
      text = text[text.index(after: open)..<close]
    }
    let name = text.prefix { $0 != "." }
    return name.isEmpty ? nil : String(name)
  }

  /// Renders a parsed template against a context.
  public static func render(_ template: MustacheTemplate, _ context: Any) -> String {
    template.render(context)
  }
}
