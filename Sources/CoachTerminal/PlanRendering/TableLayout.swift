import CoachKit

/// Lays out a Markdown table for a terminal: aligned columns measured by display width (a CJK
/// character or an emoji takes two), cells wrapped when the table is wider than the screen, and,
/// when even that does not fit, one block per row that names each column.
///
///     Area     | Score | Band
///     ---------+-------+---------
///     Yourself |    31 | priority
///
/// At a narrow width the same table reads:
///
///     • Area: Yourself
///       Score: 31
///       Band: priority
///
/// Cells hold ``StyleMark``s, which take no columns.
struct TableLayout {
  /// The cells, header first, each already turned into marked text.
  var header: [String]
  var rows: [[String]]
  var alignments: [MarkdownTable.Alignment]

  static let separator = " | "

  func lines(width: Int) -> [String] {
    columnLines(width: width) ?? stackedLines(width: width)
  }

  // MARK: Columns

  /// The table in columns, or nil when its columns cannot fit in `width`.
  private func columnLines(width: Int) -> [String]? {
    let count = header.count
    guard count > 0 else { return [] }
    let all = [header] + rows
    let natural = (0..<count).map { column in
      all.map { TextWrapper.displayWidth($0[column]) }.max() ?? 0
    }
    // The narrowest a column can be: its longest word (bars and numbers are not cut).
    let narrowest = (0..<count).map { column in
      all.map { row in row[column].split(separator: " ").map(TextWrapper.displayWidth).max() ?? 0 }
        .max() ?? 0
    }
    let gaps = Self.separator.count * (count - 1)
    guard narrowest.reduce(0, +) + gaps <= width else { return nil }
    var widths = natural
    // Narrow the widest column, one column at a time, until the table fits.
    while widths.reduce(0, +) + gaps > width {
      guard
        let widest = widths.indices.filter({ widths[$0] > narrowest[$0] })
          .max(by: { widths[$0] < widths[$1] })
      else { return nil }
      widths[widest] -= 1
    }
    // Wrapping can need more than the width asked for (TextWrapper's floor): measure again.
    let wrapped = all.map { row in
      (0..<count).map { column in wrap(row[column], width: widths[column]) }
    }
    for column in 0..<count {
      widths[column] = wrapped.flatMap { $0[column] }.map(TextWrapper.displayWidth).max() ?? 0
    }
    guard widths.reduce(0, +) + gaps <= width else { return nil }

    var lines: [String] = []
    for (index, row) in wrapped.enumerated() {
      let height = row.map(\.count).max() ?? 1
      for lineIndex in 0..<max(height, 1) {
        let cells = (0..<count).map { column in
          let text = lineIndex < row[column].count ? row[column][lineIndex] : ""
          let shown = index == 0 && !text.isEmpty ? StyleMark.tableHeader.around(text) : text
          return pad(shown, to: widths[column], alignment: alignments[column])
        }
        lines.append(trimmedEnd(cells.joined(separator: Self.separator)))
      }
      if index == 0 {
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-"))
      }
    }
    return lines
  }

  private func wrap(_ text: String, width: Int) -> [String] {
    guard !text.isEmpty else { return [""] }
    return TextWrapper.wrapMarked(text, width: width).components(separatedBy: "\n")
  }

  private func pad(_ text: String, to width: Int, alignment: MarkdownTable.Alignment) -> String {
    let room = max(0, width - TextWrapper.displayWidth(text))
    switch alignment {
    case .left: return text + String(repeating: " ", count: room)
    case .right: return String(repeating: " ", count: room) + text
    case .centre:
      return String(repeating: " ", count: room / 2) + text
        + String(repeating: " ", count: room - room / 2)
    }
  }

  private func trimmedEnd(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }

  // MARK: Stacked

  /// One block per row: a bullet, then each column as "header: value", wrapped with a hanging
  /// indent. An empty value leaves "header:" to fill in; a column without a header shows its
  /// value alone.
  private func stackedLines(width: Int) -> [String] {
    var lines: [String] = []
    for row in rows {
      if !lines.isEmpty { lines.append("") }
      for (column, value) in row.enumerated() {
        let label = header[column]
        let text =
          label.isEmpty
          ? value : StyleMark.tableHeader.around(label + ":") + (value.isEmpty ? "" : " " + value)
        let wrapped = TextWrapper.wrapMarked(text, width: width - 4).components(separatedBy: "\n")
        for (index, line) in wrapped.enumerated() {
          let prefix = index > 0 ? "    " : column == 0 ? "• " : "  "
          lines.append(prefix + line)
        }
      }
    }
    return lines
  }
}
