import CoachKit
import Foundation

/// The plan's Markdown laid out for a terminal: headings underlined (`=`, `-`, `~`), paragraphs
/// and list items wrapped to the width by display width, nested lists indented under their
/// bullets, tables aligned (see ``TableLayout``), quotes behind `> `, code indented. With colours,
/// headings, **strong**, _emphasis_ and `code` are painted too; without, the layout is the same
/// and nothing depends on colour.
///
///     let renderer = PlanRenderer(width: 60, colours: false)
///     print(renderer.render("## Actions\n\n- **Book** the room"))
///     // Actions
///     // -------
///     //
///     // • Book the room
public struct PlanRenderer: Sendable {
  public var width: Int
  public var colours: Bool
  /// Accessible mode, for a screen reader: headings without underlines, tables as sentences
  /// (``SpokenTable``), no block-character charts, no rules, quotes said as such.
  public var accessible: Bool

  /// Narrower than this, the layout would be more indentation than text.
  static let minimumWidth = 20

  public init(width: Int, colours: Bool, accessible: Bool = false) {
    self.width = width
    self.colours = colours
    self.accessible = accessible
  }

  /// The plan as terminal lines, joined with newlines (no newline at the end). The Markdown is
  /// sanitised first, so the only escape sequences in the result are the renderer's own colours.
  public func render(_ markdown: String) -> String {
    let document = MarkdownDocument(parsing: Sanitizer.clean(markdown))
    let lines = blocks(document.blocks, width: max(width, Self.minimumWidth), depth: 0)
    return StyleMark.paint(lines, colours: colours).joined(separator: "\n")
  }

  private func blocks(_ blocks: [MarkdownBlock], width: Int, depth: Int, tight: Bool = false)
    -> [String]
  {
    var lines: [String] = []
    for block in blocks {
      let shown = self.block(block, width: width, depth: depth)
      if shown.isEmpty { continue }  // a rule, in accessible mode
      if !lines.isEmpty && !tight { lines.append("") }
      lines += shown
    }
    return lines
  }

  private func block(_ block: MarkdownBlock, width: Int, depth: Int) -> [String] {
    switch block {
    case .heading(let level, let text):
      let title = wrap(StyleMark.heading.around(inline(text)), width: width)
      if accessible { return title }
      let underline: Character? = [1: "=", 2: "-", 3: "~"][level]
      guard let underline else { return title }
      let columns = title.map(TextWrapper.displayWidth).max() ?? 0
      return title + [StyleMark.heading.around(String(repeating: underline, count: columns))]
    case .paragraph(let text):
      let words = inline(text)
      return wrap(accessible ? SpokenTable.withoutBars(words) : words, width: width)
    case .list(let list):
      return self.list(list, width: width, depth: depth)
    case .quote(let quoted) where accessible:
      var lines = self.blocks(quoted, width: width - 2, depth: depth)
      if !lines.isEmpty { lines[0] = "Quote: " + lines[0] }
      return wrap(lines.joined(separator: "\n"), width: width)
    case .quote(let quoted):
      return self.blocks(quoted, width: width - 2, depth: depth).map {
        StyleMark.quote.around($0.isEmpty ? ">" : "> " + $0)
      }
    case .code(let lines) where accessible:
      return lines.map { SpokenTable.withoutBars($0) }.filter { !$0.isEmpty }
        .flatMap { wrap($0, width: width) }
    case .code(let lines):
      // Code keeps its lines as written (a chart must not be broken), two spaces in.
      return lines.map { $0.isEmpty ? "" : "  " + StyleMark.code.around($0) }
    case .table(let table) where accessible:
      let plain = { (cell: [MarkdownInline]) in StyleMark.paint([inline(cell)], colours: false)[0] }
      let sentences = SpokenTable(
        header: table.header.map(plain), rows: table.rows.map { $0.map(plain) }
      ).sentences()
      return sentences.flatMap { wrap($0, width: width) }
    case .table(let table):
      let layout = TableLayout(
        header: table.header.map(inline), rows: table.rows.map { $0.map(inline) },
        alignments: table.alignments)
      return layout.lines(width: width)
    case .rule where accessible:
      return []
    case .rule:
      return [String(repeating: "-", count: min(width, 40))]
    }
  }

  /// Bullets by depth: •, ◦, ▪, then again. Numbers are right-aligned, so 9. and 10. line up.
  private func list(_ list: MarkdownList, width: Int, depth: Int) -> [String] {
    let last = list.start + list.items.count - 1
    let markerWidth = list.ordered ? String(last).count + 1 : 1
    let indent = String(repeating: " ", count: markerWidth + 1)
    var lines: [String] = []
    for (offset, item) in list.items.enumerated() {
      let marker: String
      if list.ordered {
        let number = "\(list.start + offset)."
        marker = String(repeating: " ", count: markerWidth - number.count) + number
      } else {
        marker = ["•", "◦", "▪"][depth % 3]
      }
      let body = blocks(item, width: width - indent.count, depth: depth + 1, tight: true)
      for (index, line) in (body.isEmpty ? [""] : body).enumerated() {
        lines.append(index == 0 ? marker + " " + line : line.isEmpty ? "" : indent + line)
      }
    }
    return lines
  }

  /// Inline markup as marked text; the author's line breaks become spaces, for the wrapper.
  private func inline(_ inlines: [MarkdownInline]) -> String {
    inlines.map { inline in
      switch inline {
      case .text(let text): text.replacingOccurrences(of: "\n", with: " ")
      case .code(let text): StyleMark.code.around(text)
      case .strong(let inner): StyleMark.strong.around(self.inline(inner))
      case .emphasis(let inner): StyleMark.emphasis.around(self.inline(inner))
      }
    }.joined()
  }

  private func wrap(_ text: String, width: Int) -> [String] {
    TextWrapper.wrapMarked(text, width: width).components(separatedBy: "\n")
  }
}
