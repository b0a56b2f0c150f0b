import CLineEditing
import Foundation

/// Lines from standard input when it is not a terminal: no editing, no echo, no escape sequences.
/// SIGTERM, SIGHUP and SIGINT end the reading (``LineRead/signal(_:)``), so the stop is kept
/// before the program ends by the signal.
public struct PipedLines: LineSource {
  /// The longest line kept, in bytes: more than any answer a question takes. The rest of a longer
  /// line is read and dropped as it comes, so a huge line costs time in proportion to its length
  /// and no more memory than this.
  public static let longestLine = 1 << 20

  /// Bytes read but not yet split into lines.
  private var buffer: [UInt8] = []
  /// Where the unread part of `buffer` begins (dropping read lines one by one would be quadratic).
  private var start = 0
  /// How far past `start` the buffer is known to hold no newline.
  private var searched = 0
  /// The line being read is longer than ``longestLine``: its first bytes are kept, the rest
  /// dropped up to its end.
  private var overlong: [UInt8]?
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
      if let newline = buffer[(start + searched)...].firstIndex(of: UInt8(ascii: "\n")) {
        var line = overlong ?? Array(buffer[start..<newline])
        overlong = nil
        start = newline + 1
        searched = 0
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        return .line(String(decoding: line, as: UTF8.self))
      }
      searched = buffer.count - start
      if overlong == nil && searched > Self.longestLine {
        overlong = Array(buffer[start..<(start + Self.longestLine)])
      }
      if overlong != nil {
        // Keep nothing more of this line.
        start = buffer.count
        searched = 0
      }
      if start > 0 {
        buffer.removeFirst(start)
        start = 0
      }
      if atEnd {
        guard overlong != nil || !buffer.isEmpty else { return .endOfInput }
        let line = overlong ?? buffer
        buffer = []
        overlong = nil
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
