import Foundation

/// A team's ratings of one question as a session keeps them: how many rated and, from
/// ``minimumShown`` ratings on, the values lowest first, so not even the order they came in
/// says who gave which. Below that only the count is kept: with two ratings, each rater could
/// be guessed.
///
///     TeamRatings(collected: [4, 2, 5])   // count 3, values [2, 4, 5]
///     TeamRatings(collected: [4, 2])      // count 2, values nil
public struct TeamRatings: Hashable, Sendable, Codable {
  /// Results are kept and shown from this many ratings on.
  public static let minimumShown = 3

  /// How many rated.
  public private(set) var count: Int
  /// The ratings, lowest first; nil when fewer than ``minimumShown`` were given.
  public private(set) var values: [Double]?

  /// The ratings collected in a round, in any order.
  public init(collected: [Double]) {
    count = collected.count
    values = collected.count >= Self.minimumShown ? collected.sorted() : nil
  }

  /// As a log or a room gives them: the values (if any) decide the count from three on; below
  /// three only the count stands.
  public init(count: Int, values: [Double]?) {
    if let values, values.count >= Self.minimumShown {
      self.init(collected: values)
    } else {
      self.init(collected: [])
      self.count = max(0, count)
    }
  }

  /// None rated.
  public static let none = TeamRatings(collected: [])

  public var isShown: Bool { values != nil }
}
