import Foundation

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
  var isClosed = false

  public init() {}

  /// The ratings given, passes left out.
  public var values: [Double] { answers.compactMap(\.value) }
}
