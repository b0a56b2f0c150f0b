import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// How the finished plan is shown to a person at a terminal: rendered by ``PlanRenderer`` at the
/// terminal's width, and through a ``Pager`` when it is taller than the screen. Piped output
/// keeps the plan's Markdown as it is (the conversation shows it then), for scripts and tests.
///
///     var style = Conversation.Style.interactive(colours: true) { Terminal.columns() }
///     style.planView  // PlanView(width: …, colours: true, pager: Pager.preferred(), …)
public struct PlanView: Sendable {
  public var width: @Sendable () -> Int
  public var colours: Bool
  /// nil shows the plan straight on the terminal.
  public var pager: Pager?
  /// Accessible mode: the plan as sentences (see ``PlanRenderer/accessible``).
  public var accessible = false
  /// The screen's height in rows, read when the plan is shown.
  public var rows: @Sendable () -> Int

  public init(
    width: @escaping @Sendable () -> Int, colours: Bool, pager: Pager?,
    rows: @escaping @Sendable () -> Int = { PlanView.terminalRows() }
  ) {
    self.width = width
    self.colours = colours
    self.pager = pager
    self.rows = rows
  }

  /// Shows the plan's Markdown after a blank line.
  public func show(_ markdown: String, to sink: some TextSink) {
    let width = self.width()
    let text = PlanRenderer(width: width, colours: colours, accessible: accessible).render(markdown)
    sink.write("\n")
    if let pager, Self.screenRows(of: text, width: width) >= rows() {
      switch pager.show(text) {
      case .shown: return
      case .failed(let reason):
        sink.writeError("coach: \(reason); here is the plan.\n")
      }
    }
    // The renderer sanitised the Markdown: its colours are the only escape sequences.
    sink.write(TerminalText(composed: text + "\n"))
  }

  /// The rows `text` takes on a screen `width` columns wide, counting lines the terminal wraps.
  static func screenRows(of text: String, width: Int) -> Int {
    text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { rows, line in
      let columns = TextWrapper.displayWidth(withoutEscapes(line))
      return rows + max(1, (columns + max(width, 1) - 1) / max(width, 1))
    }
  }

  private static func withoutEscapes(_ line: Substring) -> String {
    line.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }

  /// The terminal's height (TIOCGWINSZ on standard output), then `$LINES`, then 24.
  public static func terminalRows(
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int {
    var size = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 {
      return Int(size.ws_row)
    }
    if let text = environment["LINES"], let value = Int(text), value > 0 { return value }
    return 24
  }
}
