import Foundation

/// A stretch of time the agenda clock stood still.
struct Pause: Hashable, Sendable, Codable {
  var from: Date
  var to: Date

  init(from: Date, to: Date) {
    self.from = from
    self.to = to
  }
}
