import Foundation

/// A plan's Markdown read into blocks, for the renderers that show it: HTML for the export
/// (``MarkdownHTML``) and the terminal's plan view.
///
/// It reads the subset that docs/dialogue-format.md ("How the plan is written") promises authors:
/// ATX headings, paragraphs, nested bulleted and numbered lists, block quotes, fenced code,
/// tables with a delimiter row, rules, and the inline markup of ``MarkdownInline``. Anything else
/// is text. It never fails, and nesting is bounded.
///
/// Why not a library: the only Markdown package available to the project, Ink 0.6.0, renders
/// HTML and keeps its syntax tree internal (a terminal renderer would have to parse its HTML),
/// passes raw HTML through (an answer's `<script>` would reach the export), and reads a table
/// that follows a list as a paragraph. swift-markdown is not available.
///
///     let plan = MarkdownDocument(parsing: "# Plan\n\n| a | b |\n|---|--:|\n| x | 1 |")
///     plan.blocks.count  // 2: a heading and a table
public struct MarkdownDocument: Equatable, Sendable {
  public var blocks: [MarkdownBlock]

  /// Lists and quotes nested deeper than this are read as text.
  static let maximumDepth = 16

  public init(parsing markdown: String) {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map {
      Line(String($0).replacingOccurrences(of: "\t", with: "    "))
    }
    blocks = Self.blocks(lines[...], depth: 0)
  }

  /// A line with its indentation measured.
  struct Line {
    var text: String
    /// Leading spaces.
    var indent: Int
    /// The text after them.
    var body: Substring

    init(_ text: String) {
      self.text = text
      indent = text.prefix { $0 == " " }.count
      body = text.dropFirst(indent)
    }

    var isBlank: Bool { body.allSatisfy(\.isWhitespace) }

    /// The line with up to `count` leading spaces removed.
    func dedented(by count: Int) -> Line { Line(String(text.dropFirst(min(count, indent)))) }
  }

  private static func blocks(_ lines: ArraySlice<Line>, depth: Int) -> [MarkdownBlock] {
    var blocks: [MarkdownBlock] = []
    var paragraph: [Substring] = []
    func flushParagraph() {
      guard !paragraph.isEmpty else { return }
      let text = paragraph.map { $0.trimmingTrailingSpaces }.joined(separator: "\n")
      blocks.append(.paragraph(MarkdownInline.parse(text)))
      paragraph = []
    }
    var index = lines.startIndex
    while index < lines.endIndex {
      let line = lines[index]
      if line.isBlank {
        flushParagraph()
        index += 1
        continue
      }
      // Deeply indented lines are text (there is no indented code), and so is anything nested
      // too deep.
      if line.indent > 3 || depth >= maximumDepth {
        paragraph.append(line.body)
        index += 1
        continue
      }
      if let fence = Fence(line) {
        flushParagraph()
        var code: [String] = []
        index += 1
        while index < lines.endIndex, !fence.isClosed(by: lines[index]) {
          code.append(lines[index].dedented(by: line.indent).text)
          index += 1
        }
        index += 1
        blocks.append(.code(code))
      } else if let heading = heading(line.body) {
        flushParagraph()
        blocks.append(heading)
        index += 1
      } else if isRule(line.body) {
        flushParagraph()
        blocks.append(.rule)
        index += 1
      } else if line.body.hasPrefix(">") {
        flushParagraph()
        var quoted: [Line] = []
        while index < lines.endIndex, lines[index].indent <= 3, lines[index].body.hasPrefix(">") {
          var body = lines[index].body.dropFirst()
          if body.first == " " { body = body.dropFirst() }
          quoted.append(Line(String(body)))
          index += 1
        }
        blocks.append(.quote(Self.blocks(quoted[...], depth: depth + 1)))
      } else if line.body.hasPrefix("|"), index + 1 < lines.endIndex,
        let table = table(lines[index...])
      {
        flushParagraph()
        blocks.append(.table(table.table))
        index += table.lineCount
      } else if let marker = ListMarker(line) {
        flushParagraph()
        let list = list(lines[index...], first: marker, depth: depth)
        blocks.append(.list(list.list))
        index += list.lineCount
      } else {
        paragraph.append(line.body)
        index += 1
      }
    }
    flushParagraph()
    return blocks
  }

