import Foundation

/// Finds the option a person meant: by its number, its label, its value, a synonym, or the
/// unambiguous start of its label.
///
///     OptionMatcher(options: options).match("2")       // the second option
///     OptionMatcher(options: options).match("weekly")  // a synonym
///     OptionMatcher(options: options).match("ev")      // "Every week", if nothing else starts so
///
/// A number in range always means that option; a number out of range may still be an option's
/// value or label (`"14"` for "in 14 days").
public struct OptionMatcher: Sendable {
  public var options: [Option]

  public init(options: [Option]) { self.options = options }

  public func match(_ raw: String) -> Result<Option, Rejection> {
    let text = raw.trimmingBlanks()
    let count = options.count
    // An option's number first; a number that is none is still tried as a value or label, so
    // that a default written as an option's value ("14") finds it.
    let number = Int(text)
    if let number, number >= 1 && number <= count { return .success(options[number - 1]) }
    let wanted = Self.fold(text)
    guard !wanted.isEmpty else {
      return .failure(Rejection(.optionNeeded(count: count)))
    }
    if let exact = options.first(where: { option in
      ([option.label, option.value] + option.synonyms).contains { Self.fold($0) == wanted }
    }) {
      return .success(exact)
    }
    if let number {
      return .failure(Rejection(.notAnOptionNumber(number, count: count)))
    }
    let starting = options.filter { Self.fold($0.label).hasPrefix(wanted) }
    if starting.count == 1 { return .success(starting[0]) }
    if starting.count > 1 {
      return .failure(Rejection(.ambiguousOption(text, labels: starting.map(\.label))))
    }
    return .failure(Rejection(.notAnOption(text, count: count)))
  }

  /// Case- and accent-insensitive form, with runs of spaces folded, as shown (sanitised): what
  /// a label shows is what a person can type.
  static func fold(_ text: String) -> String {
    Sanitizer.oneLine(text).folding(
      options: [.caseInsensitive, .diacriticInsensitive], locale: nil
    )
    .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
