import Foundation

/// Turns the Markdown a plan is written in into HTML, for the HTML export: headings, paragraphs,
/// lists, tables, code blocks, rules, **bold**, _italics_ and `code`. Everything is escaped first,
/// so text from an answer can never become markup.
///
///     MarkdownHTML.render("## Actions\n\n- **Book** the room")
///     // "<h2>Actions</h2>\n<ul>\n<li><strong>Book</strong> the room</li>\n</ul>\n"
enum MarkdownHTML {
  static func render(_ markdown: String) -> String {
    var html = ""
    var paragraph: [String] = []
    var list: (ordered: Bool, items: [String])?
    var table: [[String]] = []
    var code: [String]?

    func flushParagraph() {
      guard !paragraph.isEmpty else { return }
      html += "<p>" + paragraph.map(inline).joined(separator: "<br>\n") + "</p>\n"
      paragraph = []
    }
    func flushList() {
      guard let current = list else { return }
      let tag = current.ordered ? "ol" : "ul"
      html +=
        "<\(tag)>\n" + current.items.map { "<li>\(inline($0))</li>\n" }.joined() + "</\(tag)>\n"
      list = nil
    }
    func flushTable() {
      guard !table.isEmpty else { return }
      var rows = table
      let header = rows.removeFirst()
      // The |---|---| line under the header says nothing to a reader.
      rows.removeAll { row in row.allSatisfy { $0.allSatisfy { "-: ".contains($0) } } }
      html += "<table>\n<tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr>\n"
      for row in rows { html += "<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
      html += "</table>\n"
      table = []
    }
    func flushAll() {
      flushParagraph()
      flushList()
      flushTable()
    }

    for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      if var lines = code {
        if line.hasPrefix("```") {
          html += "<pre><code>" + lines.map(escape).joined(separator: "\n") + "</code></pre>\n"
          code = nil
        } else {
          lines.append(line)
          code = lines
        }
        continue
      }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("```") {
        flushAll()
        code = []
      } else if trimmed.isEmpty {
        flushAll()
      } else if trimmed.hasPrefix("|") {
        flushParagraph()
        flushList()
        table.append(cells(of: trimmed))
      } else if trimmed == "---" || trimmed == "***" {
        flushAll()
        html += "<hr>\n"
      } else if let level = headingLevel(trimmed) {
        flushAll()
        let text = trimmed.dropFirst(level).trimmingCharacters(in: .whitespaces)
        html += "<h\(level)>\(inline(text))</h\(level)>\n"
      } else if let item = listItem(trimmed) {
        flushParagraph()
        flushTable()
        if list?.ordered != item.ordered { flushList() }
        list = (item.ordered, (list?.items ?? []) + [item.text])
      } else {
        flushList()
        flushTable()
        paragraph.append(trimmed)
      }
    }
    if let lines = code {
      html += "<pre><code>" + lines.map(escape).joined(separator: "\n") + "</code></pre>\n"
    }
    flushAll()
    return html
  }

  private static func headingLevel(_ line: String) -> Int? {
    let hashes = line.prefix { $0 == "#" }.count
    guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
    return hashes
  }

  private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
    if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, String(line.dropFirst(2))) }
    let digits = line.prefix { $0.isNumber }
    if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
      return (true, String(line.dropFirst(digits.count + 2)))
    }
    return nil
  }

  private static func cells(of row: String) -> [String] {
    var inner = Substring(row)
    if inner.hasPrefix("|") { inner = inner.dropFirst() }
    if inner.hasSuffix("|") { inner = inner.dropLast() }
    return inner.split(separator: "|", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
  }

  /// Escapes the text, then turns `code`, **bold** and _italics_ into tags.
  static func inline(_ text: String) -> String {
    var html = escape(text)
    html = replacePairs(in: html, marker: "`", open: "<code>", close: "</code>")
    html = replacePairs(in: html, marker: "**", open: "<strong>", close: "</strong>")
    html = replacePairs(in: html, marker: "_", open: "<em>", close: "</em>", wordBounded: true)
    return html
  }

  /// Replaces pairs of `marker` with tags; an unpaired marker stays as it is.
  private static func replacePairs(
    in text: String, marker: String, open: String, close: String, wordBounded: Bool = false
  ) -> String {
    let parts = text.components(separatedBy: marker)
    guard parts.count >= 3 else { return text }
    var result = parts[0]
    var index = 1
    while index < parts.count {
      let inside = parts[index]
      let hasClosing = index + 1 < parts.count
      let boundedBefore = !wordBounded || (result.last.map { !$0.isLetter && !$0.isNumber } ?? true)
      let boundedAfter =
        !wordBounded
        || (hasClosing && (parts[index + 1].first.map { !$0.isLetter && !$0.isNumber } ?? true))
      if hasClosing, !inside.isEmpty, boundedBefore, boundedAfter {
        result += open + inside + close + parts[index + 1]
        index += 2
      } else {
        result += marker + inside
        index += 1
      }
    }
    return result
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for character in Sanitizer.clean(text) {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
