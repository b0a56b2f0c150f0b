import Foundation

/// Who rates team questions in facilitator mode: a number of people, or their names.
///
///     Participants(parsing: "5")              // five, numbered 1 to 5
///     Participants(parsing: "Ana, Ben, Chen") // three, by name
public struct Participants: Hashable, Sendable, Codable {
  /// How many people rate each team question.
  public var count: Int
  /// Their names, when given; otherwise they are numbered.
  public var names: [String]?

  public static let maximum = 100

  public init(count: Int, names: [String]? = nil) {
    self.count = count
    self.names = names
  }

  /// Reads `--participants`: a whole number from 1 to 100, or names separated by commas. Nil
  /// when it is neither.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if let number = Int(trimmed) {
      guard (1...Self.maximum).contains(number) else { return nil }
      self.init(count: number)
      return
    }
    let names = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
      Sanitizer.clean(String($0), limit: 40).trimmingCharacters(in: .whitespaces)
    }
    guard !names.isEmpty, names.count <= Self.maximum, names.allSatisfy({ !$0.isEmpty }),
      Set(names.map { $0.lowercased() }).count == names.count
    else { return nil }
    self.init(count: names.count, names: names)
  }

  /// How participant `index` (from 0) is stored and shown: their name, or their number.
  public func label(_ index: Int) -> String {
    if let names, index < names.count { return names[index] }
    return "Participant \(index + 1)"
  }

  /// What the log keeps for participant `index`: the name, or the number as text.
  public func key(_ index: Int) -> String {
    if let names, index < names.count { return names[index] }
    return "\(index + 1)"
  }
}

/// One participant's rating of a team question.
public struct TeamAnswer: Hashable, Sendable, Codable {
  /// The participant's name or number; nil for ratings typed as an anonymous list.
  public var participant: String?
  /// The rating; nil when the participant passed.
  public var value: Double?
  public var at: Date

  public init(participant: String?, value: Double?, at: Date) {
    self.participant = participant
    self.value = value
    self.at = at
  }
}

/// The team's ratings of one question, collected one participant at a time (or all at once).
public struct TeamRound: Hashable, Sendable, Codable {
  public var answers: [TeamAnswer] = []
  /// Closed early (`/next`) or by an anonymous list: no more ratings are asked.
  public var isClosed = false

  public init() {}

  /// The ratings given, passes left out.
  public var values: [Double] { answers.compactMap(\.value) }
}

/// What a team's ratings of one question add up to, as the room may see it.
///
/// Nothing is shown below ``minimumResponses``; a split and a blind spot are flagged.
public struct TeamSummary: Hashable, Sendable {
  /// Results are shown from this many responses on.
  public static let minimumResponses = 3
  /// A range of this many points or more is a split.
  public static let splitRange = 3.0
  /// The leader's own rating this far above the team's median is a blind spot.
  public static let blindSpotGap = 1.0

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

/// A side topic parked during a session, for the plan's parking lot.
public struct ParkedItem: Hashable, Sendable, Codable {
  public var text: String
  public var at: Date
  /// The section it came up in.
  public var sectionID: String?

  public init(text: String, at: Date, sectionID: String?) {
    self.text = text
    self.at = at
    self.sectionID = sectionID
  }
}

/// A stretch of time the agenda clock stood still.
public struct Pause: Hashable, Sendable, Codable {
  public var from: Date
  public var to: Date

  public init(from: Date, to: Date) {
    self.from = from
    self.to = to
  }
}

/// The turn of one participant at a team question.
public struct ParticipantTurn: Hashable, Sendable {
  /// From 0.
  public var index: Int
  public var count: Int
  /// Their name, or "Participant 2".
  public var label: String
  /// Whether a list of everyone's ratings may be typed at once (only before anyone has rated).
  public var acceptsList: Bool
}
