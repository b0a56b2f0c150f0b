import CLineEditing
import CoachKit
import Foundation

/// Lines typed on a terminal, through GNU readline: editing, history, Tab completion of the
/// commands and of the current question's options.
///
/// - Ctrl-C drops the line being typed and shows a fresh prompt; a second one on an empty line
///   ends the read (``LineRead/interruptedAgain``), so that the conversation can say how to leave.
/// - Ctrl-D on an empty line ends the read (``LineRead/quitAsked``), for the conversation to ask
///   whether to quit; a second one at once quits (``LineRead/quit``).
/// - A line may start with text to edit (``ExpectedLine/prefill``).
/// - Only lines handed to ``remember(_:)`` enter the history, which is kept in ``HistoryFile``.
///
/// readline is one per process: make one of these per run.
public struct ReadlineLines: LineSource {
  private let sink: any TextSink
  private let colours: Bool
  private let historyPath: String?
  /// Whether the terminal can move the cursor: under `TERM=dumb` readline does not end the
  /// line at Ctrl-D, so a newline is written for it.
  private let movesCursor: Bool
  /// A Ctrl-D was answered with "Quit?" and nothing was typed since.
  private var quitAsked = false

  public init(historyPath: String?, colours: Bool, sink: any TextSink, dumbTerminal: Bool = false) {
    self.sink = sink
    self.colours = colours
    self.movesCursor = !dumbTerminal
    coach_le_setup()
    // Pasted C1 controls and characters that reorder or hide text are never echoed.
    coach_le_set_input_filter { value in
      Unicode.Scalar(value).map(Sanitizer.isRefusedAtInput) == true ? 0 : 1
    }
    coach_le_highlight_selection(colours ? 1 : 0)
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
    guard let line = coach_le_read_line(Self.shown(prompt, colours: colours), &interrupted) else {
      if interrupted == 2 { return .signal(coach_le_pending_stop_signal()) }
      if interrupted == 4 {
        guard let partial = coach_le_take_partial_line() else { return .redraw(typedSoFar: "") }
        defer { free(partial) }
        return .redraw(typedSoFar: String(cString: partial))
      }
      if interrupted != 0 {
        quitAsked = false
        return interrupted == 3 ? .interruptedAgain : .interrupted
      }
      if !movesCursor { sink.write("\n") }
      if quitAsked { return .quit }
      quitAsked = true
      return .quitAsked
    }
    defer { free(line) }
    quitAsked = false
    return .line(
      String(decoding: UnsafeRawBufferPointer(start: line, count: strlen(line)), as: UTF8.self))
  }

  /// The prompt as readline shows it: through the sanitiser, bold in colour, with the escapes
  /// marked as invisible.
  static func shown(_ prompt: String, colours: Bool) -> String {
    let prompt = Sanitizer.clean(prompt, limit: nil)
    return colours ? "\u{1}\u{1B}[1m\u{2}\(prompt)\u{1}\u{1B}[0m\u{2}" : prompt
  }

  public mutating func expect(_ line: ExpectedLine) {
    coach_le_set_masked(line.isMasked ? 1 : 0)
    // Text put on the line is shown as typed: it goes through the sanitiser first. A masked
    // line's text is never shown selected: selecting draws it as typed.
    coach_le_set_prefill(
      Sanitizer.oneLine(line.prefill), line.prefillIsSelected && !line.isMasked ? 1 : 0)
    let words = line.completions.map { strdup($0) }
    defer { words.forEach { free($0) } }
    let pointers = words.map { $0.map { UnsafePointer($0) } }
    pointers.withUnsafeBufferPointer { coach_le_set_completions($0.baseAddress, Int32($0.count)) }
  }

  public mutating func watch(_ watcher: (any LineWatcher)?) {
    Watching.shared.watcher = watcher
    Watching.shared.colours = colours
    guard watcher != nil else {
      coach_le_set_idle_hook(nil, nil)
      return
    }
    coach_le_set_idle_hook(
      { _ in
        switch Watching.shared.watcher?.whileWaiting() ?? .keepTyping {
        case .keepTyping: return 0
        case .redraw: return 1
        case .prompt(let prompt):
          coach_le_replace_prompt(ReadlineLines.shown(prompt, colours: Watching.shared.colours))
          return 0
        }
      }, nil)
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
