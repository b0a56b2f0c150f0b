import Foundation

/// What the session's process asks of the room's own process (`coach-room`), one JSON object a
/// line on the room's standard input. The room answers each with one ``RoomReport``, and reports
/// its progress whenever it changes.
///
///     {"open":{"_0":{"id":"safety","text":"…","lowest":1,"highest":5}}}
///     {"close":{}}
package enum RoomCommand: Codable, Sendable, Equatable {
  /// Phones show this question and take one rating each. Answered with ``RoomReport/opened``.
  case open(RoomQuestion)
  /// Answered with ``RoomReport/closed(_:)``.
  case close
  /// A rating typed at the host's keyboard. Answered with ``RoomReport/added(_:)``.
  case add(Int)
  /// Answered with ``RoomReport/parked(_:)``.
  case takeParked
  /// Refuse everything, let phones hear it ended, stop listening, exit. Answered with
  /// ``RoomReport/stopped``. The end of standard input does the same.
  case stop
}

/// What the room's process says, one JSON object a line on its standard output.
package enum RoomReport: Codable, Sendable, Equatable {
  /// Listening: the page's address (phones type it) and the join code.
  case started(page: String, code: String)
  /// Could not listen; the reason, in words.
  case failed(String)
  /// Counts changed (also sent once, right after ``started(page:code:)``).
  case progress(RoomProgress)
  case opened
  case closed(RoomRatings?)
  case added(Bool)
  case parked([String])
  case stopped

  /// Reads one line; nil for anything that is not a report.
  package init?(line: some StringProtocol) {
    guard let report = try? JSONDecoder().decode(Self.self, from: Data(line.utf8)) else {
      return nil
    }
    self = report
  }

  /// One line, without its newline.
  package var line: String { Self.encode(self) }

  package static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}

extension RoomCommand {
  package init?(line: some StringProtocol) {
    guard let command = try? JSONDecoder().decode(Self.self, from: Data(line.utf8)) else {
      return nil
    }
    self = command
  }

  package var line: String { RoomReport.encode(self) }
}
