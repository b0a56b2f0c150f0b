import Foundation

/// The built-in functions of the expression language: each one's signature, type rule and meaning.
///
/// To add a function: add a case, its `usage`, a branch in `check` (its type rule) and a branch in
/// `evaluate` (what it computes). Arguments arrive as syntax nodes, so that functions like `lowest`
/// can see the *names* they were given, not just their values.
public enum Function: String, CaseIterable, Sendable, Hashable {
  case mean, sum, min, max
  case count
  case round
  case `if`
  case lowest, highest
  case lowestWithin = "lowest_within"
  case highestWithin = "highest_within"
  case weekday
  case workday
  case answered
  case dateText = "date_text"
  case daysBetween = "days_between"
  case contains
  case length
  case item
  case label
  case number
  case `repeat`
  case match
  case join
  case text
  // Days and times (the answers to `moment` questions, and `now`).
  case date
  case momentText = "moment_text"
  case timeText = "time_text"
  case matches
  case startsWith = "starts_with"
  case endsWith = "ends_with"
  case lower, upper, capitalize, trim
  case replace
  case containsAny = "contains_any"
  case words
  case plural
  case visits

  /// The name as written in expressions: `mean`, `lowest_within`.
  public var name: String { rawValue }

  /// What authors write out of habit from spreadsheets and programming languages, for "did you
  /// mean": `avg(a, b)` is `mean(a, b)`.
  static let aliases: [String: Function] = [
    "avg": .mean, "average": .mean, "total": .sum, "minimum": .min, "maximum": .max,
    "len": .length, "size": .count, "lowercase": .lower, "uppercase": .upper,
    "lowercased": .lower, "uppercased": .upper, "strip": .trim, "startswith": .startsWith,
    "endswith": .endsWith, "concat": .join, "str": .text, "string": .text, "iif": .if,
    "switch": .match, "regex": .matches, "contains_one": .containsAny, "visited": .visits,
    "visit_count": .visits, "visited_count": .visits, "today_text": .dateText,
  ]

