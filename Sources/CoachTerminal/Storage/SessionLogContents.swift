import CoachKit
import Foundation

/// A log read back: its header, its events, and what was repaired on the way.
public struct SessionLogContents: Sendable {
  public var header: LogHeader
  public var entries: [LogEntry]
  /// Said when a torn last line was dropped.
  public var warnings: [String]
  /// The length of the log up to its last whole line.
  public var validLength: Int

  /// Reads a log. A last line cut short by a crash is dropped with a warning; any other damage is
  /// an error naming the file and line.
  public static func read(_ path: String) throws -> SessionLogContents {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw StorageError.notFound("no session log at \(path)")
    }
    let bytes = [UInt8](data)
    var lines: [(number: Int, range: Range<Int>)] = []
    var start = 0
    var number = 1
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      lines.append((number, start..<index))
      start = index + 1
      number += 1
    }
    var warnings: [String] = []
    var validLength = start
    if start < bytes.count {
      warnings.append(
        "\(path):\(number): the last line was cut short (the program was stopped while writing it); it was dropped"
      )
    }
    guard let first = lines.first else {
      throw StorageError.damaged("\(path):1: the session log has no header")
    }
    let decoder = JSONDecoder.logLine
    let header: LogHeader
    do {
      header = try decoder.decode(LogHeader.self, from: Data(bytes[first.range]))
    } catch {
      throw StorageError.damaged("\(path):1: the session log's header is damaged")
    }
    guard header.format <= LogHeader.currentFormat else {
      throw StorageError.damaged(
        "\(path):1: this session was saved by a newer coach (log format \(header.format))")
    }
    var entries: [LogEntry] = []
    for (position, line) in lines.dropFirst().enumerated() {
      do {
        entries.append(try decoder.decode(LogEntry.self, from: Data(bytes[line.range])))
      } catch {
        let isLast = position == lines.count - 2 && start == bytes.count
        if isLast {
          // A whole last line that does not parse is a write torn inside the line.
          warnings.append(
            "\(path):\(line.number): the last line is incomplete (the program was stopped while writing it); it was dropped"
          )
          validLength = line.range.lowerBound
          continue
        }
        throw StorageError.damaged(
          "\(path):\(line.number): this line of the session log is damaged; the session cannot be read past it"
        )
      }
    }
    return SessionLogContents(
      header: header, entries: entries, warnings: warnings, validLength: validLength)
  }
}
