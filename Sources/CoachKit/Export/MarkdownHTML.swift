import Foundation

/// Turns the Markdown a plan is written in into HTML, for the HTML export: the blocks that
/// ``MarkdownDocument`` reads (headings, paragraphs, nested lists, quotes, tables, code, rules)
/// and **bold**, _italics_ and `code`. Every piece of text is escaped, so text from an answer can
/// never become markup.
///
///     MarkdownHTML.render("## Actions\n\n- **Book** the room")
///     // "<h2>Actions</h2>\n<ul>\n<li><strong>Book</strong> the room</li>\n</ul>\n"
public enum MarkdownHTML {
  public static func render(_ markdown: String) -> String {
    MarkdownDocument(parsing: markdown).blocks.map(html).joined()
  }

  private static func html(_ block: MarkdownBlock) -> String {
    switch block {
    case .heading(let level, let text):
      return "<h\(level)>\(inline(text))</h\(level)>\n"
    case .paragraph(let text):
      // The author's line breaks stay, as in the plan shown at the end of a session.
      return "<p>" + inline(text).replacingOccurrences(of: "\n", with: "<br>\n") + "</p>\n"
    case .list(let list):
      let tag = list.ordered ? "ol" : "ul"
      let start = list.ordered && list.start != 1 ? " start=\"\(list.start)\"" : ""
      return "<\(tag)\(start)>\n" + list.items.map { "<li>\(item($0))</li>\n" }.joined()
        + "</\(tag)>\n"
    case .quote(let blocks):
      return "<blockquote>\n" + blocks.map(html).joined() + "</blockquote>\n"
    case .code(let lines):
      return "<pre><code>" + lines.map(escape).joined(separator: "\n") + "</code></pre>\n"
    case .table(let table):
      func row(_ cells: [[MarkdownInline]], tag: String) -> String {
        "<tr>"
          + zip(cells, table.alignments).map { cell, alignment in
            let style =
              switch alignment {
              case .left: ""
              case .centre: " style=\"text-align: center\""
              case .right: " style=\"text-align: right\""
              }
            return "<\(tag)\(style)>\(inline(cell))</\(tag)>"
          }.joined() + "</tr>\n"
      }
      return "<table>\n" + row(table.header, tag: "th")
        + table.rows.map { row($0, tag: "td") }.joined() + "</table>\n"
    case .rule:
      return "<hr>\n"
    }
  }

  /// A list item: a single paragraph stands without `<p>`, as in a tight list.
  private static func item(_ blocks: [MarkdownBlock]) -> String {
    var blocks = blocks[...]
    var out = ""
    if case .paragraph(let text) = blocks.first {
      out = inline(text).replacingOccurrences(of: "\n", with: "<br>\n")
      blocks = blocks.dropFirst()
    }
    guard !blocks.isEmpty else { return out }
    return out + "\n" + blocks.map(html).joined()
  }

  static func inline(_ inlines: [MarkdownInline]) -> String {
    inlines.map { inline in
      switch inline {
      case .text(let text): escape(text)
      case .code(let text): "<code>\(escape(text))</code>"
      case .strong(let inner): "<strong>\(self.inline(inner))</strong>"
      case .emphasis(let inner): "<em>\(self.inline(inner))</em>"
      }
    }.joined()
  }

  static func escape(_ text: String) -> String { Escaped.html(text) }
}
