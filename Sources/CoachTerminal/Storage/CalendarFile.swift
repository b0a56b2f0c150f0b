import CoachKit
import Foundation

/// A session's calendar events as an iCalendar (`.ics`, RFC 5545) file: CRLF line endings, lines
/// folded at 75 octets, text escaped. An all-day event (a check-in) has a reminder at 9:00 on the
/// day and does not block time; an event at a day and time (a first step) is written in UTC,
/// blocks its time, and has a reminder 10 minutes before.
///
///     let ics = CalendarFile(events: events, session: "20261129-090000-4f2a", stamp: now).text
///
/// Each event's UID is `<session>-<event id>@coach` (``uid(session:event:)``), the same whenever
/// it is written: a follow-up that writes an event again, with a higher `sequence`, updates it in
/// a calendar program instead of adding a second one (§3.8.4.7, §3.8.7.4), and one it writes
/// cancelled (`STATUS:CANCELLED`, §3.8.1.11) is taken out.
public struct CalendarFile: Sendable {
  public var events: [CalendarEvent]
  /// The session the events belong to (for a check-in, the session it follows).
  public var session: String
  /// The revision: 0 when the session first writes its events, then 1, 2, … for each follow-up
  /// that writes them again.
  public var sequence: Int
  /// When the file was made (DTSTAMP), written in UTC.
  public var stamp: Date
  public var productID: String

  public init(
    events: [CalendarEvent], session: String, sequence: Int = 0, stamp: Date,
    productID: String = "-//coach//coach 0.1//EN"
  ) {
    self.events = events
    self.session = session
    self.sequence = sequence
    self.stamp = stamp
    self.productID = productID
  }

  /// "20261129-090000-4f2a-check-in@coach".
  public static func uid(session: String, event: String) -> String {
    "\(session)-\(event)@coach"
  }

  public var text: String {
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:\(productID)",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
    ]
    for event in events { lines += self.lines(for: event) }
    lines.append("END:VCALENDAR")
    return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
  }

  private func lines(for event: CalendarEvent) -> [String] {
    var lines = [
      "BEGIN:VEVENT",
      "UID:\(Self.escape(Self.uid(session: session, event: event.id)))",
      "SEQUENCE:\(max(sequence, 0))",
      "DTSTAMP:\(Self.utcStamp(stamp))",
    ]
    let trigger: String
    let transparency: String
    switch event.start {
    case .day(let day):
      lines += [
        "DTSTART;VALUE=DATE:\(Self.basic(day))",
        "DTEND;VALUE=DATE:\(Self.basic(day.adding(days: 1)))",
      ]
      // An all-day event starts at midnight: remind at 9:00 that morning.
      trigger = "TRIGGER;RELATED=START:PT9H"
      transparency = "TRANSP:TRANSPARENT"
    case .time(let moment, let timeZone, let minutes):
      let start = moment.date(in: timeZone)
      let length = minutes.isFinite ? min(max(minutes, 1), 24 * 60) : CalendarTemplate.defaultMinutes
      lines += [
        "DTSTART:\(Self.utcStamp(start))",
        "DTEND:\(Self.utcStamp(start.addingTimeInterval(length * 60)))",
      ]
      trigger = "TRIGGER:-PT10M"
      transparency = "TRANSP:OPAQUE"
    }
    lines.append("SUMMARY:\(Self.escape(event.summary))")
    if event.isCancelled { lines.append("STATUS:CANCELLED") }
    if let description = event.description?.trimmingCharacters(in: .whitespacesAndNewlines),
      !description.isEmpty
    {
      lines.append("DESCRIPTION:\(Self.escape(description))")
    }
    // A cancelled event keeps no reminder.
    guard !event.isCancelled else { return lines + [transparency, "END:VEVENT"] }
    lines += [
      transparency,
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:\(Self.escape(event.summary))",
      trigger,
      "END:VALARM",
      "END:VEVENT",
    ]
    return lines
  }

  /// TEXT escaping (§3.3.11), after the sanitiser (see ``Escaped/ics(_:)``).
  public static func escape(_ text: String) -> String { Escaped.ics(text) }

  /// Folds a content line at 75 octets (see ``Escaped/icsFolded(_:)``).
  public static func fold(_ line: String) -> String { Escaped.icsFolded(line) }

  /// Whether the file at `path` is a calendar file coach wrote (its product id says so): one a
  /// later plan may replace.
  public static func isCoachs(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let start = String(decoding: (try? handle.read(upToCount: 512)) ?? Data(), as: UTF8.self)
    return start.hasPrefix("BEGIN:VCALENDAR") && start.contains("PRODID:-//coach//")
  }

  static func basic(_ day: Day) -> String { day.iso.replacingOccurrences(of: "-", with: "") }

  static func utcStamp(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    func pad(_ n: Int?, _ width: Int) -> String {
      let digits = String(n ?? 0)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return
      "\(pad(c.year, 4))\(pad(c.month, 2))\(pad(c.day, 2))T\(pad(c.hour, 2))\(pad(c.minute, 2))\(pad(c.second, 2))Z"
  }
}
