import CoachKit
import Foundation

/// Facilitator mode for a run: a shared screen and the facilitator's commands, and who rates
/// the team questions.
public struct Facilitation: Sendable, Equatable {
  public var isOn: Bool
  public var participants: Participants?

  public init(isOn: Bool, participants: Participants? = nil) {
    self.isOn = isOn
    self.participants = participants
  }

  public static let off = Facilitation(isOn: false)
}
