/// The static type of an expression or of a name in scope.
public enum ValueType: String, Sendable, Codable, CaseIterable, CustomStringConvertible {
  case bool, number, text, list, date, moment

  /// How the type reads in an error message: "got text and a number".
  public var description: String {
    switch self {
    case .bool: "a yes/no value"
    case .number: "a number"
    case .text: "text"
    case .list: "a list of choices"
    case .date: "a date"
    case .moment: "a day and time"
    }
  }
}
