import CoachKit
import Foundation

/// An all-day calendar event as an iCalendar (`.ics`, RFC 5545) file: CRLF line endings, lines
/// folded at 75 octets, text escaped, a reminder at 9:00 on the day.
///
///     let ics = CalendarFile(event: event, uid: "…@coach", stamp: clock.now()).text
public struct CalendarFile: Sendable {
  public var event: CalendarEvent
  /// A globally unique id for the event (RFC 5545 §3.8.4.7).
  public var uid: String
  /// When the file was made (DTSTAMP), written in UTC.
  public var stamp: Date
  public var productID: String

  public init(
    event: CalendarEvent, uid: String, stamp: Date, productID: String = "-//coach//coach 0.1//EN"
  ) {
    self.event = event
    self.uid = uid
    self.stamp = stamp
    self.productID = productID
  }

  public var text: String {
    var lines = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:\(productID)",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:\(Self.escape(uid))",
      "DTSTAMP:\(Self.utcStamp(stamp))",
      "DTSTART;VALUE=DATE:\(Self.basic(event.day))",
      "DTEND;VALUE=DATE:\(Self.basic(event.day.adding(days: 1)))",
      "SUMMARY:\(Self.escape(event.summary))",
    ]
    if let description = event.description?.trimmingCharacters(in: .whitespacesAndNewlines),
      !description.isEmpty
    {
      lines.append("DESCRIPTION:\(Self.escape(description))")
    }
    lines += [
      "TRANSP:TRANSPARENT",
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:\(Self.escape(event.summary))",
      // An all-day event starts at midnight: remind at 9:00 that morning.
      "TRIGGER;RELATED=START:PT9H",
      "END:VALARM",
      "END:VEVENT",
      "END:VCALENDAR",
    ]
    return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
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
