/// Reads the `ask` mapping of a step into a ``Question``, checking the keys its type accepts and
/// that its limits make sense.
enum QuestionReader {
  static func read(_ node: NodeReader.NodeID, stepID: String, _ r: inout NodeReader) -> Question? {
    guard r.document.kind(node) == .mapping else {
      r.error(
        "ask should be a mapping with at least 'type' and 'prompt', not \(r.describe(node))",
        at: node)
      return nil
    }
    let location = r.location(of: node)
    // The type decides which other keys are allowed, so read it first.
    let pairs = r.document.pairs(of: node)
    let typeNode = pairs.first { r.document.string($0.key) == "type" }?.value
    guard let typeNode else {
      r.error(
        "this question needs 'type': one of \(Schema.questionTypes.joined(separator: ", "))",
        at: node)
      return nil
    }
    guard var type = r.string(typeNode, "type") else { return nil }
    if !Schema.questionTypes.contains(type) {
      let message = "unknown question type \(NodeReader.quoted(type))"
      guard let guess = Suggestion.closest(to: type, among: Schema.questionTypes) else {
        r.error(
          message + "; expected one of: \(Schema.questionTypes.joined(separator: ", "))",
          at: typeNode)
        return nil
      }
      // Read on as the type it most likely means, so its variable is still known.
      r.error(message + "; did you mean '\(guess)'?", at: typeNode)
      type = guess
    }
    let keys = Schema.questionTypes.firstIndex(of: type).map { keysByType[$0] } ?? Keys(type: type)
    // A key of another question type gets its own message, not a "did you mean" to a lookalike.
    let otherTypesKeys = keys.otherTypes
    for (keyNode, _) in pairs {
      guard let key = r.document.string(keyNode), !keys.allowed.contains(key),
        otherTypesKeys.contains(key)
      else { continue }
      let owners = Schema.questionTypes.filter { Schema.questionByType[$0]?.contains(key) == true }
      r.error(
        "a \(type) question has no '\(key)'; only \(owners.joined(separator: " and ")) questions do",
        at: keyNode)
    }
    guard
      let entries = r.entries(
        of: node, "a \(type) question", allowed: keys.allowedWithOtherTypes)
    else {
      return nil
    }
    var values = Values()
    for entry in entries where keys.allowed.contains(entry.key) {
      values.entries.append(entry)
    }

    let variable =
      values["var"].flatMap { r.variableName($0, "var") }
      ?? (NodeReader.holds(UInt8(ascii: "-"), stepID)
        ? String(stepID.map { $0 == "-" ? "_" : $0 }) : stepID)
    // Without a prompt the question is still read, so that its variable is known.
    let prompt: Text
    if let promptNode = values["prompt"] {
      prompt = r.text(promptNode, "prompt") ?? Text(source: "", location: location)
    } else {
      r.error("this question needs 'prompt': the question as the person reads it", at: node)
      prompt = Text(source: "", location: location)
    }
    let help = values["help"].flatMap { r.text($0, "help") }
    let isOptional = values["optional"].flatMap { r.bool($0, "optional") } ?? false
    let isTeam = values["team"].flatMap { r.bool($0, "team") } ?? false
    let isReverse = values["reverse"].flatMap { r.bool($0, "reverse") } ?? false

    var extras = Extras()
    guard let kind = readKind(type, values, node, &extras, &r) else { return nil }
    var defaultAnswer: DefaultAnswer?
    if let defaultNode = values["default"] {
      defaultAnswer = readDefault(
        defaultNode, kind: kind, open: extras.optionSources != nil, &r)
    }
    var question = Question(
      kind: kind, variable: variable, prompt: prompt, help: help, defaultAnswer: defaultAnswer,
      isOptional: isOptional, isTeamQuestion: isTeam, isReverseScored: isReverse,
      location: location)
    question.optionSources = extras.optionSources
    question.labelTexts = extras.labelTexts
    if let checksNode = values["checks"] { question.checks = readChecks(checksNode, &r) }
    return question
  }

  /// What a question holds beside its kind: options worked out when asked, labels with
  /// placeholders.
  struct Extras {
    var optionSources: [OptionSource]?
    var labelTexts = LabelTexts()
  }

  /// A label, hint or option label: a ``Text`` when it has placeholders.
  private static func label(_ node: NodeReader.NodeID, _ what: String, _ r: inout NodeReader)
    -> (String?, Text?)
  {
    guard let written = r.string(node, what) else { return (nil, nil) }
    guard Interpolation.mayHavePlaceholders(written) else { return (written, nil) }
    return (written, r.text(node, what))
  }

