import Foundation
import Mustache

/// An all-day event worked out from a session: what a host writes as an `.ics` file.
public struct CalendarEvent: Sendable, Hashable {
  public var day: Day
  public var summary: String
  public var description: String?

  public init(day: Day, summary: String, description: String?) {
    self.day = day
    self.summary = summary
    self.description = description
  }
}
