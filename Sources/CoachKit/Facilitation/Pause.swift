import Foundation

/// A stretch of time the agenda clock stood still.
public struct Pause: Hashable, Sendable, Codable {
  public var from: Date
  public var to: Date

  public init(from: Date, to: Date) {
    self.from = from
    self.to = to
  }
}
