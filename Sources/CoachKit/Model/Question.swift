/// A typed question: what is asked, what kind of answer fits, and the variable that keeps it.
///
///     ask:
///       type: number
///       var: team_size
///       prompt: How many people report to you?
///       min: 1
///       max: 500
///       default: 6
///       help: Count the people whose work you direct day to day.
public struct Question: Sendable {
  public var kind: AnswerKind
  /// The name the answer is stored under, read by conditions, formulas and text.
  public var variable: String
  public var prompt: Text
  public var help: Text?
  var defaultAnswer: DefaultAnswer?
  /// An optional question can be skipped; its variable is then empty (or its default).
  public var isOptional: Bool
  /// In facilitator mode, a team question is rated by the room before the leader answers it.
  public var isTeamQuestion: Bool
  /// A scale statement where agreeing is unfavourable ("mistakes are held against people"):
  /// the team's "% favourable" and blind spots read it the other way round.
  public var isReverseScored: Bool
  /// `checks`: the dialogue's own reasons to refuse an answer, tried after the type's.
  var checks: [AnswerCheck] {
    get { extras?.checks ?? [] }
    set { extras = QuestionExtras(checks: newValue, optionSources: optionSources, labelTexts: labelTexts) }
  }
  /// `options` with items worked out from earlier answers (`=picks`), in the order written; nil
  /// when every option is written out (then they are all in `kind`).
  var optionSources: [OptionSource]? {
    get { extras?.optionSources }
    set { extras = QuestionExtras(checks: checks, optionSources: newValue, labelTexts: labelTexts) }
  }
  /// The option labels, scale labels and pattern hint that have placeholders, to fill in when
  /// the question is asked.
  var labelTexts: LabelTexts {
    get { extras?.labelTexts ?? LabelTexts() }
    set { extras = QuestionExtras(checks: checks, optionSources: optionSources, labelTexts: newValue) }
  }
  /// The above, held by reference: most questions have none of them.
  private var extras: QuestionExtras?
  public var location: SourceLocation

  /// Whether some options are worked out when the question is asked, so that any value may be
  /// one of them.
  public var hasComputedOptions: Bool {
    optionSources?.contains { if case .computed = $0 { true } else { false } } ?? false
  }

  public init(
    kind: AnswerKind, variable: String, prompt: Text, help: Text? = nil,
    defaultAnswer: DefaultAnswer? = nil, isOptional: Bool = false, isTeamQuestion: Bool = false,
    isReverseScored: Bool = false, location: SourceLocation
  ) {
    self.kind = kind
    self.variable = variable
    self.prompt = prompt
    self.help = help
    self.defaultAnswer = defaultAnswer
    self.isOptional = isOptional
    self.isTeamQuestion = isTeamQuestion
    self.isReverseScored = isReverseScored
    self.location = location
  }
}

/// The kinds of answer a question can take, each with its own rules.
public enum AnswerKind: Sendable {
  /// Free text of `minLength...maxLength` characters, optionally matching a regular expression.
  case text(TextRules)
  /// Exactly one of the options.
  case choice([Option])
  /// Between `minPicks` and `maxPicks` of the options.
  case multipleChoice([Option], minPicks: Int, maxPicks: Int)
  /// A whole number from `min` to `max`, with words for both ends.
  case scale(Scale)
  /// A number, whole or decimal, optionally bounded.
  case number(NumberRules)
  case yesNo
  /// A day and a time, typed as people say them ("tomorrow at 9", "Tue 9:30"), within optional
  /// bounds.
  case moment(MomentRules)

  public struct TextRules: Sendable {
    public var minLength: Int
    public var maxLength: Int
    /// A ``Pattern`` the whole answer must match, as written.
    public var pattern: String? {
      didSet { compiled = Self.deferredCompile(pattern) }
    }
    /// `pattern`, compiled the first time it is needed, and once; nil when there is none (or it is
    /// not valid, which the loader reports). Compiling the patterns of the built-in dialogue as it
    /// loaded was a tenth of the time to its first question.
    public var compiledPattern: Pattern? { compiled.flatMap { $0.value } }
    private var compiled: Deferred<Pattern?>?
    /// Said when the pattern does not match, e.g. "a day and a time, like 'Tue 9:00'".
    public var patternHint: String?
    public init(
      minLength: Int = 1, maxLength: Int = 2000, pattern: String? = nil, patternHint: String? = nil
    ) {
      self.minLength = minLength
      self.maxLength = maxLength
      self.pattern = pattern
      self.compiled = Self.deferredCompile(pattern)
      self.patternHint = patternHint
    }

