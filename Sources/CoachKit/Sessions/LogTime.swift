import Foundation

extension JSONEncoder {
  /// How log lines are written: one line, keys sorted, ISO 8601 times.
  public static var logLine: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(LogTime.format(date))
    }
    return encoder
  }
}

extension JSONDecoder {
  public static var logLine: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = LogTime.parse(text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "not a time: \(text)")
      }
      return date
    }
    return decoder
  }
}

/// Times in logs: ISO 8601 in UTC with milliseconds, e.g. `2026-11-29T09:01:12.345Z`.
public enum LogTime {
  /// Written by hand rather than with a date format style: that would load ICU's calendar data,
  /// several megabytes and milliseconds, before the first answer is saved.
  public static func format(_ date: Date) -> String {
    // Years 1 to 9999, as ISO 8601 writes them; a time outside (only a damaged log could give
    // one, and `parse` refuses those) is written as the nearest it can be.
    let seconds = date.timeIntervalSince1970
    let bounded = seconds.isNaN ? 0 : min(max(seconds, earliest), latest)
    let milliseconds = Int((bounded * 1000).rounded(.down))
    let (days, rest) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
    let dayNumber = rest < 0 ? days - 1 : days
    let ms = rest < 0 ? rest + 86_400_000 : rest
    let day = Day(daysSince1970: dayNumber)
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
    return
      "\(day.iso)T\(pad(ms / 3_600_000, 2)):\(pad(ms / 60_000 % 60, 2)):\(pad(ms / 1000 % 60, 2)).\(pad(ms % 1000, 3))Z"
  }

  /// The first and last instants `format` writes: 0001-01-01T00:00:00.000Z and
  /// 9999-12-31T23:59:59.999Z, in seconds since 1970.
  static let earliest: TimeInterval = -62_135_596_800
  static let latest: TimeInterval = 253_402_300_799.999

  /// Reads what `format` writes (`2026-11-29T09:01:12.345Z`), and other ISO 8601 times; nil for
  /// anything else, and for a time outside the years 1 to 9999.
  public static func parse(_ text: String) -> Date? {
    let parts = text.split(separator: "T")
    if parts.count == 2, let day = Day(iso: String(parts[0])), parts[1].hasSuffix("Z") {
      let clock = parts[1].dropLast().split(separator: ":")
      if clock.count == 3, let hours = Int(clock[0]), let minutes = Int(clock[1]),
        let seconds = Double(clock[2]), (0...23).contains(hours), (0...59).contains(minutes),
        seconds >= 0, seconds < 61
      {
        return Date(
          timeIntervalSince1970: Double(day.daysSince1970) * 86_400
            + Double(hours * 3600 + minutes * 60)
            + seconds)
      }
    }
    guard let date = try? Date(text, strategy: .iso8601),
      (earliest...latest).contains(date.timeIntervalSince1970)
    else { return nil }
    return date
  }
}
