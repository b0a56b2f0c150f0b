import Foundation

/// Keeps the shared screen current while the facilitator sits at a prompt: the rows that change
/// (the clock, the count of ratings, the phones that joined) are rewritten in place when their
/// text changes, the cursor saved and restored around them, so nothing flickers and the line
/// being typed is untouched; a resized window or something parked from a phone has the whole
/// screen drawn again. The clock's text changes once a second, so it is written at most that
/// often; a fixed clock (tests, COACH_NOW) is never rewritten.
final class SharedScreenWatcher: LineWatcher {
  /// A row of the screen and how to work out its text now.
  struct LiveRow {
    var row: Int
    var text: () -> String
    var shown: String
  }

  private var rows: [LiveRow]
  private let margin: String
  private let redrawNeeded: () -> Bool
  private let write: (TerminalText) -> Void

  init(
    rows: [LiveRow], margin: String, redrawNeeded: @escaping () -> Bool,
    write: @escaping (TerminalText) -> Void
  ) {
    self.rows = rows
    self.margin = margin
    self.redrawNeeded = redrawNeeded
    self.write = write
  }

  func whileWaiting() -> LineWatch {
    if redrawNeeded() { return .redraw }
    var out = TerminalText("")
    for index in rows.indices {
      let text = rows[index].text()
      guard text != rows[index].shown else { continue }
      rows[index].shown = text
      out += .rewritten(row: rows[index].row, with: margin + text)
    }
    if !out.isEmpty { write(out) }
    return .keepTyping
  }
}
