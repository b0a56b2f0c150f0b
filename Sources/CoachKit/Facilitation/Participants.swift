import Foundation

/// Who rates team questions in facilitator mode: how many people, when known. Ratings are
/// anonymous, so a round needs at least three people for anything of it to be shown.
///
///     Participants(parsing: "5")   // five people rate each team question
///     Participants.counted         // the room counts them: as many phones as join
public struct Participants: Hashable, Sendable, Codable {
  /// How many people rate each team question; nil when the room counts them (the phones that
  /// joined).
  public var count: Int?
  /// Names, as logs written before ratings were anonymous may have them; never shown or stored
  /// again.
  var names: [String]?

  /// Fewer people than this could each be told apart by their ratings.
  public static let minimum = TeamRatings.minimumShown
  public static let maximum = 100
  /// As many as rate: the room counts the phones that joined.
  public static let counted = Participants(count: nil)

  public init(count: Int?) {
    self.count = count
  }

  /// Reads `--participants`: a whole number from ``minimum`` to ``maximum``. Nil when it is not.
  public init?(parsing text: String) {
    guard let number = Int(text.trimmingCharacters(in: .whitespaces)),
      (Self.minimum...Self.maximum).contains(number)
    else { return nil }
    self.init(count: number)
  }
}
