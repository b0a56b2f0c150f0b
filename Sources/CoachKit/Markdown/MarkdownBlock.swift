/// One block of a plan's Markdown, as ``MarkdownDocument`` reads it.
///
///     MarkdownDocument(parsing: "## Actions\n\n- Book the room").blocks
///     // [.heading(level: 2, [.text("Actions")]),
///     //  .list(MarkdownList(ordered: false, start: 1, items: [[.paragraph([.text("Book the room")])]]))]
public indirect enum MarkdownBlock: Equatable, Sendable {
  /// `#` to `######`.
  case heading(level: Int, [MarkdownInline])
  /// Lines of text; the line breaks an author wrote stay in the text as "\n".
  case paragraph([MarkdownInline])
  case list(MarkdownList)
  /// Lines starting with `>`.
  case quote([MarkdownBlock])
  /// A fenced code block's lines, as written.
  case code([String])
  case table(MarkdownTable)
  /// `---`, `***` or `___` on a line of its own.
  case rule
}

/// A bulleted (`-`, `*`, `+`) or numbered (`1.`, `1)`) list; each item holds blocks, so lists
/// nest.
public struct MarkdownList: Equatable, Sendable {
  public var ordered: Bool
  /// The first item's number (1 for a bulleted list).
  public var start: Int
  public var items: [[MarkdownBlock]]

  public init(ordered: Bool, start: Int, items: [[MarkdownBlock]]) {
    self.ordered = ordered
    self.start = start
    self.items = items
  }
}

/// A table: a header row, a delimiter row that gives each column's alignment (`---`, `:---:`,
/// `---:`), and the rows, each with as many cells as the header.
///
///     | Area | Score |
///     |---|---:|
///     | Yourself | 31 |
public struct MarkdownTable: Equatable, Sendable {
  public enum Alignment: Equatable, Sendable {
    case left, centre, right
  }

  public var header: [[MarkdownInline]]
  public var alignments: [Alignment]
  public var rows: [[[MarkdownInline]]]

  public init(header: [[MarkdownInline]], alignments: [Alignment], rows: [[[MarkdownInline]]]) {
    self.header = header
    self.alignments = alignments
    self.rows = rows
  }
}
