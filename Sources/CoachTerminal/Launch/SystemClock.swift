import CoachKit
import Foundation

/// The computer's clock, in its time zone.
public struct SystemClock: SessionClock {
  public init() {}
  public func now() -> Date { Date() }
  public var timeZone: TimeZone { TimeZone.current }
}
