import Foundation

/// A day and a time of day, to the minute, as a clock on the wall shows it in the session's time
/// zone: the answer to "when exactly?".
///
///     let moment = Moment(day: Day(year: 2026, month: 12, day: 1)!, hour: 9, minute: 30)!
///     moment.text    // "Tuesday 1 December at 09:30"
///     moment.iso     // "2026-12-01T09:30"
///
/// It holds no time zone: a session reads and shows every moment in its own (``LogHeader``'s), and
/// a calendar file turns it into UTC with that zone (``date(in:)``). Encoded (Codable) as its ISO
/// text.
public struct Moment: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  public let day: Day
  /// Minutes since midnight, 0 to 1439.
  public let minuteOfDay: Int

  public static let minutesPerDay = 1440

  /// The moment at `hour`:`minute` on `day`; nil unless 0 ≤ hour ≤ 23 and 0 ≤ minute ≤ 59.
  public init?(day: Day, hour: Int, minute: Int) {
    guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
    self.day = day
    self.minuteOfDay = hour * 60 + minute
  }

  /// The moment `minutes` after midnight at the start of `day` (any number: it rolls over days).
  public init(day: Day, minutes: Int) {
    let (days, rest) = minutes.quotientAndRemainder(dividingBy: Self.minutesPerDay)
    let carry = rest < 0 ? -1 : 0
    self.day = day.adding(days: days + carry)
    self.minuteOfDay = rest + (rest < 0 ? Self.minutesPerDay : 0)
  }

  /// The minute that `date` falls in, in `timeZone` (seconds dropped).
  public init(_ date: Date, timeZone: TimeZone) {
    let day = Day(date, timeZone: timeZone)
    let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
    let intoDay = seconds - (seconds / 86_400).rounded(.down) * 86_400
    let minute = intoDay.isFinite ? Int(intoDay / 60) : 0
    self.init(day: day, minutes: min(max(minute, 0), Self.minutesPerDay - 1))
  }

  /// Parses ISO text "2026-12-01T09:30" (a space instead of the `T` too).
  public init?(iso: String) {
    let parts = iso.split(
      maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: { $0 == "T" || $0 == " " })
    guard parts.count == 2, let day = Day(iso: String(parts[0])) else { return nil }
    let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
    guard clock.count == 2, clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
      let hour = Int(clock[0]), let minute = Int(clock[1])
    else { return nil }
    self.init(day: day, hour: hour, minute: minute)
  }

  public var hour: Int { minuteOfDay / 60 }
  public var minute: Int { minuteOfDay % 60 }

  /// "09:30": the time of day in 24-hour form.
  public var timeText: String {
    (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
  }

  /// "Tuesday 1 December at 09:30".
  public var text: String {
    "\(day.weekday) \(day.day) \(Day.monthNames[day.month - 1]) at \(timeText)"
  }

  /// The text, with the year when it is not `reference`'s: "Tuesday 5 January 2027 at 09:00".
  public func text(relativeTo reference: Day) -> String {
    guard day.year != reference.year else { return text }
    return "\(day.weekday) \(day.day) \(Day.monthNames[day.month - 1]) \(day.year) at \(timeText)"
  }

  /// "2026-12-01T09:30".
  public var iso: String { day.iso + "T" + timeText }

  public var description: String { iso }

  /// The moment `days` days later (earlier if negative), at the same time of day.
  public func adding(days: Int) -> Moment { Moment(day: day.adding(days: days), minutes: minuteOfDay) }

  /// The moment `minutes` minutes later (earlier if negative).
  public func adding(minutes: Int) -> Moment { Moment(day: day, minutes: minuteOfDay + minutes) }

  /// Minutes since 1970-01-01 00:00 on the wall clock: for differences and comparisons.
  public var minutesSince1970: Int { day.daysSince1970 * Self.minutesPerDay + minuteOfDay }

  /// The instant this wall-clock time is in `timeZone`. A time that a clock change skips (02:30
  /// on the night clocks go forward) is taken as the same time in the offset before the change,
  /// which lands after the jump, as calendar programs do.
  public func date(in timeZone: TimeZone) -> Date {
    let local = Double(minutesSince1970) * 60
    // The offset at the instant itself: try the offset one would guess, then correct it once.
    let guess = local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
    let corrected =
      local - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: guess)))
    return Date(timeIntervalSince1970: corrected)
  }

  public static func < (lhs: Moment, rhs: Moment) -> Bool {
    lhs.minutesSince1970 < rhs.minutesSince1970
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let moment = Moment(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a day and time like 2026-12-01T09:30")
    }
    self = moment
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(iso)
  }
}
