/// A value a dialogue works with: an answer, a computed score, a date.
public enum Value: Hashable, Sendable, Codable {
  /// An unanswered or skipped question, or an undefined result (division by zero).
  case none
  case bool(Bool)
  case number(Double)
  case text(String)
  /// A multiple-choice answer: the picked options' values, in option order.
  case list([String])
  case date(Day)
  /// A day and a time of day: the answer to a `moment` question, or `now`.
  case moment(Moment)

  /// The value's type; nil for `.none`.
  public var type: ValueType? {
    switch self {
    case .none: nil
    case .bool: .bool
    case .number: .number
    case .text: .text
    case .list: .list
    case .date: .date
    case .moment: .moment
    }
  }

  /// How the value reads in text: none → "", bool → "yes"/"no", numbers with at most 2 decimals
  /// ("4", "62.5", "3.33"), a list joined with ", ", a date as ISO "2026-12-13", a moment as
  /// "Tuesday 1 December at 09:30".
  public var displayText: String {
    switch self {
    case .none: ""
    case .bool(let value): value ? "yes" : "no"
    case .number(let value): Value.format(value)
    case .text(let value): value
    case .list(let values): values.joined(separator: ", ")
    case .date(let day): day.iso
    case .moment(let moment): moment.text
    }
  }

  /// A number rounded to at most 2 decimals, with trailing zeros (and an integral value's point) trimmed.
  static func format(_ number: Double) -> String {
    guard number.isFinite else { return number.isNaN ? "" : (number > 0 ? "∞" : "-∞") }
    guard abs(number) < 1e15 else { return String(number) }
    let rounded = (number * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int64(rounded)) }
    return String(rounded)
  }
}
