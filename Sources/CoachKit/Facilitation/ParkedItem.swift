import Foundation

/// A side topic parked during a session, for the plan's parking lot.
public struct ParkedItem: Hashable, Sendable, Codable {
  public var text: String
  public var at: Date
  /// The section it came up in.
  public var sectionID: String?

  /// The most of a parked topic the parking lot keeps, in characters.
  public static let maximumLength = 500

  /// What is kept of a topic as typed: cleaned, on one line, at most ``maximumLength``
  /// characters.
  public static func keptText(_ typed: String) -> String {
    Sanitizer.clean(typed, limit: maximumLength).trimmingCharacters(in: .whitespaces)
  }

  public init(text: String, at: Date, sectionID: String?) {
    self.text = text
    self.at = at
    self.sectionID = sectionID
  }
}