  /// The signature, as shown in error messages and documentation.
  public var usage: String {
    switch self {
    // One or more numbers → number; unanswered (none) arguments are skipped, all none → none.
    case .mean: "mean(x, ...)"
    case .sum: "sum(x, ...)"
    case .min: "min(x, ...)"
    case .max: "max(x, ...)"
    // count(list) → the number of picked items (0 when unanswered); count(a, b, ...) → how many are answered (not none).
    case .count: "count(list) or count(a, b, ...)"
    // round(x) to a whole number, round(x, digits) to that many decimals (half away from zero).
    case .round: "round(x) or round(x, digits)"
    // if(condition, a, b) → a when the condition is true, else b (none counts as false).
    case .if: "if(condition, a, b)"
    // The name (as text) of the argument with the lowest/highest value; ties go to the earliest.
    case .lowest: "lowest(name, name, ...)"
    case .highest: "highest(name, name, ...)"
    // The first name, in argument order, whose value is within the tolerance of the lowest/highest.
    case .lowestWithin: "lowest_within(tolerance, name, name, ...)"
    case .highestWithin: "highest_within(tolerance, name, name, ...)"
    // weekday(date) → "Monday"; date_text(date) → "Sunday 13 December 2026".
    case .weekday: "weekday(date)"
    // workday(date) → the date itself from Monday to Friday, else the Monday after.
    case .workday: "workday(date)"
    // answered(x) → whether x has a value (a question asked and not skipped, a score worked out).
    case .answered: "answered(x)"
    case .dateText: "date_text(date)"
    // days_between(a, b) → b − a in days (negative when b is before a).
    case .daysBetween: "days_between(a, b)"
    // contains(text, part) → whether part occurs in text, ignoring case.
    case .contains: "contains(text, part)"
    // length(text) → its number of characters.
    case .length: "length(text)"
    // item(list, n) → the n-th picked option's value (from 1); none when fewer were picked.
    case .item: "item(list, n)"
    // label(value, question, ...) → the label of the option with this value in the first named
    // choice/multi question that has one (a list: labels joined with ", "); else the value itself.
    case .label: "label(value, question, ...)"
    // number(text) → the number written in the text ("14" → 14); none when it is not one.
    case .number: "number(text)"
    // repeat(text, n) → the text n times (n rounded, 0 to 1000): bars for a chart.
    case .repeat: "repeat(text, n)"
    // match(x, key, result, key, result, ..., otherwise) → the result of the first key equal to x;
    // else `otherwise` (if given) or none.
    case .match: "match(x, key, result, ..., otherwise)"
    // join(separator, text, ...) → the texts that are not empty, joined with the separator.
    case .join: "join(separator, text, ...)"
    // text(value) → the value as it reads in text: "4", "62.5", "yes", "2026-12-13".
    case .text: "text(value)"
    // date(moment) → its day; moment_text(moment) → "Tuesday 1 December at 09:30";
    // time_text(moment) → "09:30".
    case .date: "date(moment)"
    case .momentText: "moment_text(moment)"
    case .timeText: "time_text(moment)"
    // matches(text, pattern) → whether the whole text matches the pattern (coach's dialect).
    case .matches: "matches(text, pattern)"
    // starts_with / ends_with(text, part) → whether the text starts / ends with part, ignoring case.
    case .startsWith: "starts_with(text, part)"
    case .endsWith: "ends_with(text, part)"
    // lower, upper → the text in small / capital letters; capitalize → its first letter capital;
    // trim → without spaces and line breaks at its ends.
    case .lower: "lower(text)"
    case .upper: "upper(text)"
    case .capitalize: "capitalize(text)"
    case .trim: "trim(text)"
    // replace(text, old, new) → every `old` in the text replaced with `new` (case matters).
    case .replace: "replace(text, old, new)"
    // contains_any(text, list) → whether any of the list's texts occurs in the text, ignoring case.
    case .containsAny: "contains_any(text, list)"
    // words(text) → how many words the text has.
    case .words: "words(text)"
    // plural(n, word) → "1 action", "3 actions"; plural(n, word, plural) for irregular words.
    case .plural: "plural(n, word) or plural(n, word, plural)"
    // visits(step) → how many times the step was taken (said or asked); visits() → this step.
    case .visits: "visits(step) or visits()"
    }
  }

  // MARK: Type rules