    /// Sets `pattern` to one the loader has just compiled (to report its mistakes), so that it is
    /// not compiled again.
    mutating func setPattern(_ source: String, compiled pattern: Pattern) {
      self.pattern = source
      compiled = Deferred { pattern }
    }

    private static func deferredCompile(_ pattern: String?) -> Deferred<Pattern?>? {
      pattern.map { source in Deferred { try? Pattern(source) } }
    }
  }

  public struct Scale: Sendable {
    public var min: Int
    public var max: Int
    public var minLabel: String?
    public var maxLabel: String?
    public init(min: Int, max: Int, minLabel: String? = nil, maxLabel: String? = nil) {
      self.min = min
      self.max = max
      self.minLabel = minLabel
      self.maxLabel = maxLabel
    }
  }

  public struct NumberRules: Sendable, Hashable {
    public var min: Double?
    public var max: Double?
    public var integer: Bool
    public init(min: Double? = nil, max: Double? = nil, integer: Bool = true) {
      self.min = min
      self.max = max
      self.integer = integer
    }
  }

  /// The bounds of a day-and-time answer: expressions giving a date (the whole day counts) or a
  /// day and time, worked out when the answer is given; empty means no bound.
  ///
  ///     earliest: now
  ///     latest: workday(today + 2)
  public struct MomentRules: Sendable {
    public var earliest: Formula?
    public var latest: Formula?
    public init(earliest: Formula? = nil, latest: Formula? = nil) {
      self.earliest = earliest
      self.latest = latest
    }
  }

  /// The name of the kind as written in a dialogue file.
  var typeName: String {
    switch self {
    case .text: "text"
    case .choice: "choice"
    case .multipleChoice: "multi"
    case .scale: "scale"
    case .number: "number"
    case .yesNo: "yesno"
    case .moment: "moment"
    }
  }

  /// The type of value an answer of this kind gives.
  var valueType: ValueType {
    switch self {
    case .text, .choice: .text
    case .multipleChoice: .list
    case .scale, .number: .number
    case .yesNo: .bool
    case .moment: .moment
    }
  }

  /// Whether the answer is yes or no.
  public var isYesNo: Bool {
    if case .yesNo = self { return true }
    return false
  }

  public var options: [Option] {
    switch self {
    case .choice(let options), .multipleChoice(let options, _, _): options
    default: []
    }
  }
}

/// What an empty answer means: a fixed value, or one worked out when the question is shown.
///
///     default: 14          # .value
///     default: =weakest    # .formula (a leading '=' makes it an expression)
public enum DefaultAnswer: Sendable {
  case value(Value)
  case formula(Formula)
}

/// One of a question's `checks`: when `refuse_if` holds for the answer being given, the answer
/// is refused with `say`, and the question is asked again.
///
///     checks:
///       - refuse_if: matches(answer, "(?i).*\b(someday|later)\b.*")
///         say: "'{{answer}}' may never come. Tie it to a moment that surely will."
public struct AnswerCheck: Sendable {
  var refuseIf: Formula
  var say: Text
  public var location: SourceLocation

  public init(refuseIf: Formula, say: Text, location: SourceLocation) {
    self.refuseIf = refuseIf
    self.say = say
    self.location = location
  }

  /// The name the answer being given is read by, in `refuse_if` and `say`.
  public static let answerName = "answer"
}

/// One item of a question's `options`: an option as written, or `=expression` for one option per
/// item of a list worked out when the question is asked.
public enum OptionSource: Sendable {
  case option(Option)
  case computed(Formula)
}

/// Texts of a question that are read as labels and may have placeholders.
struct LabelTexts: Sendable {
  /// By the option's index among the options written out.
  var options: [Int: Text] = [:]
  var minLabel: Text?
  var maxLabel: Text?
  var patternHint: Text?

  var isEmpty: Bool {
    options.isEmpty && minLabel == nil && maxLabel == nil && patternHint == nil
  }

  /// Every one of them.
  var all: [Text] {
    options.keys.sorted().compactMap { options[$0] } + [minLabel, maxLabel, patternHint].compactMap { $0 }
  }
}

/// A question's checks, options worked out from answers and labels with placeholders.
private final class QuestionExtras: Sendable {
  let checks: [AnswerCheck]
  let optionSources: [OptionSource]?
  let labelTexts: LabelTexts

  /// Nil when there is nothing to hold.
  init?(checks: [AnswerCheck], optionSources: [OptionSource]?, labelTexts: LabelTexts) {
    guard !checks.isEmpty || optionSources != nil || !labelTexts.isEmpty else { return nil }
    self.checks = checks
    self.optionSources = optionSources
    self.labelTexts = labelTexts
  }
}