  /// Starts a block other than a paragraph: such a line ends a list item's lazy continuation.
  private static func startsBlock(_ line: Line) -> Bool {
    line.indent <= 3
      && (Fence(line) != nil || heading(line.body) != nil || isRule(line.body)
        || line.body.hasPrefix(">") || line.body.hasPrefix("|") || ListMarker(line) != nil)
  }

  // MARK: Headings and rules

  private static func heading(_ body: Substring) -> MarkdownBlock? {
    let level = body.prefix { $0 == "#" }.count
    let rest = body.dropFirst(level)
    guard (1...6).contains(level), rest.isEmpty || rest.first == " " else { return nil }
    var text = rest.trimmingCharacters(in: .whitespaces)
    // A closing run of #, after a space, is not part of the heading.
    let closing = text.reversed().prefix { $0 == "#" }.count
    if closing > 0 {
      let kept = text.dropLast(closing)
      if kept.isEmpty || kept.last == " " { text = kept.trimmingCharacters(in: .whitespaces) }
    }
    return .heading(level: level, MarkdownInline.parse(text))
  }

  private static func isRule(_ body: Substring) -> Bool {
    let marks = body.filter { $0 != " " }
    guard let first = marks.first, "-*_".contains(first), marks.count >= 3 else { return false }
    return marks.allSatisfy { $0 == first }
  }

  // MARK: Code

  /// An opening code fence: three or more backticks or tildes.
  private struct Fence {
    var character: Character
    var length: Int

    init?(_ line: Line) {
      guard let first = line.body.first, first == "`" || first == "~" else { return nil }
      let length = line.body.prefix { $0 == first }.count
      guard length >= 3 else { return nil }
      // A backtick fence's info string may not hold a backtick (that is inline code).
      if first == "`", line.body.dropFirst(length).contains("`") { return nil }
      character = first
      self.length = length
    }

    func isClosed(by line: Line) -> Bool {
      guard line.indent <= 3 else { return false }
      let run = line.body.prefix { $0 == character }.count
      return run >= length && line.body.dropFirst(run).allSatisfy(\.isWhitespace)
    }
  }

  // MARK: Lists

  /// A list item's marker: `-`, `*`, `+`, or a number followed by `.` or `)`, then a space.
  private struct ListMarker {
    var ordered: Bool
    /// The bullet, or the number's delimiter: a different one starts a new list.
    var kind: Character
    var number: Int
    /// Where the item's text starts; its other lines are indented at least this much.
    var contentColumn: Int
    var text: Substring

    init?(_ line: Line) {
      let body = line.body
      guard let first = body.first else { return nil }
      var markerWidth: Int
      if "-*+".contains(first) {
        ordered = false
        kind = first
        number = 1
        markerWidth = 1
      } else {
        let digits = body.prefix(while: \.isASCII).prefix { $0.isNumber }
        guard (1...9).contains(digits.count), let delimiter = body.dropFirst(digits.count).first,
          delimiter == "." || delimiter == ")"
        else { return nil }
        ordered = true
        kind = delimiter
        number = Int(digits) ?? 1
        markerWidth = digits.count + 1
      }
      let rest = body.dropFirst(markerWidth)
      guard rest.isEmpty || rest.first == " " else { return nil }
      let spaces = rest.prefix { $0 == " " }.count
      // Five or more spaces after a marker: the text starts after one (the rest is indentation).
      let gap = rest.allSatisfy { $0 == " " } ? 1 : (spaces <= 4 ? spaces : 1)
      contentColumn = line.indent + markerWidth + gap
      text = rest.dropFirst(min(gap, spaces))
    }

    func continues(_ other: ListMarker) -> Bool { ordered == other.ordered && kind == other.kind }
  }

