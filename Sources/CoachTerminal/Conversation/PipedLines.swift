import CLineEditing
import Foundation

/// Lines from standard input when it is not a terminal: no editing, no echo, no escape sequences.
/// SIGTERM, SIGHUP and SIGINT end the reading (``LineRead/signal(_:)``), so the stop is kept
/// before the program ends by the signal.
public struct PipedLines: LineSource {
  /// Bytes read but not yet split into lines.
  private var buffer: [UInt8] = []
  /// Where the unread part of `buffer` begins (dropping read lines one by one would be quadratic).
  private var start = 0
  private var atEnd = false
  private let sink: any TextSink

  public init(echoingPromptsTo sink: any TextSink) {
    self.sink = sink
    coach_le_catch_stop_signals(1)
  }

  public mutating func readLine(prompt: String) -> LineRead {
    sink.write(prompt)
    while true {
      let signal = coach_le_pending_stop_signal()
      if signal != 0 { return .signal(signal) }
      if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
        var line = buffer[start..<newline]
        start = newline + 1
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        return .line(String(decoding: line, as: UTF8.self))
      }
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      if atEnd {
        guard !buffer.isEmpty else { return .endOfInput }
        let line = buffer
        buffer = []
        return .line(String(decoding: line, as: UTF8.self))
      }
      var chunk = [UInt8](repeating: 0, count: 65536)
      let count = read(STDIN_FILENO, &chunk, chunk.count)
      if count > 0 {
        buffer += chunk[..<count]
      } else if count == 0 || errno != EINTR {
        atEnd = true
      }
    }
  }
}