  /// `checks:`, the dialogue's own reasons to refuse an answer.
  private static func readChecks(_ node: NodeReader.NodeID, _ r: inout NodeReader)
    -> [AnswerCheck]
  {
    guard let items = r.sequence(node, "checks") else { return [] }
    var checks: [AnswerCheck] = []
    for item in items {
      guard let entries = r.entries(of: item, "a check", allowed: Schema.answerCheck) else {
        continue
      }
      let values = Values(entries: entries)
      guard let conditionNode = values["refuse_if"], let sayNode = values["say"] else {
        r.error(
          "a check needs 'refuse_if' (when to refuse the answer, reading it as 'answer') and 'say' (why)",
          at: item)
        continue
      }
      let condition =
        r.formula(conditionNode, "refuse_if") ?? Formula.never(at: r.location(of: conditionNode))
      guard let say = r.text(sayNode, "say") else { continue }
      checks.append(AnswerCheck(refuseIf: condition, say: say, location: r.location(of: item)))
    }
    return checks
  }

  /// A mapping's entries by key. Mappings have a handful of keys: a linear search is cheaper than
  /// a dictionary, which this used to build for every question and option.
  struct Values {
    var entries: [NodeReader.Entry] = []
    subscript(key: String) -> NodeReader.NodeID? { entries.first { $0.key == key }?.value }
  }

  /// The keys a question of each type accepts, worked out once rather than for every question.
  private struct Keys {
    let allowed: [String]
    /// Keys of other question types (a handful: a linear search beats hashing them).
    let otherTypes: [String]
    let allowedWithOtherTypes: [String]

    init(type: String) {
      allowed = Schema.questionCommon + (Schema.questionByType[type] ?? [])
      let allowed = allowed
      otherTypes = Set(Schema.questionByType.values.joined()).filter { !allowed.contains($0) }
        .sorted()
      allowedWithOtherTypes = allowed + otherTypes
    }
  }

  /// By the position of the type in `Schema.questionTypes`.
  private static let keysByType: [Keys] = Schema.questionTypes.map { Keys(type: $0) }

  private static func readKind(
    _ type: String, _ values: Values, _ node: NodeReader.NodeID, _ extras: inout Extras,
    _ r: inout NodeReader
  ) -> AnswerKind? {
    switch type {
    case "text":
      var rules = AnswerKind.TextRules()
      if let n = values["min_length"], let v = r.integer(n, "min_length") { rules.minLength = v }
      if let n = values["max_length"], let v = r.integer(n, "max_length") { rules.maxLength = v }
      if rules.minLength < 0 {
        r.error("min_length should be 0 or more", at: values["min_length"]!)
      }
      if rules.maxLength < max(rules.minLength, 1),
        let n = values["max_length"] ?? values["min_length"]
      {
        r.error(
          "max_length (\(rules.maxLength)) should be at least min_length (\(rules.minLength)) and 1",
          at: n)
      }
      if let n = values["pattern"], let pattern = r.string(n, "pattern") {
        // Compiling a pattern only to find mistakes costs more than the rest of a question.
        if r.checked {
          rules.pattern = pattern
        } else {
          do throws(PatternError) {
            rules.setPattern(pattern, compiled: try Pattern(pattern))
          } catch {
            r.error(
              "pattern: \(error.message)",
              at: r.span(of: n).location(ofCharacter: error.offset, in: pattern))
          }
        }
      }
      if let n = values["pattern_hint"] {
        (rules.patternHint, extras.labelTexts.patternHint) = label(n, "pattern_hint", &r)
      }
      return .text(rules)
    case "choice", "multi":
      guard let optionsNode = values["options"] else {
        r.error("a \(type) question needs 'options'", at: node)
        return nil
      }
      let options = readOptions(optionsNode, &extras, &r)
      // Count the options written, so that one wrong option is not also reported as too few.
      // Options worked out from answers may be any number: they are not counted here.
      let isOpen = extras.optionSources != nil
      let written =
        isOpen
        ? Int.max
        : r.document.kind(optionsNode) == .sequence
          ? r.document.count(of: optionsNode) : options.count
      if type == "choice" {
        if written < 2 {
          r.error("a choice question needs at least 2 options", at: optionsNode)
        }
        return .choice(options)
      }
      var minPicks = 1
      var maxPicks = isOpen ? Int.max : max(options.count, 1)
      if let n = values["min_picks"], let v = r.integer(n, "min_picks") { minPicks = v }
      if let n = values["max_picks"], let v = r.integer(n, "max_picks") { maxPicks = v }
      if written < 2 { r.error("a multi question needs at least 2 options", at: optionsNode) }
      if minPicks < 0 { r.error("min_picks should be 0 or more", at: values["min_picks"]!) }
      if maxPicks < max(minPicks, 1) {
        r.error(
          "max_picks (\(maxPicks)) should be at least min_picks (\(minPicks)) and 1",
          at: values["max_picks"] ?? node)
      } else if maxPicks > options.count, !options.isEmpty, !isOpen {
        r.error(
          "max_picks (\(maxPicks)) is more than the \(options.count) options",
          at: values["max_picks"] ?? node)
      }
      return .multipleChoice(options, minPicks: minPicks, maxPicks: maxPicks)
    case "scale":
      guard let minNode = values["min"], let maxNode = values["max"] else {
        r.error("a scale question needs 'min' and 'max', e.g. min: 1 and max: 5", at: node)
        return nil
      }
      guard let low = r.integer(minNode, "min"), let high = r.integer(maxNode, "max") else {
        return nil
      }
      if high <= low {
        r.error("max (\(high)) should be more than min (\(low))", at: maxNode)
      } else if high - low > 100 {
        r.error(
          "a scale has at most 101 points; use a number question for wider ranges", at: maxNode)
      }
      var minLabel: String?
      var maxLabel: String?
      if let n = values["min_label"] {
        (minLabel, extras.labelTexts.minLabel) = label(n, "min_label", &r)
      }
      if let n = values["max_label"] {
        (maxLabel, extras.labelTexts.maxLabel) = label(n, "max_label", &r)
      }
      return .scale(.init(min: low, max: high, minLabel: minLabel, maxLabel: maxLabel))
    case "number":
      var rules = AnswerKind.NumberRules()
      if let n = values["integer"], let v = r.bool(n, "integer") { rules.integer = v }
      if let n = values["min"] { rules.min = r.number(n, "min") }
      if let n = values["max"] { rules.max = r.number(n, "max") }
      if let low = rules.min, let high = rules.max, high < low {
        r.error(
          "max (\(Value.number(high).displayText)) should be at least min (\(Value.number(low).displayText))",
          at: values["max"]!)
      }
      return .number(rules)
    case "moment":
      return .moment(
        .init(
          earliest: values["earliest"].flatMap { r.formula($0, "earliest") },
          latest: values["latest"].flatMap { r.formula($0, "latest") }))
    default:
      return .yesNo
    }
  }

