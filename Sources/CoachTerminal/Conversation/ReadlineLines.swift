import CLineEditing
import Foundation

/// Lines typed on a terminal, through GNU readline: editing, history, Tab completion of the
/// commands and of the current question's options.
///
/// - Ctrl-C drops the line being typed and shows a fresh prompt (``LineRead/interrupted``).
/// - Ctrl-D on an empty line asks whether to quit; a second one (or the end of input) quits.
/// - Only lines handed to ``remember(_:)`` enter the history, which is kept in ``HistoryFile``.
///
/// readline is one per process: make one of these per run.
public struct ReadlineLines: LineSource {
  private let sink: any TextSink
  private let colours: Bool
  private let historyPath: String?
  /// A Ctrl-D was answered with "Quit?" and nothing was typed since.
  private var quitAsked = false

  /// The question shown after a first Ctrl-D on an empty line.
  public static let quitQuestion =
    "Quit? Press Ctrl-D again to quit (what you chose to save is kept, to resume later), or keep answering."

  public init(historyPath: String?, colours: Bool, sink: any TextSink) {
    self.sink = sink
    self.colours = colours
    coach_le_setup()
    coach_le_history_limit(Int32(HistoryFile.capacity))
    if let historyPath, HistoryFile.prepare(historyPath) {
      self.historyPath = historyPath
      _ = coach_le_history_read(historyPath)
    } else {
      self.historyPath = nil
    }
  }

  public mutating func readLine(prompt: String) -> LineRead {
    var interrupted: Int32 = 0
    guard let line = coach_le_read_line(shown(prompt), &interrupted) else {
      if interrupted == 2 { return .signal(coach_le_pending_stop_signal()) }
      if interrupted == 3 {
        guard let partial = coach_le_take_partial_line() else { return .redraw(typedSoFar: "") }
        defer { free(partial) }
        return .redraw(typedSoFar: String(cString: partial))
      }
      if interrupted != 0 {
        quitAsked = false
        return .interrupted
      }
      if quitAsked { return .quit }
      quitAsked = true
      // readline has already moved to a new line.
      sink.write(TextWrapper.wrap(Self.quitQuestion, width: Terminal.columns()) + "\n")
      return .interrupted
    }
    defer { free(line) }
    quitAsked = false
    return .line(
      String(decoding: UnsafeRawBufferPointer(start: line, count: strlen(line)), as: UTF8.self))
  }

  /// The prompt as readline shows it: bold in colour, with the escapes marked as invisible.
  private func shown(_ prompt: String) -> String {
    colours ? "\u{1}\u{1B}[1m\u{2}\(prompt)\u{1}\u{1B}[0m\u{2}" : prompt
  }

  public mutating func expect(_ line: ExpectedLine) {
    coach_le_set_masked(line.isMasked ? 1 : 0)
    coach_le_set_initial_text(line.initialText)
    let words = line.completions.map { strdup($0) }
    defer { words.forEach { free($0) } }
    let pointers = words.map { $0.map { UnsafePointer($0) } }
    pointers.withUnsafeBufferPointer { coach_le_set_completions($0.baseAddress, Int32($0.count)) }
  }

  public mutating func watch(_ watcher: (any LineWatcher)?) {
    Watching.shared.watcher = watcher
    Watching.shared.colours = colours
    if watcher == nil {
      coach_le_set_idle_hook(nil, nil)
    } else {
      coach_le_set_idle_hook(
        { _ in
          switch Watching.shared.watcher?.whileWaiting() ?? .keepTyping {
          case .keepTyping: return 0
          case .redraw: return 1
          case .prompt(let prompt):
            let shown =
              Watching.shared.colours ? "\u{1}\u{1B}[1m\u{2}\(prompt)\u{1}\u{1B}[0m\u{2}" : prompt
            coach_le_replace_prompt(shown)
            return 0
          }
        }, nil)
    }
  }

  public mutating func remember(_ line: String) {
    guard !line.isEmpty, coach_le_history_add(line) == 1, let historyPath else { return }
    _ = coach_le_history_append_last(historyPath, Int32(HistoryFile.capacity))
  }
}

/// The watcher readline's event hook asks, one per process like readline itself: the hook is a C
/// function and cannot hold a Swift closure. Only the thread reading lines touches it.
private final class Watching: @unchecked Sendable {
  static let shared = Watching()
  var watcher: (any LineWatcher)?
  var colours = false
}
