import Foundation

/// What a team's ratings of one question add up to, as the room may see it.
///
/// Nothing is shown below ``minimumResponses``; a split and a blind spot are flagged.
public struct TeamSummary: Hashable, Sendable {
  /// Results are shown from this many responses on.
  public static let minimumResponses = 3
  /// A range of this many points or more is a split.
  static let splitRange = 3.0
  /// The leader's own rating this far above the team's median is a blind spot.
  static let blindSpotGap = 1.0

  public var count: Int
  public var median: Double
  public var lowest: Double
  public var highest: Double
  /// The share of ratings at or above ``favourableFrom``, 0 to 100.
  public var favourablePercent: Double
  public var favourableFrom: Double
  /// How many gave each rating, from the scale's lowest to its highest point.
  public var histogram: [(rating: Int, count: Int)]
  /// The leader's own rating, when the question was answered by them too.
  public var leaderRating: Double?

  public var isShown: Bool { count >= Self.minimumResponses }
  public var isSplit: Bool { isShown && highest - lowest >= Self.splitRange }
  public var isBlindSpot: Bool {
    guard isShown, let leaderRating else { return false }
    return leaderRating - median >= Self.blindSpotGap
  }

  /// Sums up `values` on a scale from `min` to `max`. A rating is favourable from three quarters
  /// of the way up the scale (4 and 5 of 1 to 5; 8 to 10 of 0 to 10).
  public init(values: [Double], scale: AnswerKind.Scale, leaderRating: Double?) {
    let sorted = values.sorted()
    count = sorted.count
    lowest = sorted.first ?? 0
    highest = sorted.last ?? 0
    if sorted.isEmpty {
      median = 0
    } else if sorted.count % 2 == 1 {
      median = sorted[sorted.count / 2]
    } else {
      median = (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
    let from = (Double(scale.min) + Double(scale.max - scale.min) * 0.75).rounded(.up)
    favourableFrom = from
    let favourable = sorted.filter { $0 >= from }.count
    favourablePercent = sorted.isEmpty ? 0 : Double(favourable) / Double(sorted.count) * 100
    histogram = (scale.min...max(scale.min, scale.max)).map { rating in
      (rating, sorted.filter { Int($0) == rating }.count)
    }
    self.leaderRating = leaderRating
  }

  public static func == (lhs: TeamSummary, rhs: TeamSummary) -> Bool {
    lhs.count == rhs.count && lhs.median == rhs.median && lhs.lowest == rhs.lowest
      && lhs.highest == rhs.highest && lhs.leaderRating == rhs.leaderRating
      && lhs.histogram.map(\.count) == rhs.histogram.map(\.count)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    hasher.combine(median)
    hasher.combine(lowest)
    hasher.combine(highest)
    hasher.combine(leaderRating)
  }

  /// One line for transcripts: "3 ratings: median 4, lowest–highest 3–5, 67 % favourable; split".
  public var summaryLine: String {
    guard isShown else {
      return
        "\(count) rating\(count == 1 ? "" : "s"): fewer than \(Self.minimumResponses), so no results were shown"
    }
    var line =
      "\(count) ratings: median \(Value.number(median).displayText), lowest–highest \(Value.number(lowest).displayText)–\(Value.number(highest).displayText), \(Int(favourablePercent.rounded())) % favourable"
    if let leaderRating {
      line += "; the leader's own rating \(Value.number(leaderRating).displayText)"
    }
    if isSplit { line += "; split (a range of 3 or more)" }
    if isBlindSpot { line += "; blind spot (the leader's rating is 1 or more above the median)" }
    return line
  }
}
