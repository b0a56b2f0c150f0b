import CoachKit
import CoachWording
import Foundation

/// The shared screen for one step, laid out to fit the projector's window: the section and both
/// clocks always at the top, then (at a room) how to join, what the step says, the team's last
/// result, what just happened, and the question, with the prompt on the last row. When it does
/// not all fit, the least needed goes first: blank lines, the histogram's bars, what the step
/// says (cut with "…"), then long options cut to a line. Nothing private is ever part of it:
/// no notes, no individual ratings, no paths.
///
///     let layout = SharedScreen.Content(…).layout(width: 80, height: 24)
///     layout.lines.count  // at most 23: the prompt takes the last row
struct SharedScreen {
  /// What the screen says, before it is laid out.
  struct Content {
    var heading = ""
    /// The agenda clock (``ClockText/agenda(_:)``), and a shorter form for a narrow window.
    var clock = ""
    var compactClock = ""
    var nudge: String?
    /// At a room: the address and code, and how many phones joined.
    var join: String?
    /// What the step says, paragraph by paragraph, as the dialogue wrote it.
    var said: [String] = []
    /// The team's last result (``TeamSummaryText``).
    var summary: [String] = []
    var notice: String?
    var rejection: String?
    /// A room's round: what the room does, and the count ("4 of 6 rated"), redrawn in place.
    var round: [String] = []
    var roundCount: String?
    /// The question: its text, options and the line saying what to type.
    var question: [String] = []
  }

  /// The screen's lines, with the rows (from 1) of the lines that change while a line is typed.
  struct Layout {
    var lines: [(text: String, role: Conversation.Role)] = []
    var width: Int
    var height: Int?
    var clockRow: Int?
    var joinRow: Int?
    var countRow: Int?
    /// The margin every line starts with.
    var margin: String
  }

  /// A piece of the screen: wrapped lines, how it may shrink, and whether a blank line goes
  /// before it.
  private struct Block {
    enum Kind {
      case blank, heading, clock, nudge, join, said, summary, notice, rejection, round, count,
        question, option
    }
    var kind: Kind
    var lines: [String]
    var role: Conversation.Role = .plain
  }

  static func margin(for width: Int) -> Int { width >= 70 ? 4 : (width >= 40 ? 2 : 0) }

