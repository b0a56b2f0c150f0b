import Foundation

/// The engine's only source of time, injected so that tests and replays control it.
///
///     let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
public protocol SessionClock: Sendable {
  func now() -> Date
  /// The time zone "today" is counted in.
  var timeZone: TimeZone { get }
}

/// A clock that always says the same time: for tests and golden transcripts.
public struct FixedClock: SessionClock {
  public var date: Date
  public var timeZone: TimeZone
  public init(_ date: Date, timeZone: TimeZone = TimeZone(identifier: "UTC")!) {
    self.date = date
    self.timeZone = timeZone
  }
  public func now() -> Date { date }
}
