import CoachKit

/// What the facilitator may know of the room at any moment: counts, never who gave what.
///
///     let progress = room.progress
///     if let round = progress.round { print("\(round.rated) of \(progress.joined) rated") }
public struct RoomProgress: Hashable, Sendable, Codable {
  /// Goes up by one with every change, so a host that looks often (readline's event hook, ten
  /// times a second) redraws only when something changed.
  public var version = 0
  /// Phones that have joined.
  public var joined = 0
  /// The round open now, if any.
  public var round: Round?
  /// Parked items not yet taken by the host.
  public var parkedWaiting = 0
  /// Requests refused since the room started (a wrong code, too many, too large): a count for
  /// the facilitator, never what or from where.
  public var refused = 0
  /// True once the room was stopped: it answers nothing any more.
  public var isStopped = false

  public struct Round: Hashable, Sendable, Codable {
    /// The question's id, as the host gave it.
    public var questionID: String
    /// Phones that have rated it (a changed rating still counts once).
    public var rated: Int

    public init(questionID: String, rated: Int) {
      self.questionID = questionID
      self.rated = rated
    }
  }

  public init() {}
}

/// A closed round's ratings, as the host may have them: the values alone, in ascending order (so
/// not even the order they came in), and only from ``minimumShown`` ratings on.
///
///     let ratings = room.closeRound()
///     ratings?.values   // [2, 3, 3, 4, 5], or nil when fewer than three rated
public struct RoomRatings: Hashable, Sendable, Codable {
  /// Below this many ratings the values are withheld: with two, each rater could be guessed.
  public static let minimumShown = TeamSummary.minimumResponses

  public var questionID: String
  /// How many phones rated.
  public var count: Int
  /// The ratings, lowest first; nil when fewer than ``minimumShown`` were given.
  public var values: [Int]?

  package init(questionID: String, collected: [Int]) {
    self.questionID = questionID
    count = collected.count
    values = collected.count >= Self.minimumShown ? collected.sorted() : nil
  }
}