  private static func list(_ lines: ArraySlice<Line>, first: ListMarker, depth: Int) -> (
    list: MarkdownList, lineCount: Int
  ) {
    var items: [[MarkdownBlock]] = []
    var index = lines.startIndex
    while index < lines.endIndex, let marker = ListMarker(lines[index]), marker.continues(first) {
      var itemLines = [Line(String(marker.text))]
      index += 1
      while index < lines.endIndex {
        let line = lines[index]
        if line.isBlank {
          // A blank line stays in the item only when the item goes on after it.
          let next = lines[index...].first { !$0.isBlank }
          guard let next, next.indent >= marker.contentColumn else { break }
          itemLines.append(line)
        } else if line.indent >= marker.contentColumn {
          itemLines.append(line.dedented(by: marker.contentColumn))
        } else if startsBlock(line) || itemLines.last?.isBlank != false {
          break
        } else {
          // A lazy continuation of the item's last paragraph.
          itemLines.append(Line(String(line.body)))
        }
        index += 1
      }
      items.append(blocks(itemLines[...], depth: depth + 1))
      // Blank lines between items keep the list going.
      var next = index
      while next < lines.endIndex, lines[next].isBlank { next += 1 }
      guard next < lines.endIndex, let following = ListMarker(lines[next]),
        following.continues(first), lines[next].indent <= 3
      else { break }
      index = next
    }
    return (MarkdownList(ordered: first.ordered, start: first.number, items: items),
      index - lines.startIndex)
  }

  // MARK: Tables

  private static func table(_ lines: ArraySlice<Line>) -> (table: MarkdownTable, lineCount: Int)? {
    let header = cells(lines[lines.startIndex].body)
    let delimiters = cells(lines[lines.startIndex + 1].body)
    guard delimiters.count == header.count else { return nil }
    var alignments: [MarkdownTable.Alignment] = []
    for cell in delimiters {
      let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      switch (cell.hasPrefix(":"), cell.hasSuffix(":")) {
      case (true, true): alignments.append(.centre)
      case (false, true): alignments.append(.right)
      default: alignments.append(.left)
      }
    }
    var rows: [[[MarkdownInline]]] = []
    var index = lines.startIndex + 2
    while index < lines.endIndex, lines[index].indent <= 3, lines[index].body.hasPrefix("|") {
      var row = cells(lines[index].body)
      row = Array(row.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - row.count))
      rows.append(row.map(MarkdownInline.parse))
      index += 1
    }
    let table = MarkdownTable(
      header: header.map(MarkdownInline.parse), alignments: alignments, rows: rows)
    return (table, index - lines.startIndex)
  }

  /// A row's cells: split at each `|` that is neither escaped nor inside a code span, trimmed.
  private static func cells(_ row: Substring) -> [String] {
    var body = row.trimmingTrailingSpaces[...]
    if body.hasPrefix("|") { body = body.dropFirst() }
    if body.hasSuffix("|") && !body.hasSuffix("\\|") { body = body.dropLast() }
    var cells: [String] = []
    var cell = ""
    var backticks = 0  // the length of the code span's opening run, 0 outside one
    var index = body.startIndex
    while index < body.endIndex {
      let character = body[index]
      if character == "\\", body.index(after: index) < body.endIndex {
        cell.append(character)
        cell.append(body[body.index(after: index)])
        index = body.index(index, offsetBy: 2)
        continue
      }
      if character == "`" {
        let run = body[index...].prefix { $0 == "`" }.count
        if backticks == 0 {
          // Opens a code span only when a run as long closes it.
          if body[body.index(index, offsetBy: run)...].contains(String(repeating: "`", count: run)) {
            backticks = run
          }
        } else if run == backticks {
          backticks = 0
        }
        cell += String(repeating: "`", count: run)
        index = body.index(index, offsetBy: run)
        continue
      }
      if character == "|" && backticks == 0 {
        cells.append(cell.trimmingCharacters(in: .whitespaces))
        cell = ""
      } else {
        cell.append(character)
      }
      index = body.index(after: index)
    }
    cells.append(cell.trimmingCharacters(in: .whitespaces))
    return cells
  }
}

extension Substring {
  fileprivate var trimmingTrailingSpaces: String {
    var text = self
    while text.last == " " { text = text.dropLast() }
    return String(text)
  }
}
