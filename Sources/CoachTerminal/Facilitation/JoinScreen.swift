import CoachRoomModel
import Foundation

/// Before a room's session begins: the QR code, the page's address and the join code on the
/// shared screen, with how many phones have joined, until the facilitator presses Enter. The
/// session's clock starts after it, so the wait is not counted. Piped, the card is printed and
/// the session begins at once.
///
///     JoinScreen.show(link, title: dialogue.title, style: style, source: &lines, sink: output)
enum JoinScreen {
  static func show(
    _ link: RoomLink, title: String, style: Conversation.Style, source: inout some LineSource,
    sink: some TextSink
  ) {
    while draw(link, title: title, style: style, source: &source, sink: sink) {}
    source.watch(nil)
  }

  /// Draws the card and waits for Enter; true when the window was resized meanwhile (it is then
  /// drawn again, to fit).
  private static func draw(
    _ link: RoomLink, title: String, style: Conversation.Style, source: inout some LineSource,
    sink: some TextSink
  ) -> Bool {
    let width = style.width?() ?? 80
    let pad = String(repeating: " ", count: SharedScreen.margin(for: width))
    var lines = ["", title, ""]
    lines += link.card.lines(width: width - 2 * pad.count)
    lines.append("")
    let countRow = lines.count + 1
    let count = { "\(link.phones(link.progress.joined)) joined" }
    lines.append(count())
    let text = { (lines: [String]) in
      lines.map { $0.isEmpty ? "" : pad + $0 }.joined(separator: "\n") + "\n"
    }
    guard style.clearsScreen else {
      sink.write(text(lines))
      return false
    }
    lines.append("Press Enter to begin.")
    sink.write(.clearScreen + TerminalText(text(lines)))
    let size = (width, style.height?())
    source.watch(
      SharedScreenWatcher(
        rows: [.init(row: countRow, text: count, shown: count())], margin: pad,
        redrawNeeded: { (style.width?() ?? 80, style.height?()) != size },
        write: { sink.write($0) }))
    source.expect(ExpectedLine(completions: []))
    if case .redraw = source.readLine(prompt: "> ") { return true }
    return false
  }
}
