import Foundation

/// Turns what a person typed into the value of a question's answer, or says why it does not fit.
///
///     AnswerParser.parse("1, 3", for: .multipleChoice(options, minPicks: 1, maxPicks: 3))
///     // .success(.list(["listen", "thank"]))
///
/// Text is trimmed first. An empty answer is the engine's business (default or skip), not this one's.
public enum AnswerParser {
  public static func parse(_ raw: String, for kind: AnswerKind) -> Result<Value, Rejection> {
    let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if case .text = kind {
    } else if text.utf8.count > longestShortAnswer {
      return .failure(
        Rejection(reason: "that is too long for this question; \(guidance(for: kind))"))
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

  /// What to type instead, for each kind that is not free text.
  static func guidance(for kind: AnswerKind) -> String {
    switch kind {
    case .text: "write less"
    case .choice(let options), .multipleChoice(let options, _, _):
      "enter a number from 1 to \(options.count), or an option's name"
    case .scale(let scale): "enter a whole number from \(scale.min) to \(scale.max)"
    case .number(let rules): describeRange(rules)
    case .yesNo: "please answer yes or no (y or n)"
    }
  }

  static func parseText(_ text: String, _ rules: AnswerKind.TextRules) -> Result<Value, Rejection> {
    let length = text.count
    if length < rules.minLength {
      return .failure(
        Rejection(
          reason: rules.minLength == 1
            ? "an answer is needed"
            : "please write at least \(rules.minLength) characters (this is \(length))"))
    }
    if length > rules.maxLength {
      return .failure(
        Rejection(reason: "please keep it to \(rules.maxLength) characters (this is \(length))"))
    }
    if let pattern = rules.compiledPattern, !pattern.matches(text) {
      return .failure(
        Rejection(
          reason: rules.patternHint.map { "expected \($0)" }
            ?? "that does not have the expected form"))
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
        $0.trimmingCharacters(in: .whitespaces)
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
      return .failure(
        Rejection(reason: "'\(alone.label)' cannot be picked together with other options"))
    }
    let range = Self.describePicks(minPicks, maxPicks)
    if picked.count < minPicks {
      return .failure(Rejection(reason: "pick \(range) (you picked \(picked.count))"))
    }
    if picked.count > maxPicks {
      return .failure(Rejection(reason: "pick \(range) (you picked \(picked.count))"))
    }
    // Keep the options' order, so the same picks always give the same value.
    return .success(.list(options.map(\.value).filter { picked.contains($0) }))
  }

  /// "1 to 3", "exactly 2", "at least 1", for messages and prompts.
  public static func describePicks(_ minPicks: Int, _ maxPicks: Int) -> String {
    if minPicks == maxPicks { return "exactly \(minPicks)" }
    if minPicks == 0 { return "up to \(maxPicks)" }
    return "\(minPicks) to \(maxPicks)"
  }

  static func parseScale(_ text: String, _ scale: AnswerKind.Scale) -> Result<Value, Rejection> {
    let range = "enter a whole number from \(scale.min) to \(scale.max)"
    if let low = scale.minLabel, text.caseInsensitiveCompare(low) == .orderedSame {
      return .success(.number(Double(scale.min)))
    }
    if let high = scale.maxLabel, text.caseInsensitiveCompare(high) == .orderedSame {
      return .success(.number(Double(scale.max)))
    }
    guard let value = Int(text) else {
      if let number = Double(text), number.isFinite {
        return .failure(Rejection(reason: "\(text) is not a whole number; \(range)"))
      }
      return .failure(
        Rejection(reason: "'\(Sanitizer.clean(text, limit: 40))' is not a number; \(range)"))
    }
    if value < scale.min {
      return .failure(Rejection(reason: "\(value) is less than \(scale.min); \(range)"))
    }
    if value > scale.max {
      return .failure(Rejection(reason: "\(value) is more than \(scale.max); \(range)"))
    }
    return .success(.number(Double(value)))
  }

  static func parseNumber(_ text: String, _ rules: AnswerKind.NumberRules) -> Result<
    Value, Rejection
  > {
    let range = describeRange(rules)
    guard let value = Double(text), value.isFinite, !text.lowercased().contains("e"),
      !text.lowercased().contains("x")
    else {
      return .failure(
        Rejection(reason: "'\(Sanitizer.clean(text, limit: 40))' is not a number; \(range)"))
    }
    if rules.integer && value.rounded() != value {
      return .failure(Rejection(reason: "\(text) is not a whole number; \(range)"))
    }
    if let low = rules.min, value < low {
      return .failure(
        Rejection(
          reason:
            "\(Value.number(value).displayText) is less than \(Value.number(low).displayText); \(range)"
        ))
    }
    if let high = rules.max, value > high {
      return .failure(
        Rejection(
          reason:
            "\(Value.number(value).displayText) is more than \(Value.number(high).displayText); \(range)"
        ))
    }
    return .success(.number(value))
  }

  /// "enter a whole number from 1 to 500", for messages and prompts.
  public static func describeRange(_ rules: AnswerKind.NumberRules) -> String {
    let kind = rules.integer ? "a whole number" : "a number"
    switch (rules.min, rules.max) {
    case (let low?, let high?):
      return
        "enter \(kind) from \(Value.number(low).displayText) to \(Value.number(high).displayText)"
    case (let low?, nil): return "enter \(kind) of at least \(Value.number(low).displayText)"
    case (nil, let high?): return "enter \(kind) of at most \(Value.number(high).displayText)"
    case (nil, nil): return "enter \(kind)"
    }
  }

  static func parseYesNo(_ text: String) -> Result<Value, Rejection> {
    switch text.lowercased() {
    case "y", "yes", "true": return .success(.bool(true))
    case "n", "no", "false": return .success(.bool(false))
    default: return .failure(Rejection(reason: "please answer yes or no (y or n)"))
    }
  }
}
