import Foundation

/// A session's log read back from its bytes: the header (its first line), the events, where the
/// plan was saved, and what was wrong with it. Nothing in a log, however damaged, hides the rest:
/// a line that cannot be read, or that repeats an event already read, is skipped and said; a torn
/// last line (a write cut short) is dropped.
///
///     let contents = SessionLogContents.parse(bytes, name: "20261129-090000-3f2a.jsonl")
///     contents.header    // nil when the first line cannot be read: `headerProblem` says why
///     contents.entries   // every event that could be read, in order
///     contents.warnings  // "….jsonl:7: this line is damaged; it was skipped"
public struct SessionLogContents: Sendable {
  /// The first line; nil when it cannot be read.
  public var header: LogHeader?
  /// Why there is no header.
  public var headerProblem: String?
  public var entries: [LogEntry]
  /// Where the plan of the finished session was saved, when it was.
  public var savedPlan: SavedPlan?
  /// What was skipped or dropped, each naming the file and line.
  public var warnings: [String]
  /// The length of the log up to its last whole line: what a writer keeps before appending.
  public var validLength: Int

  public init(
    header: LogHeader?, headerProblem: String? = nil, entries: [LogEntry],
    savedPlan: SavedPlan? = nil, warnings: [String] = [], validLength: Int
  ) {
    self.header = header
    self.headerProblem = headerProblem
    self.entries = entries
    self.savedPlan = savedPlan
    self.warnings = warnings
    self.validLength = validLength
  }

  /// Reads a log's bytes; `name` (the file's path) names it in warnings.
  public static func parse(_ bytes: [UInt8], name: String) -> SessionLogContents {
    var contents = SessionLogContents(header: nil, entries: [], validLength: 0)
    let newline = UInt8(ascii: "\n")
    let decoder = JSONDecoder.logLine
    var start = 0
    var number = 0
    var lastSequence = 0
    var lineOfSequence: [Int: Int] = [:]
    while start < bytes.count {
      number += 1
      guard let end = bytes[start...].firstIndex(of: newline) else {
        // No newline: a write cut short. Whatever it holds is not kept.
        let problem =
          "the last line was cut short (the program was stopped, or the disk was full, while it was written); it was dropped"
        if number == 1 {
          contents.headerProblem = "the log was cut inside its first line, before the session began"
        }
        contents.warnings.append("\(name):\(number): \(problem)")
        break
      }
      let line = Data(bytes[start..<end])
      let isLast = end + 1 == bytes.count
      defer { start = end + 1 }
      if number == 1 {
        contents.readHeader(line, name: name, decoder: decoder)
        contents.validLength = end + 1
        continue
      }
      guard let entry = try? decoder.decode(LogEntry.self, from: line) else {
        if let record = try? decoder.decode(SavedPlan.self, from: line),
          record.kind == SavedPlan.kind
        {
          contents.savedPlan = record
          contents.validLength = end + 1
          continue
        }
        if isLast {
          // A whole last line that does not parse is a write torn inside the line.
          contents.warnings.append(
            "\(name):\(number): the last line is incomplete (the program was stopped, or the disk was full, while it was written); it was dropped"
          )
        } else {
          contents.warnings.append(
            "\(name):\(number): this line of the session log is damaged; it was skipped")
          contents.validLength = end + 1
        }
        continue
      }
      contents.validLength = end + 1
      if let sequence = entry.sequence {
        guard sequence > lastSequence else {
          let first = lineOfSequence[sequence].map { " (line \($0))" } ?? ""
          contents.warnings.append(
            "\(name):\(number): this line repeats event \(sequence)\(first), or is out of order; it was skipped"
          )
          continue
        }
        lastSequence = sequence
        lineOfSequence[sequence] = number
      }
      contents.entries.append(entry)
    }
    if number == 0 {
      contents.headerProblem =
        "the log is empty (the program was stopped before it wrote the session's first line)"
    }
    return contents
  }

  private mutating func readHeader(_ line: Data, name: String, decoder: JSONDecoder) {
    guard let header = try? decoder.decode(LogHeader.self, from: line), header.kind == "header"
    else {
      headerProblem = "the first line, which says which dialogue the session ran, is damaged"
      warnings.append("\(name):1: \(headerProblem!)")
      return
    }
    guard header.format <= LogHeader.currentFormat else {
      headerProblem = "this session was saved by a newer coach (log format \(header.format))"
      warnings.append("\(name):1: \(headerProblem!)")
      return
    }
    self.header = header
  }
}

/// A line of a session's log that is not an event: where the plan of the finished session was
/// written (and its calendar file), or that it was not to be written (the person chose so), so
/// a plan that was never written is written on resume.
///
///     {"at":"2026-11-29T09:20:00.000Z","kind":"plan","plan":"/home/…/plans/2026-11-29-trust-first.md"}
public struct SavedPlan: Hashable, Sendable, Codable {
  public static let kind = "plan"
  public var at: Date
  public var kind: String
  /// The plan's file; nil when the person chose not to save it.
  public var plan: String?
  public var calendar: String?

  public init(at: Date, plan: String?, calendar: String?) {
    self.at = at
    self.kind = Self.kind
    self.plan = plan
    self.calendar = calendar
  }
}
