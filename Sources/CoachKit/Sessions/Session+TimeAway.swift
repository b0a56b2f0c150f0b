import Foundation

extension Session {
  /// The stretches of time away up to `end`: between a stop (or a crash) and the session going
  /// on, and since a stop still going on. No clock counts them.
  public func timeAway(until end: Date) -> [Pause] {
    var away = self.away.filter { $0.to > $0.from }
    if let stoppedAt, end > stoppedAt { away.append(Pause(from: stoppedAt, to: end)) }
    return away
  }
}
