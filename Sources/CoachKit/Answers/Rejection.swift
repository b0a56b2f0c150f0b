/// Why an answer does not fit its question, said so that the person can fix it.
///
///     Rejection(reason: "12 is more than 10; enter a whole number from 0 to 10")
public struct Rejection: Error, Hashable, Sendable, Codable {
  public var reason: String
  public init(reason: String) { self.reason = reason }
}
