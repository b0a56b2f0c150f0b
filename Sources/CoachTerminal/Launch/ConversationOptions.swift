import CoachKit
import Foundation

/// How a conversation is held, from the command line.
public struct ConversationOptions: Sendable {
  public var colour: Terminal.ColourMode
  /// Where the plan goes; nil for the plans folder.
  public var planOut: String?
  public var facilitation: Facilitation
  /// `--accessible`: accessible mode even without `COACH_ACCESSIBLE` (see
  /// ``Launch/isAccessible(asked:)``).
  public var accessible: Bool

  public init(
    colour: Terminal.ColourMode = .auto, planOut: String? = nil, facilitation: Facilitation = .off,
    accessible: Bool = false
  ) {
    self.colour = colour
    self.planOut = planOut
    self.facilitation = facilitation
    self.accessible = accessible
  }
}
