import Foundation

/// A calendar day in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Stored as the number of days since 1970-01-01; the civil date is computed with Howard Hinnant's
/// `days_from_civil` / `civil_from_days` algorithms. Encoded (Codable) as its ISO text "2026-12-13".
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public let daysSince1970: Int

  /// The supported range, about ±2.7 million years around 1970: days outside it are clamped, so that
  /// calendar arithmetic can never overflow.
  public static let supportedDays = -1_000_000_000...1_000_000_000

  public init(daysSince1970: Int) {
    self.daysSince1970 = min(
      max(daysSince1970, Self.supportedDays.lowerBound), Self.supportedDays.upperBound)
  }

  /// The given civil date, or nil if there is no such day (month 13, 30 February, …).
  public init?(year: Int, month: Int, day: Int) {
    guard (-2_000_000...2_000_000).contains(year), (1...12).contains(month),
      day >= 1, day <= Day.daysIn(month: month, year: year)
    else { return nil }
    self.init(daysSince1970: Day.daysFromCivil(year: year, month: month, day: day))
  }

  /// Parses an ISO date "YYYY-MM-DD" (exactly 4, 2 and 2 digits).
  public init?(iso: String) {
    let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The day that `date` falls on in `timeZone`.
  public init(_ date: Date, timeZone: TimeZone) {
    let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    let days = (seconds / 86_400).rounded(.down)
    let limit = Double(Self.supportedDays.upperBound)
    self.init(daysSince1970: days.isFinite ? Int(min(max(days, -limit), limit)) : 0)
  }

  public var year: Int { civil.year }
  public var month: Int { civil.month }
  public var day: Int { civil.day }

  /// The day `days` days later (earlier if negative).
  public func adding(days: Int) -> Day {
    let (sum, overflow) = daysSince1970.addingReportingOverflow(days)
    return Day(daysSince1970: overflow ? (days > 0 ? Int.max : Int.min) : sum)
  }

  /// English weekday name: "Monday" … "Sunday".
  public var weekday: String {
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    let index = ((daysSince1970 % 7) + 7 + 3) % 7
    return Day.weekdayNames[index]
  }

  /// ISO text: "2026-12-13".
  public var iso: String {
    let (year, month, day) = civil
    let yearText = year < 0 ? "-" + Day.pad(-year, to: 4) : Day.pad(year, to: 4)
    return "\(yearText)-\(Day.pad(month, to: 2))-\(Day.pad(day, to: 2))"
  }

  /// Long English text: "Sunday 13 December 2026".
  public var longText: String {
    let (year, month, day) = civil
    return "\(weekday) \(day) \(Day.monthNames[month - 1]) \(year)"
  }

  public var description: String { iso }

  public static func < (lhs: Day, rhs: Day) -> Bool { lhs.daysSince1970 < rhs.daysSince1970 }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a date like 2026-12-13")
    }
    self = day
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }

  // MARK: Calendar math

  static let weekdayNames = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
  ]
  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Hinnant's `days_from_civil`.
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// Hinnant's `civil_from_days`.
  private var civil: (year: Int, month: Int, day: Int) {
    let z = daysSince1970 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  private static func pad(_ number: Int, to width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
