import Foundation

/// Turns what a person typed into the value of a question's answer, or says why it does not fit.
///
///     AnswerParser.parse("1, 3", for: .multipleChoice(options, minPicks: 1, maxPicks: 3))
///     // .success(.list(["listen", "thank"]))
///
/// Text is trimmed first. An empty answer is the engine's business (default or skip), not this one's.
public enum AnswerParser {
  public static func parse(_ raw: String, for kind: AnswerKind) -> Result<Value, Rejection> {
    let text = raw.trimmingBlanksAndLineBreaks()
    if case .text = kind {
    } else if text.utf8.count > longestShortAnswer {
      return .failure(Rejection(.tooLong(expected: Rejection.Expected(kind))))
    }
    switch kind {
    case .text(let rules): return parseText(text, rules)
    case .choice(let options):
      return OptionMatcher(options: options).match(text).map { .text($0.value) }
    case .multipleChoice(let options, let minPicks, let maxPicks):
      return parsePicks(text, options: options, minPicks: minPicks, maxPicks: maxPicks)
    case .scale(let scale): return parseScale(text, scale)
    case .number(let rules): return parseNumber(text, rules)
    case .yesNo: return parseYesNo(text)
    }
  }

  /// Answers other than free text are short: a number, a yes, an option's name, a few numbers.
  /// Longer ones are refused before parsing, whose cost grows faster than their length: a
  /// megabyte of digits, or of "1 2 1 2…" for a multiple choice, took seconds.
  static let longestShortAnswer = 4096

  static func parseText(_ text: String, _ rules: AnswerKind.TextRules) -> Result<Value, Rejection> {
    let length = text.count
    if length < rules.minLength {
      return .failure(
        Rejection(
          rules.minLength == 1
            ? .answerNeeded : .tooFewCharacters(minimum: rules.minLength, length: length)))
    }
    if length > rules.maxLength {
      return .failure(Rejection(.tooManyCharacters(maximum: rules.maxLength, length: length)))
    }
    if let pattern = rules.compiledPattern, !pattern.matches(text) {
      return .failure(Rejection(.notTheExpectedForm(hint: rules.patternHint)))
    }
    return .success(.text(text))
  }

  static func parsePicks(_ text: String, options: [Option], minPicks: Int, maxPicks: Int) -> Result<
    Value, Rejection
  > {
    let matcher = OptionMatcher(options: options)
    let tokens: [String]
    if text.contains(",") || text.contains(";") {
      tokens = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map {
        $0.trimmingBlanks()
      }.filter { !$0.isEmpty }
    } else {
      let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
      tokens = words.allSatisfy({ Int($0) != nil }) ? words : (text.isEmpty ? [] : [text])
    }
    var picked: Set<String> = []
    for token in tokens {
      switch matcher.match(token) {
      case .success(let option): picked.insert(option.value)
      case .failure(let rejection): return .failure(rejection)
      }
    }
    if picked.count > 1,
      let alone = options.first(where: { $0.isExclusive && picked.contains($0.value) })
    {
      return .failure(Rejection(.pickedAlone(label: alone.label)))
    }
    if picked.count < minPicks || picked.count > maxPicks {
      return .failure(
        Rejection(.wrongNumberOfPicks(minimum: minPicks, maximum: maxPicks, picked: picked.count)))
    }
    // Keep the options' order, so the same picks always give the same value.
    return .success(.list(options.map(\.value).filter { picked.contains($0) }))
  }

  static func parseScale(_ text: String, _ scale: AnswerKind.Scale) -> Result<Value, Rejection> {
    let range = Rejection.Expected.wholeNumber(from: scale.min, to: scale.max)
    if let low = scale.minLabel, text.caseInsensitiveCompare(low) == .orderedSame {
      return .success(.number(Double(scale.min)))
    }
    if let high = scale.maxLabel, text.caseInsensitiveCompare(high) == .orderedSame {
      return .success(.number(Double(scale.max)))
    }
    guard let value = Int(text) else {
      if let number = Double(text), number.isFinite {
        return .failure(Rejection(.notAWholeNumber(text, expected: range)))
      }
      return .failure(Rejection(.notANumber(text, expected: range)))
    }
    if value < scale.min {
      return .failure(
        Rejection(.tooLow(value: Double(value), minimum: Double(scale.min), expected: range)))
    }
    if value > scale.max {
      return .failure(
        Rejection(.tooHigh(value: Double(value), maximum: Double(scale.max), expected: range)))
    }
    return .success(.number(Double(value)))
  }

  static func parseNumber(_ text: String, _ rules: AnswerKind.NumberRules) -> Result<
    Value, Rejection
  > {
    let range = Rejection.Expected.number(rules)
    guard let value = Double(text), value.isFinite, !text.lowercased().contains("e"),
      !text.lowercased().contains("x")
    else {
      return .failure(Rejection(.notANumber(text, expected: range)))
    }
    if rules.integer && value.rounded() != value {
      return .failure(Rejection(.notAWholeNumber(text, expected: range)))
    }
    if let low = rules.min, value < low {
      return .failure(Rejection(.tooLow(value: value, minimum: low, expected: range)))
    }
    if let high = rules.max, value > high {
      return .failure(Rejection(.tooHigh(value: value, maximum: high, expected: range)))
    }
    return .success(.number(value))
  }

  static func parseYesNo(_ text: String) -> Result<Value, Rejection> {
    switch text.lowercased() {
    case "y", "yes", "true": return .success(.bool(true))
    case "n", "no", "false": return .success(.bool(false))
    default: return .failure(Rejection(.notYesOrNo))
    }
  }
}
