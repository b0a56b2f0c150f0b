import Foundation

/// A team question's round of ratings: open while the room rates, then closed with the
/// anonymous ``TeamRatings`` the session keeps.
public struct TeamRound: Hashable, Sendable, Codable {
  /// The ratings, once the round closed; nil while it is open.
  public var ratings: TeamRatings?
  /// Logs written before ratings were anonymous kept each participant's rating as an answer
  /// (a pass as an empty list, a list typed at once as one entry): those taken so far, replayed
  /// into the same anonymous ratings.
  var earlierTyped: [[Double]] = []

  public init(ratings: TeamRatings? = nil) {
    self.ratings = ratings
  }

  public var isClosed: Bool { ratings != nil }

  /// Closes the round with what an earlier log typed (kept, for that log's `back`).
  mutating func closeWithEarlierTyped() {
    ratings = TeamRatings(collected: earlierTyped.flatMap { $0 })
  }
}
