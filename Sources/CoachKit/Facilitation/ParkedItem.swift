import Foundation

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
