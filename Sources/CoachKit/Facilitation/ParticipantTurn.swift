import Foundation

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