  /// The function's result type for these arguments, or an error pointing at the bad argument (or,
  /// for a wrong number of arguments, at the function name `offset`).
  func check(
    _ arguments: [ExpressionNode], at offset: Int,
    _ typeOf: (ExpressionNode) throws(ExpressionError) -> ValueType
  ) throws(ExpressionError) -> ValueType {
    /// Checks that argument `index` has type `type`.
    func expect(_ index: Int, _ type: ValueType) throws(ExpressionError) {
      let actual = try typeOf(arguments[index])
      guard actual == type else {
        throw ExpressionError(
          "\(name)() needs \(type) as argument \(index + 1); got \(actual)",
          at: arguments[index].start)
      }
    }
    func arity(_ range: ClosedRange<Int>) throws(ExpressionError) {
      guard !range.contains(arguments.count) else { return }
      let expected =
        range.lowerBound == range.upperBound
        ? "\(range.lowerBound) argument\(range.lowerBound == 1 ? "" : "s")"
        : range.upperBound == Int.max
          ? "at least \(range.lowerBound) argument\(range.lowerBound == 1 ? "" : "s")"
          : "\(range.lowerBound) or \(range.upperBound) arguments"
      throw ExpressionError(
        "\(name)() takes \(expected), like \(usage); got \(arguments.count)", at: offset)
    }
    /// Checks that arguments from `first` on are bare names of numbers, at least two of them.
    func expectNames(from first: Int, example: String) throws(ExpressionError) {
      guard arguments.count >= first + 2 else {
        throw ExpressionError(
          "\(name)() needs at least two names of values, like \(example)", at: offset)
      }
      for argument in arguments[first...] {
        guard case .name(let valueName, _) = argument else {
          throw ExpressionError(
            "\(name)() takes names of values, like \(example)", at: argument.start)
        }
        let type = try typeOf(argument)
        guard type == .number else {
          throw ExpressionError(
            "\(name)() compares numbers; '\(valueName)' is \(type)", at: argument.start)
        }
      }
    }

    switch self {
    case .mean, .sum, .min, .max:
      try arity(1...Int.max)
      for index in arguments.indices { try expect(index, .number) }
      return .number
    case .count:
      try arity(1...Int.max)
      if arguments.count == 1 {
        let type = try typeOf(arguments[0])
        guard type == .list else {
          throw ExpressionError(
            "count() of one value needs a list of choices; got \(type) "
              + "(to count answered values, give two or more: count(a, b))",
            at: arguments[0].start)
        }
      } else {
        for argument in arguments { _ = try typeOf(argument) }
      }
      return .number
    case .round:
      try arity(1...2)
      for index in arguments.indices { try expect(index, .number) }
      return .number
    case .if:
      try arity(3...3)
      try expect(0, .bool)
      let whenTrue = try typeOf(arguments[1])
      let whenFalse = try typeOf(arguments[2])
      guard whenTrue == whenFalse else {
        throw ExpressionError(
          "if() needs both results of the same type; got \(whenTrue) and \(whenFalse)",
          at: arguments[2].start)
      }
      return whenTrue
    case .lowest, .highest:
      try expectNames(from: 0, example: "\(name)(self_score, team_score)")
      return .text
    case .lowestWithin, .highestWithin:
      let example = "\(name)(0.25, self_score, team_score)"
      guard arguments.count >= 3 else {
        throw ExpressionError(
          "\(name)() takes a tolerance and two or more names, like \(example)", at: offset)
      }
      try expect(0, .number)
      try expectNames(from: 1, example: example)
      return .text
    case .weekday, .dateText:
      try arity(1...1)
      // A day and time is read by its day.
      let type = try typeOf(arguments[0])
      guard type == .date || type == .moment else {
        throw ExpressionError(
          "\(name)() needs a date or a day and time as argument 1; got \(type)",
          at: arguments[0].start)
      }
      return .text
    case .date:
      try arity(1...1)
      try expect(0, .moment)
      return .date
    case .momentText, .timeText:
      try arity(1...1)
      try expect(0, .moment)
      return .text
    case .workday:
      try arity(1...1)
      try expect(0, .date)
      return .date
    case .answered:
      try arity(1...1)
      _ = try typeOf(arguments[0])
      return .bool
    case .daysBetween:
      try arity(2...2)
      try expect(0, .date)
      try expect(1, .date)
      return .number
    case .contains:
      try arity(2...2)
      try expect(0, .text)
      try expect(1, .text)
      return .bool
    case .length:
      try arity(1...1)
      try expect(0, .text)
      return .number
    case .item:
      try arity(2...2)
      try expect(0, .list)
      try expect(1, .number)
      return .text
    case .label:
      let example = "label(focus_area, focus)"
      guard arguments.count >= 2 else {
        throw ExpressionError(
          "label() takes a value and the names of questions with options, like \(example)",
          at: offset)
      }
      let type = try typeOf(arguments[0])
      guard type == .text || type == .list else {
        throw ExpressionError(
          "label() needs text or a list of choices as argument 1; got \(type)",
          at: arguments[0].start)
      }
      for argument in arguments.dropFirst() {
        guard case .name(let questionName, _) = argument else {
          throw ExpressionError(
            "label() takes names of choice or multi questions after the value, like \(example)",
            at: argument.start)
        }
        let questionType = try typeOf(argument)
        guard questionType == .text || questionType == .list else {
          throw ExpressionError(
            "label() reads the options of choice or multi questions; '\(questionName)' is \(questionType)",
            at: argument.start)
        }
      }
      return .text
    case .number:
      try arity(1...1)
      try expect(0, .text)
      return .number
    case .repeat:
      try arity(2...2)
      try expect(0, .text)
      try expect(1, .number)
      return .text
    case .match:
      guard arguments.count >= 3 else {
        throw ExpressionError(
          "match() takes a value and key, result pairs, like match(x, \"a\", 1, \"b\", 2, 0); got \(arguments.count) argument\(arguments.count == 1 ? "" : "s")",
          at: offset)
      }
      let subject = try typeOf(arguments[0])
      var result: ValueType?
      for (index, argument) in arguments.enumerated().dropFirst() {
        // Odd positions (1, 3, …) are keys, except a last argument with no result: the fallback.
        let isKey = index % 2 == 1 && index + 1 < arguments.count
        let type = try typeOf(argument)
        if isKey {
          guard type == subject else {
            throw ExpressionError(
              "match() compares \(subject) with each key; this key is \(type)", at: argument.start)
          }
        } else if let expected = result, type != expected {
          throw ExpressionError(
            "match() needs every result of the same type; got \(expected) and \(type)",
            at: argument.start)
        } else {
          result = type
        }
      }
      return result ?? subject
    case .join:
      try arity(2...Int.max)
      for index in arguments.indices { try expect(index, .text) }
      return .text
    case .text:
      try arity(1...1)
      _ = try typeOf(arguments[0])
      return .text
    case .matches, .startsWith, .endsWith:
      try arity(2...2)
      try expect(0, .text)
      try expect(1, .text)
      return .bool
    case .lower, .upper, .capitalize, .trim:
      try arity(1...1)
      try expect(0, .text)
      return .text
    case .replace:
      try arity(3...3)
      for index in arguments.indices { try expect(index, .text) }
      return .text
    case .containsAny:
      try arity(2...2)
      try expect(0, .text)
      try expect(1, .list)
      return .bool
    case .words:
      try arity(1...1)
      try expect(0, .text)
      return .number
    case .plural:
      try arity(2...3)
      try expect(0, .number)
      for index in arguments.indices.dropFirst() { try expect(index, .text) }
      return .text
    case .visits:
      try arity(0...1)
      if let argument = arguments.first {
        guard case .name = argument else {
          throw ExpressionError(
            "visits() takes the id of a step, like visits(shrink), or nothing for this step",
            at: argument.start)
        }
      }
      return .number
    }
  }