  private static func readOptions(
    _ node: NodeReader.NodeID, _ extras: inout Extras, _ r: inout NodeReader
  ) -> [Option] {
    guard let items = r.sequence(node, "options") else { return [] }
    var sources: [OptionSource] = []
    var hasComputed = false
    var options: [Option] = []
    options.reserveCapacity(items.count)
    // A question has a handful of options: a linear search beats hashing them.
    var seenValues: [(value: String, location: SourceLocation)] = []
    seenValues.reserveCapacity(items.count)
    for item in items {
      var option: Option
      if let text = r.document.string(item), text.hasPrefix("=") {
        // `=picks`: one option for each item of a list worked out when the question is asked.
        let span = r.span(of: item).dropping(1, of: text)
        if let formula = r.formula(String(text.dropFirst()), span: span) {
          sources.append(.computed(formula))
          hasComputed = true
        }
        continue
      } else if let text = r.document.string(item) {
        option = Option(value: text, label: text, location: r.location(of: item))
      } else {
        guard let entries = r.entries(of: item, "an option", allowed: Schema.option) else {
          continue
        }
        let values = Values(entries: entries)
        guard let valueNode = values["value"] else {
          r.error("this option needs 'value': the stable name conditions use", at: item)
          continue
        }
        guard let value = r.plainString(valueNode, "an option's value") else { continue }
        var label = value
        if let labelNode = values["label"] {
          let (written, text) = Self.label(labelNode, "label", &r)
          label = written ?? value
          if let text { extras.labelTexts.options[options.count] = text }
        }
        let synonyms = values["synonyms"].flatMap { r.stringList($0, "synonyms") } ?? []
        let exclusive = values["exclusive"].flatMap { r.bool($0, "exclusive") } ?? false
        option = Option(
          value: value, label: label, synonyms: synonyms, isExclusive: exclusive,
          location: r.location(of: item))
      }
      // Blank as Foundation's CharacterSet.whitespaces means it: spaces (Zs) and tabs.
      if option.value.unicodeScalars.allSatisfy({
        $0 == "\t" || $0 == " "
          || (!$0.isASCII && $0.properties.generalCategory == .spaceSeparator)
      }) {
        r.error("an option's value cannot be empty", at: option.location)
        continue
      }
      if let first = seenValues.first(where: { $0.value == option.value })?.location {
        r.error(
          "the option value \(NodeReader.quoted(option.value)) is used twice (first at line \(first.line))",
          at: option.location)
        continue
      }
      seenValues.append((option.value, option.location))
      options.append(option)
      sources.append(.option(option))
    }
    if hasComputed { extras.optionSources = sources }
    return options
  }

  private static func readDefault(
    _ node: NodeReader.NodeID, kind: AnswerKind, open: Bool, _ r: inout NodeReader
  )
    -> DefaultAnswer?
  {
    guard let text = r.string(node, "default") else { return nil }
    if text.hasPrefix("=") {
      let span = r.span(of: node).dropping(1, of: text)
      return r.formula(String(text.dropFirst()), span: span).map { .formula($0) }
    }
    if open, case .choice = kind { return .value(.text(text)) }
    switch AnswerParser.parse(text, for: kind) {
    case .success(let value): return .value(value)
    case .failure(let rejection):
      r.error(
        "the default \(NodeReader.quoted(text)) does not fit this question: \(rejection.reason)",
        at: node)
      return nil
    }
  }
}
