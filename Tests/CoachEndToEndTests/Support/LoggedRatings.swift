import Foundation

/// A team round as a session's log keeps it: one `ratings` line, read whatever else the line
/// carries (its number, how the session stood), so that a test asserts what was kept, not the
/// order of a line's keys.
///
///     XCTAssertEqual(LoggedRatings.all(in: log), [.init(step: "safety", count: 3, values: [3, 4, 5])])
struct LoggedRatings: Equatable, CustomStringConvertible {
  var step: String?
  var count: Int
  /// The ratings, lowest first; nil below three.
  var values: [Double]?

  var description: String { "\(step ?? "-"): \(count) \(values.map { "\($0)" } ?? "(hidden)")" }

  /// Every `ratings` line of a log, in order; lines that are not JSON objects are passed over.
  static func all(in log: String) -> [LoggedRatings] {
    log.split(separator: "\n").compactMap { line in
      guard
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        object["kind"] as? String == "ratings", let count = object["count"] as? Int
      else { return nil }
      return LoggedRatings(
        step: object["step"] as? String, count: count,
        values: (object["values"] as? [NSNumber])?.map(\.doubleValue))
    }
  }
}
