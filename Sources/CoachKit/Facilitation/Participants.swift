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
