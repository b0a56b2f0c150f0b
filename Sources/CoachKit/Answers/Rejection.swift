/// Why an answer (or a facilitator's command) is not taken: a code with what it needs to be
/// said, so that a host can decide by the code and say it in its own words.
///
///     Rejection(.tooHigh(value: 12, maximum: 10, expected: .wholeNumber(from: 0, to: 10)))
///     rejection.reason  // "12 is more than 10; enter a whole number from 0 to 10"
///
/// ``reason`` is the one wording of why an answer does not fit; authors read it in `coach check`
/// and `coach test`, people through CoachWording, which adds what a host's controls are called
/// (a terminal's `/skip`, a page's button).
public struct Rejection: Error, Hashable, Sendable {
  public var code: Code

  public init(_ code: Code) { self.code = code }

  public enum Code: Hashable, Sendable {
    /// Nothing was typed, and nothing can stand for it.
    case answerNeeded
    /// More than an answer of this kind can be (only free text may be long).
    case tooLong(expected: Expected)
    case tooFewCharacters(minimum: Int, length: Int)
    case tooManyCharacters(maximum: Int, length: Int)
    /// The text does not match the question's pattern; `hint` says what it expects.
    case notTheExpectedForm(hint: String?)
    /// No option named: `count` options to choose from.
    case optionNeeded(count: Int)
    case notAnOptionNumber(Int, count: Int)
    case notAnOption(String, count: Int)
    /// The start of more than one option's label.
    case ambiguousOption(String, labels: [String])
    /// An option that stands alone was picked with others.
    case pickedAlone(label: String)
    case wrongNumberOfPicks(minimum: Int, maximum: Int, picked: Int)
    case notANumber(String, expected: Expected)
    case notAWholeNumber(String, expected: Expected)
    case tooLow(value: Double, minimum: Double, expected: Expected)
    case tooHigh(value: Double, maximum: Double, expected: Expected)
    case notYesOrNo
    // Facilitator mode.
    /// More ratings typed than people are left to rate (`remaining` of those expected).
    case tooManyRatings(given: Int, remaining: Int)
    /// `extend` by minutes out of range (or not a number).
    case extensionOutOfRange(minimum: Int, maximum: Int)
    /// `park` with nothing to park.
    case nothingToPark
    /// One of the question's `checks` refused the answer; the dialogue's own words say why.
    case refusedByCheck(String)
  }

  /// What an answer of a kind must be: said after a reason, and in a prompt's instruction.
  public enum Expected: Hashable, Sendable {
    case text
    case option(count: Int)
    case wholeNumber(from: Int, to: Int)
    case number(AnswerKind.NumberRules)
    case yesOrNo

    public init(_ kind: AnswerKind) {
      switch kind {
      case .text: self = .text
      case .choice(let options), .multipleChoice(let options, _, _):
        self = .option(count: options.count)
      case .scale(let scale): self = .wholeNumber(from: scale.min, to: scale.max)
      case .number(let rules): self = .number(rules)
      case .yesNo: self = .yesOrNo
      }
    }

    /// "enter a whole number from 1 to 5", "enter a number from 1 to 3, or an option's name".
    public var instruction: String {
      switch self {
      case .text: "write less"
      case .option(let count): "enter a number from 1 to \(count), or an option's name"
      case .wholeNumber(let low, let high): "enter a whole number from \(low) to \(high)"
      case .number(let rules): Self.range(rules)
      case .yesOrNo: "please answer yes or no (y or n)"
      }
    }

    /// "enter a whole number from 1 to 500", for messages and prompts.
    public static func range(_ rules: AnswerKind.NumberRules) -> String {
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
  }

  /// "1 to 3", "exactly 2", "up to 4": how many picks, for messages and prompts.
  public static func picks(_ minimum: Int, _ maximum: Int) -> String {
    if minimum == maximum { return "exactly \(minimum)" }
    if minimum == 0 { return "up to \(maximum)" }
    return "\(minimum) to \(maximum)"
  }

  /// Why, in plain words, without what a host's controls are called.
  public var reason: String {
    func number(_ value: Double) -> String { Value.number(value).displayText }
    func quoted(_ text: String) -> String { "'\(Sanitizer.clean(text, limit: 40))'" }
    switch code {
    case .answerNeeded: return "an answer is needed"
    case .tooLong(let expected):
      return "that is too long for this question; \(expected.instruction)"
    case .tooFewCharacters(let minimum, let length):
      return "please write at least \(minimum) characters (this is \(length))"
    case .tooManyCharacters(let maximum, let length):
      return "please keep it to \(maximum) characters (this is \(length))"
    case .notTheExpectedForm(let hint):
      // A hint written as "expected …" is not said as "expected expected …".
      return hint.map { $0.lowercased().hasPrefix("expected ") ? $0 : "expected \($0)" }
        ?? "that does not have the expected form"
    case .optionNeeded(let count): return "enter a number from 1 to \(count), or an option's name"
    case .notAnOptionNumber(let number, let count):
      return "\(number) is not an option; enter a number from 1 to \(count)"
    case .notAnOption(let text, let count):
      return "\(quoted(text)) is not one of the options; enter a number from 1 to \(count)"
    case .ambiguousOption(let text, let labels):
      let names = labels.map { "'\($0)'" }.joined(separator: ", ")
      return "\(quoted(text)) could be \(names); type more of it, or its number"
    case .pickedAlone(let label): return "'\(label)' cannot be picked together with other options"
    case .wrongNumberOfPicks(let minimum, let maximum, let picked):
      return "pick \(Self.picks(minimum, maximum)) (you picked \(picked))"
    case .notANumber(let text, let expected):
      return "\(quoted(text)) is not a number; \(expected.instruction)"
    case .notAWholeNumber(let text, let expected):
      return "\(text) is not a whole number; \(expected.instruction)"
    case .tooLow(let value, let minimum, let expected):
      return "\(number(value)) is less than \(number(minimum)); \(expected.instruction)"
    case .tooHigh(let value, let maximum, let expected):
      return "\(number(value)) is more than \(number(maximum)); \(expected.instruction)"
    case .notYesOrNo: return "please answer yes or no (y or n)"
    case .tooManyRatings(let given, let remaining):
      return
        "that is \(given) rating\(given == 1 ? "" : "s"), but \(remaining == 0 ? "everyone has rated" : remaining == 1 ? "only 1 more is expected" : "only \(remaining) more are expected")"
    case .extensionOutOfRange(let minimum, let maximum):
      return "extend by a number of minutes from \(minimum) to \(maximum)"
    case .nothingToPark: return "say what to park"
    case .refusedByCheck(let text): return text
    }
  }
}
