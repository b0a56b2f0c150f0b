import Foundation

/// A calendar event worked out from a session: what a host writes into an `.ics` file.
///
///     CalendarEvent(id: "check-in", start: .day(followUp), summary: "Trust check-in")
///     CalendarEvent(id: "a1-first", start: .time(firstStep, timeZone: zone, minutes: 30), …)
public struct CalendarEvent: Sendable, Hashable {
  /// The event's name in its dialogue: with the session's id, its UID.
  public var id: String
  public var start: Start
  public var summary: String
  public var description: String?
  /// Written again by a follow-up only to take it out of the calendar (`STATUS:CANCELLED`, same
  /// UID): an event an earlier file of the session had that the plan no longer holds.
  public var isCancelled = false

  /// When the event is.
  public enum Start: Sendable, Hashable {
    /// All day.
    case day(Day)
    /// At a day and time in the session's time zone, for `minutes`.
    case time(Moment, timeZone: TimeZone, minutes: Double)
  }

  public init(id: String, start: Start, summary: String, description: String?) {
    self.id = id
    self.start = start
    self.summary = summary
    self.description = description
  }

  /// The day the event is on.
  public var day: Day {
    switch start {
    case .day(let day): day
    case .time(let moment, _, _): moment.day
    }
  }

  /// "Friday 11 December 2026", "Tuesday 1 December at 09:30".
  public var whenText: String {
    switch start {
    case .day(let day): day.longText
    case .time(let moment, _, _): moment.text
    }
  }
}