  // MARK: Meaning

  /// The function's value. Never traps; ill-typed or missing arguments give `.none`.
  func evaluate(
    _ arguments: [ExpressionNode], context: EvaluationContext,
    _ valueOf: (ExpressionNode) -> Value
  ) -> Value {
    let labels = context.label
    /// The numbers among the arguments' values; none (and anything else) is skipped.
    func numbers() -> [Double] {
      arguments.compactMap { if case .number(let x) = valueOf($0) { x } else { nil } }
    }
    func value(_ index: Int) -> Value {
      index < arguments.count ? valueOf(arguments[index]) : .none
    }

    switch self {
    case .mean:
      let values = numbers()
      return values.isEmpty ? .none : Function.number(values.reduce(0, +) / Double(values.count))
    case .sum:
      let values = numbers()
      return values.isEmpty ? .none : Function.number(values.reduce(0, +))
    case .min:
      return numbers().min().map(Value.number) ?? .none
    case .max:
      return numbers().max().map(Value.number) ?? .none
    case .count:
      if arguments.count == 1 {
        if case .list(let items) = value(0) { return .number(Double(items.count)) }
        // An unanswered multiple-choice question has picked nothing.
        return .number(0)
      }
      return .number(Double(arguments.filter { valueOf($0) != .none }.count))
    case .round:
      guard case .number(let x) = value(0) else { return .none }
      var digits = 0.0
      if arguments.count > 1 {
        guard case .number(let d) = value(1) else { return .none }
        digits = d
      }
      return Function.round(x, digits: Int(Swift.min(Swift.max(digits.rounded(), -15), 15)))
    case .if:
      return value(0) == .bool(true) ? value(1) : value(2)
    case .lowest:
      return extreme(among: arguments.dropFirst(0), tolerance: 0, lowest: true, valueOf)
    case .highest:
      return extreme(among: arguments.dropFirst(0), tolerance: 0, lowest: false, valueOf)
    case .lowestWithin, .highestWithin:
      guard case .number(let tolerance) = value(0), tolerance.isFinite else { return .none }
      return extreme(
        among: arguments.dropFirst(), tolerance: Swift.max(tolerance, 0),
        lowest: self == .lowestWithin, valueOf)
    case .weekday:
      guard let day = Function.day(of: value(0)) else { return .none }
      return .text(day.weekday)
    case .answered:
      return .bool(value(0) != .none)
    case .workday:
      guard case .date(let day) = value(0) else { return .none }
      switch day.weekday {
      case "Saturday": return .date(day.adding(days: 2))
      case "Sunday": return .date(day.adding(days: 1))
      default: return .date(day)
      }
    case .dateText:
      guard let day = Function.day(of: value(0)) else { return .none }
      return .text(day.longText)
    case .date:
      guard case .moment(let moment) = value(0) else { return .none }
      return .date(moment.day)
    case .momentText:
      guard case .moment(let moment) = value(0) else { return .none }
      return .text(moment.text)
    case .timeText:
      guard case .moment(let moment) = value(0) else { return .none }
      return .text(moment.timeText)
    case .daysBetween:
      guard case .date(let a) = value(0), case .date(let b) = value(1) else { return .none }
      return .number(Double(b.daysSince1970 - a.daysSince1970))
    case .contains:
      guard case .text(let text) = value(0), case .text(let part) = value(1) else {
        return .bool(false)
      }
      return .bool(part.isEmpty || text.lowercased().contains(part.lowercased()))
    case .length:
      guard case .text(let text) = value(0) else { return .none }
      return .number(Double(text.count))
    case .item:
      guard case .list(let items) = value(0), case .number(let n) = value(1), n.isFinite else {
        return .none
      }
      let index = Int(Swift.min(Swift.max(n.rounded(), 0), Double(Int32.max))) - 1
      return items.indices.contains(index) ? .text(items[index]) : .none
    case .label:
      let questions = arguments.dropFirst().compactMap { argument -> String? in
        if case .name(let name, _) = argument { name } else { nil }
      }
      func label(_ optionValue: String) -> String {
        for question in questions {
          if let label = labels(question, optionValue) { return label }
        }
        return optionValue
      }
      switch value(0) {
      case .text(let text): return .text(ValueLimits.clamped(label(text)))
      case .list(let items):
        var text = BoundedText()
        for item in items where !text.isFull { text.append(label(item), separator: ", ") }
        return .text(text.text)
      default: return .none
      }
    case .number:
      guard case .text(let text) = value(0),
        let x = Double(text.trimmingCharacters(in: .whitespaces)), x.isFinite
      else { return .none }
      return .number(x)
    case .repeat:
      guard case .text(let text) = value(0), case .number(let n) = value(1), n.isFinite else {
        return .none
      }
      // At most 1,000 times, and never past the size limit: `repeat(repeat(t, 1000), 1000)`.
      let wanted = Int(Swift.min(Swift.max(n.rounded(), 0), 1000))
      let fitting = ValueLimits.maxTextBytes / Swift.max(text.utf8.count, 1)
      return .text(
        ValueLimits.clamped(String(repeating: text, count: Swift.min(wanted, fitting + 1))))
    case .match:
      let subject = value(0)
      var index = 1
      while index + 1 < arguments.count {
        if subject != .none, value(index) == subject { return value(index + 1) }
        index += 2
      }
      return index < arguments.count ? value(index) : .none
    case .join:
      guard case .text(let separator) = value(0) else { return .none }
      var text = BoundedText()
      for index in arguments.indices.dropFirst() where !text.isFull {
        if case .text(let part) = value(index), !part.isEmpty {
          text.append(part, separator: separator)
        }
      }
      return .text(text.text)
    case .text:
      let subject = value(0)
      if case .list(let items) = subject {
        var text = BoundedText()
        for item in items where !text.isFull { text.append(item, separator: ", ") }
        return .text(text.text)
      }
      return subject == .none ? .none : .text(ValueLimits.clamped(subject.displayText))
    case .matches:
      guard case .text(let text) = value(0), case .text(let source) = value(1),
        let pattern = try? Pattern(source)
      else { return .bool(false) }
      return .bool(pattern.matches(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    case .startsWith, .endsWith:
      guard case .text(let text) = value(0), case .text(let part) = value(1) else {
        return .bool(false)
      }
      let (whole, piece) = (text.lowercased(), part.lowercased())
      return .bool(self == .startsWith ? whole.hasPrefix(piece) : whole.hasSuffix(piece))
    case .lower, .upper, .capitalize, .trim:
      guard case .text(let text) = value(0) else { return .none }
      switch self {
      case .lower: return .text(ValueLimits.clamped(text.lowercased()))
      case .upper: return .text(ValueLimits.clamped(text.uppercased()))
      case .capitalize:
        guard let first = text.first else { return .text(text) }
        return .text(ValueLimits.clamped(first.uppercased() + text.dropFirst()))
      default: return .text(text.trimmingCharacters(in: .whitespacesAndNewlines))
      }
    case .replace:
      guard case .text(let text) = value(0), case .text(let old) = value(1),
        case .text(let new) = value(2)
      else { return .none }
      guard !old.isEmpty else { return .text(text) }
      return .text(Function.replacing(old, with: new, in: text))
    case .containsAny:
      guard case .text(let text) = value(0), case .list(let parts) = value(1) else {
        return .bool(false)
      }
      let whole = text.lowercased()
      return .bool(parts.contains { !$0.isEmpty && whole.contains($0.lowercased()) })
    case .words:
      guard case .text(let text) = value(0) else { return .none }
      return .number(Double(text.split(whereSeparator: { $0.isWhitespace }).count))
    case .plural:
      guard case .number(let n) = value(0), case .text(let word) = value(1) else { return .none }
      var many = word + "s"
      if arguments.count > 2 {
        guard case .text(let written) = value(2) else { return .none }
        many = written
      }
      return .text(ValueLimits.clamped(Value.format(n) + " " + (n == 1 ? word : many)))
    case .visits:
      if case .name(let stepID, _)? = arguments.first {
        return .number(Double(context.visits(stepID)))
      }
      return .number(Double(context.visits(nil)))
    }
  }

  /// `text` with every `old` replaced by `new`, never longer than the limit.
  static func replacing(_ old: String, with new: String, in text: String) -> String {
    var result = BoundedText()
    var first = true
    for part in text.split(separator: old, omittingEmptySubsequences: false) {
      if result.isFull { break }
      if first {
        result.append(String(part), separator: "")
        first = false
      } else {
        result.append(new + part, separator: "")
      }
    }
    return result.text
  }

  /// The first name, in argument order, whose number is within `tolerance` of the lowest (highest)
  /// number; names without a number are ignored; none if no name has one.
  private func extreme(
    among arguments: ArraySlice<ExpressionNode>, tolerance: Double, lowest: Bool,
    _ valueOf: (ExpressionNode) -> Value
  ) -> Value {
    let candidates: [(name: String, value: Double)] = arguments.compactMap { argument in
      guard case .name(let name, _) = argument, case .number(let x) = valueOf(argument) else {
        return nil
      }
      return (name, x)
    }
    let values = candidates.map(\.value)
    guard let target = lowest ? values.min() : values.max() else { return .none }
    let winner = candidates.first {
      lowest ? $0.value <= target + tolerance : $0.value >= target - tolerance
    }
    return winner.map { .text($0.name) } ?? .none
  }

  /// The day of a date, or of a day and time.
  static func day(of value: Value) -> Day? {
    switch value {
    case .date(let day): day
    case .moment(let moment): moment.day
    default: nil
    }
  }

  /// A finite number, or none for an undefined result.
  static func number(_ x: Double) -> Value {
    x.isFinite ? .number(x) : .none
  }

  /// `x` rounded half away from zero to `digits` decimals (negative: to tens, hundreds, …).
  static func round(_ x: Double, digits: Int) -> Value {
    var scale = 1.0
    for _ in 0..<abs(digits) { scale *= 10 }
    let result = digits >= 0 ? (x * scale).rounded() / scale : (x / scale).rounded() * scale
    return number(result.isFinite ? result : x)
  }
}