  /// Lays out `content` for `width` columns and, at a terminal, `height` rows (the last row is
  /// the prompt's). Without a height nothing is cut.
  static func layout(_ content: Content, width: Int, height: Int?) -> Layout {
    let margin = margin(for: width)
    let inner = max(width - 2 * margin, 20)
    let pad = String(repeating: " ", count: margin)
    func wrap(_ text: String) -> [String] {
      TextWrapper.wrap(TextWrapper.reflow(text), width: inner)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
    var blocks: [Block] = [Block(kind: .blank, lines: [""])]
    blocks.append(Block(kind: .heading, lines: wrap(content.heading), role: .heading))
    blocks.append(
      Block(kind: .clock, lines: [clockLine(content.clock, content.compactClock, inner)]))
    if let nudge = content.nudge {
      blocks.append(Block(kind: .nudge, lines: wrap(nudge), role: .rejection))
    }
    if let join = content.join { blocks.append(Block(kind: .join, lines: [cut(join, to: inner)])) }
    for paragraph in content.said {
      blocks.append(Block(kind: .blank, lines: [""]))
      blocks.append(Block(kind: .said, lines: wrap(paragraph.trimmingCharacters(in: .newlines))))
    }
    if !content.summary.isEmpty {
      blocks.append(Block(kind: .blank, lines: [""]))
      blocks.append(Block(kind: .summary, lines: content.summary.flatMap(wrap)))
    }
    blocks.append(Block(kind: .blank, lines: [""]))
    if let notice = content.notice { blocks.append(Block(kind: .notice, lines: wrap(notice))) }
    if let rejection = content.rejection {
      blocks.append(Block(kind: .rejection, lines: wrap(rejection), role: .rejection))
    }
    if let first = content.question.first {
      blocks.append(Block(kind: .question, lines: wrap(first)))
      for line in content.question.dropFirst() {
        let isOption = line.hasPrefix("  ") && line.dropFirst(2).first?.isNumber == true
        blocks.append(Block(kind: isOption ? .option : .question, lines: wrap(line)))
      }
    }
    for line in content.round { blocks.append(Block(kind: .round, lines: wrap(line))) }
    if let count = content.roundCount {
      blocks.append(Block(kind: .count, lines: [cut(count, to: inner)]))
    }

    if let height { fit(&blocks, into: max(height - 1, 4), width: inner) }

    var layout = Layout(width: width, height: height, margin: pad)
    for block in blocks {
      for line in block.lines {
        let row = layout.lines.count + 1
        switch block.kind {
        case .clock: layout.clockRow = row
        case .join: layout.joinRow = row
        case .count: layout.countRow = row
        default: break
        }
        layout.lines.append((line.isEmpty ? "" : pad + line, block.role))
      }
    }
    return layout
  }

  /// Shrinks `blocks` to `rows` lines, least needed first; the heading and clock always stay.
  private static func fit(_ blocks: inout [Block], into rows: Int, width: Int) {
    func total() -> Int { blocks.reduce(0) { $0 + $1.lines.count } }
    guard total() > rows else { return }
    // 1. Blank lines: between the step's parts first, then the top row, and last the one under
    // the header.
    let separator = blocks.firstIndex {
      $0.kind != .blank && $0.kind != .heading && $0.kind != .clock && $0.kind != .nudge
        && $0.kind != .join
    }.map { $0 - 1 }
    while total() > rows,
      let index = blocks.indices.last(where: {
        blocks[$0].kind == .blank && $0 != 0 && $0 != separator
      })
    {
      blocks.remove(at: index)
    }
    if total() > rows, blocks.first?.kind == .blank { blocks.removeFirst() }
    while total() > rows, let index = blocks.firstIndex(where: { $0.kind == .blank }) {
      blocks.remove(at: index)
    }
    // 2. The histogram's bars (the figures and flags stay).
    if total() > rows, let index = blocks.firstIndex(where: { $0.kind == .summary }) {
      blocks[index].lines = blocks[index].lines.filter { !$0.hasPrefix("  ") }
    }
    // 3. Long options, to one line each.
    if total() > rows {
      for index in blocks.indices where blocks[index].kind == .option {
        blocks[index].lines = [cut(blocks[index].lines.joined(separator: " "), to: width)]
      }
    }
    // 4. What the step says, from its end, with "…" where it was cut.
    while total() > rows, let index = blocks.lastIndex(where: { $0.kind == .said }) {
      let excess = total() - rows
      let keep = blocks[index].lines.count - excess
      if keep <= 0 {
        blocks.remove(at: index)
        if total() <= rows { break }
        continue
      }
      var kept = Array(blocks[index].lines.prefix(keep))
      kept[kept.count - 1] = cut(kept[kept.count - 1] + " …", to: width)
      blocks[index].lines = kept
    }
    // 5. Then the team's result, the nudge and the join line; then the question from its end.
    for kind in [Block.Kind.summary, .nudge, .join, .notice] {
      while total() > rows, let index = blocks.lastIndex(where: { $0.kind == kind }) {
        blocks.remove(at: index)
      }
    }
    // 6. Options from the last, then what the room is told, then the question's own lines from
    // the end; the line saying what to type is the last to go.
    let lastQuestion = blocks.lastIndex { $0.kind == .question }
    for kinds in [[Block.Kind.option], [.round], [.question]] {
      while total() > rows,
        let index = blocks.indices.last(where: {
          kinds.contains(blocks[$0].kind) && ($0 != lastQuestion || blocks[$0].lines.count > 1)
        })
      {
        if blocks[index].lines.count > 1 {
          blocks[index].lines.removeLast()
        } else {
          blocks.remove(at: index)
        }
      }
    }
  }

  static func cut(_ text: String, to width: Int) -> String { TextWrapper.cut(text, to: width) }

  /// The clock's line: in full when it fits, else its short form.
  static func clockLine(_ full: String, _ compact: String, _ width: Int) -> String {
    TextWrapper.displayWidth(full) <= width || compact.isEmpty
      ? cut(full, to: width) : cut(compact, to: width)
  }
}
