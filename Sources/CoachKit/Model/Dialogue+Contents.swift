/// Where a text or an expression is written: on a step of the sections, on a step of a flow
/// (whose names are the flow's own), or outside steps.
enum WrittenPlace: Sendable {
  /// A step written in a section: its position in ``Dialogue/steps``.
  case step(Int)
  /// A step written in a flow: the flow, and the step's index among the flow's steps.
  case flowStep(Flow, Int)
  /// Outside steps: the plan, its calendar, a section's title.
  case outside

  /// The flow, for a place in one.
  var flow: Flow? {
    if case .flowStep(let flow, _) = self { return flow }
    return nil
  }
}

/// Walking a dialogue's contents: every text and every expression, where it is written and what
/// it is for, each once (a flow's once, however many steps call it). The checker's rules use
/// these; they copy no steps.
extension Dialogue {
  /// Every step as written: the sections' (in ``steps``), then each flow's.
  func forEachWrittenStep(_ body: (_ step: Step, _ place: WrittenPlace) -> Void) {
    for position in steps.indices where steps[position].instance == nil {
      body(steps[position], .step(position))
    }
    for flow in flows {
      for index in flow.steps.indices { body(flow.steps[index], .flowStep(flow, index)) }
    }
  }

  /// The texts of one step: says, notes, prompt, help, labels with placeholders, the checks'
  /// (which also read `answer`, the answer being given: `readsAnswer`).
  static func forEachText(of step: Step, _ body: (_ text: Text, _ readsAnswer: Bool) -> Void) {
    if let text = step.say { body(text, false) }
    if let text = step.notes { body(text, false) }
    guard let question = step.question else { return }
    body(question.prompt, false)
    if let text = question.help { body(text, false) }
    for text in question.labelTexts.all { body(text, false) }
    for check in question.checks { body(check.say, true) }
  }

  /// Calls `body` with every text of the dialogue (says, notes, prompts, help, labels, then the
  /// sections' titles and the plan's), with where it is written.
  func forEachText(_ body: (_ text: Text, _ place: WrittenPlace) -> Void) {
    forEachWrittenStep { step, place in
      Self.forEachText(of: step) { text, _ in body(text, place) }
    }
    for section in sections {
      if let title = section.titleText { body(title, .outside) }
    }
    if let plan {
      body(plan.text, .outside)
      for event in plan.calendar {
        body(event.summary, .outside)
        if let description = event.description { body(description, .outside) }
      }
    }
  }
}

extension Dialogue {
  enum FormulaRole: Sendable {
    /// An `if` of a step's `next`: read after the step's answer.
    case condition
    /// A question's `default: =…`: read before the answer.
    case defaultAnswer(Question)
    /// A step's `when`: read before the step says or asks anything.
    case stepCondition
    /// A `moment` question's `earliest` or `latest`: read before the answer; a date or a day
    /// and time.
    case bound
    /// A question's `refuse_if`: read with the answer being given, as `answer`.
    case check(Question)
    /// An item `=…` of a question's `options`: read before the question is asked.
    case options(Question)
    /// A value of a call's `with`: read when the call starts.
    case argument(Call, Call.Argument)
    /// Written in a text's `{{= …}}` or `{{#if …}}`; in a check's `say`, with the question whose
    /// answer it may read as `answer`.
    case inText(TextFormulaRole, check: Question?)
  }

  /// The expressions written outside steps, with the type each must give (nil: any): the plan's
  /// `save_if` (yes/no), `keep_answers_if` (yes/no), each calendar event's `date` (a date), `at`
  /// (a day and time) and `when` (yes/no), and those in the tags of the plan's texts and the
  /// sections' titles (`{{#if …}}` yes/no).
  var dialogueFormulas: [(formula: Formula, type: ValueType?)] {
    var result: [(Formula, ValueType?)] = []
    if let condition = plan?.saveCondition { result.append((condition, .bool)) }
    if let condition = keepAnswersCondition { result.append((condition, .bool)) }
    for event in plan?.calendar ?? [] {
      result.append((event.start, event.isTimed ? .moment : .date))
      if let condition = event.condition { result.append((condition, .bool)) }
    }
    var texts = sections.compactMap(\.titleText)
    if let plan {
      texts.append(plan.text)
      for event in plan.calendar {
        texts.append(event.summary)
        if let description = event.description { texts.append(description) }
      }
    }
    for text in texts {
      for (formula, role) in text.formulas {
        result.append((formula, role == .condition ? .bool : nil))
      }
    }
    return result
  }

  /// The expressions of one step, with their roles.
  static func forEachFormula(of step: Step, _ body: (_ formula: Formula, _ role: FormulaRole) -> Void) {
    if let condition = step.condition { body(condition, .stepCondition) }
    forEachText(of: step) { text, readsAnswer in
      for (formula, role) in text.formulas {
        body(formula, .inText(role, check: readsAnswer ? step.question : nil))
      }
    }
    if let call = step.call {
      for argument in call.arguments { body(argument.value, .argument(call, argument)) }
    }
    if let question = step.question {
      if case .formula(let formula) = question.defaultAnswer {
        body(formula, .defaultAnswer(question))
      }
      if case .moment(let rules) = question.kind {
        for formula in [rules.earliest, rules.latest].compactMap({ $0 }) { body(formula, .bound) }
      }
      for source in question.optionSources ?? [] {
        if case .computed(let formula) = source { body(formula, .options(question)) }
      }
      for check in question.checks { body(check.refuseIf, .check(question)) }
    }
    if case .branches(let branches) = step.next {
      for branch in branches {
        if let condition = branch.condition { body(condition, .condition) }
      }
    }
  }

  /// Calls `body` with every expression written on a step, with where it is written and its
  /// role, without copying steps.
  func forEachFormula(
    _ body: (_ formula: Formula, _ place: WrittenPlace, _ role: FormulaRole) -> Void
  ) {
    forEachWrittenStep { step, place in
      Self.forEachFormula(of: step) { body($0, place, $1) }
    }
  }
}

extension Dialogue {
  /// The names an expression reads, with those the dialogue's functions it calls read besides
  /// their parameters: what it depends on.
  func names(readBy expression: Expression) -> [String] {
    var names = expression.names.map(\.name)
    var seen: Set<String> = []
    var pending = expression.userCalls.map(\.name)
    while let name = pending.popLast() {
      guard seen.insert(name).inserted, let function = function(name) else { continue }
      let parameters = Set(function.parameters.map(\.name))
      names += function.body.expression.names.map(\.name).filter { !parameters.contains($0) }
      pending += function.body.expression.userCalls.map(\.name)
    }
    return names
  }
}
