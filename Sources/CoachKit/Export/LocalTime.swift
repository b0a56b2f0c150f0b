import Foundation

/// Local times for exports and listings, in the session's own time zone.
///
///     LocalTime(header).dateTime(header.startedAt)  // "2026-11-29 09:01"
public struct LocalTime: Sendable {
  public let timeZone: TimeZone

  public init(_ header: LogHeader) {
    timeZone = TimeZone(identifier: header.timeZone) ?? TimeZone(identifier: "UTC")!
  }

  /// "2026-11-29 09:01"
  public func dateTime(_ date: Date) -> String {
    var style = Date.VerbatimFormatStyle(
      format:
        "\(year: .defaultDigits)-\(month: .twoDigits)-\(day: .twoDigits) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits)",
      timeZone: timeZone, calendar: Calendar(identifier: .gregorian))
    style.locale = Locale(identifier: "en_US_POSIX")
    return date.formatted(style)
  }

  /// "09:01:12"
  func time(_ date: Date) -> String {
    var style = Date.VerbatimFormatStyle(
      format:
        "\(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits)",
      timeZone: timeZone, calendar: Calendar(identifier: .gregorian))
    style.locale = Locale(identifier: "en_US_POSIX")
    return date.formatted(style)
  }

  /// One sentence for a change of dialogue in a transcript.
  static func dialogueChange(version: String, withdrawn: Int) -> String {
    var text = "the session went on with a changed dialogue (version \(version))"
    if withdrawn > 0 {
      text +=
        "; \(withdrawn) earlier answer\(withdrawn == 1 ? "" : "s") no longer fitted and \(withdrawn == 1 ? "was" : "were") taken back, to be asked again"
    }
    return text
  }

  /// "12.5" minutes, for tables.
  static func minutes(_ value: Double) -> String {
    Value.number((value * 10).rounded() / 10).displayText
  }

  /// The time someone was there, and on which days: "18.5 min, on 2026-11-29 and 2026-11-30
  /// (time away not counted)".
  static func timeSpent(_ transcript: Transcript) -> String {
    let days = transcript.days.map(\.iso)
    let listed =
      days.count <= 1
      ? days.joined() : days.dropLast().joined(separator: ", ") + " and " + days[days.count - 1]
    var text = "\(minutes(transcript.activeTime / 60)) min, on \(listed)"
    if !transcript.breaks.isEmpty { text += " (time away not counted)" }
    return text
  }
}
