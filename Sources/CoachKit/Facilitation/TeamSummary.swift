import Foundation

/// What a team's ratings of one question add up to, as the room may see it.
///
/// Nothing is shown below ``minimumResponses``. "Favourable" and "rosier" follow the item's own
/// direction: for a reverse-scored statement ("mistakes are held against people"), disagreeing
/// is favourable, and a leader who rates it lower than the team sees it rosier.
///
///     let summary = TeamSummary(values: [2, 3, 3, 4, 5], scale: scale, leaderRating: 5)
///     summary.median            // 3
///     summary.favourablePercent // 40 (4 and 5 of 1 to 5)
///     summary.isBlindSpot       // true: the leader is 2 points rosier than the median
public struct TeamSummary: Hashable, Sendable {
  /// Results are shown from this many responses on.
  public static let minimumResponses = TeamRatings.minimumShown
  /// A range of this many points or more is a split.
  static let splitRange = 3.0
  /// The leader's own rating this much rosier than the team's median is a blind spot.
  static let blindSpotGap = 1.0

  public var count: Int
  public var median: Double
  public var lowest: Double
  public var highest: Double
  /// The share of ratings in ``favourable``, 0 to 100.
  public var favourablePercent: Double
  /// The favourable points of the scale: its top quarter (4 and 5 of 1 to 5; 8 to 10 of 0 to
  /// 10), or its bottom quarter for a reverse-scored item (1 and 2 of 1 to 5).
  public var favourable: ClosedRange<Int>
  /// Agreeing is unfavourable: the item is reverse-scored.
  public var isReversed: Bool
  /// How many gave each rating, from the scale's lowest to its highest point.
  public var histogram: [(rating: Int, count: Int)]
  /// The leader's own rating, when the question was answered by them too.
  public var leaderRating: Double?

  public var isShown: Bool { count >= Self.minimumResponses }
  public var isSplit: Bool { isShown && highest - lowest >= Self.splitRange }

  /// How much rosier than the team's median the leader sees it, in the item's own direction
  /// (negative: less rosy); nil when there is nothing to compare.
  public var leaderRosierBy: Double? {
    guard isShown, let leaderRating else { return nil }
    return isReversed ? median - leaderRating : leaderRating - median
  }

  /// The leader sees it at least one point rosier than the team's median.
  public var isBlindSpot: Bool { (leaderRosierBy ?? 0) >= Self.blindSpotGap }

  /// Sums up a round's ratings on a scale from `min` to `max`.
  public init(
    _ ratings: TeamRatings, scale: AnswerKind.Scale, reversed: Bool = false, leaderRating: Double?
  ) {
    let sorted = ratings.values ?? []
    count = ratings.count
    lowest = sorted.first ?? 0
    highest = sorted.last ?? 0
    if sorted.isEmpty {
      median = 0
    } else if sorted.count % 2 == 1 {
      median = sorted[sorted.count / 2]
    } else {
      median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    let low = min(scale.min, scale.max)
    let high = max(scale.min, scale.max)
    let span = Double(high - low)
    if reversed {
      favourable = low...max(low, Int((Double(low) + span * 0.25).rounded(.down)))
    } else {
      favourable = min(high, Int((Double(low) + span * 0.75).rounded(.up)))...high
    }
    isReversed = reversed
    let points = favourable
    let inRange = sorted.filter { points.contains(Int($0)) }.count
    favourablePercent = sorted.isEmpty ? 0 : Double(inRange) / Double(sorted.count) * 100
    histogram = (low...high).map { rating in
      (rating, sorted.filter { Int($0) == rating }.count)
    }
    self.leaderRating = leaderRating
  }

  /// Sums up ratings collected in any order (for tests and hosts that hold them).
  public init(
    values: [Double], scale: AnswerKind.Scale, reversed: Bool = false, leaderRating: Double?
  ) {
    self.init(
      TeamRatings(collected: values), scale: scale, reversed: reversed, leaderRating: leaderRating)
  }

  public static func == (lhs: TeamSummary, rhs: TeamSummary) -> Bool {
    lhs.count == rhs.count && lhs.median == rhs.median && lhs.lowest == rhs.lowest
      && lhs.highest == rhs.highest && lhs.leaderRating == rhs.leaderRating
      && lhs.isReversed == rhs.isReversed
      && lhs.histogram.map(\.count) == rhs.histogram.map(\.count)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    hasher.combine(median)
    hasher.combine(lowest)
    hasher.combine(highest)
    hasher.combine(leaderRating)
    hasher.combine(isReversed)
  }

  /// The favourable points in words: "4 or more", "2 or less".
  public var favourableText: String {
    isReversed ? "\(favourable.upperBound) or less" : "\(favourable.lowerBound) or more"
  }

  /// One line for transcripts: "3 ratings: median 4, lowest–highest 3–5, 67 % favourable; split".
  /// Below three it gives the count alone.
  public var summaryLine: String {
    guard isShown else {
      return
        "\(count) rating\(count == 1 ? "" : "s"): fewer than \(Self.minimumResponses), so no results were shown"
    }
    var line =
      "\(count) ratings: median \(Value.number(median).displayText), lowest–highest \(Value.number(lowest).displayText)–\(Value.number(highest).displayText), \(Int(favourablePercent.rounded())) % favourable (\(favourableText)\(isReversed ? ", reverse-scored" : ""))"
    if let leaderRating {
      line += "; the leader's own rating \(Value.number(leaderRating).displayText)"
    }
    if isSplit { line += "; split (a range of 3 or more)" }
    if isBlindSpot {
      line += "; blind spot (the leader's rating is 1 or more rosier than the median)"
    }
    return line
  }
}
