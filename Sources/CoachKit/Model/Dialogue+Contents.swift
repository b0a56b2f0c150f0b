/// Walking a dialogue's contents: every text and every expression, where it is written and what
/// it is for. The checker's rules use these; they copy no steps.
extension Dialogue {
  /// Calls `body` with every text of the dialogue (says, notes, prompts, help, then the plan's),
  /// with the position of its step (nil for the plan's). It copies no steps: on a dialogue of
  /// 10,000 steps that copying was a tenth of `coach check`.
  func forEachText(_ body: (_ text: Text, _ stepPosition: Int?) -> Void) {
    for position in steps.indices {
      if let text = steps[position].say { body(text, position) }
      if let text = steps[position].notes { body(text, position) }
      if let text = steps[position].question?.prompt { body(text, position) }
      if let text = steps[position].question?.help { body(text, position) }
    }
    if let plan {
      body(plan.text, nil)
      for event in plan.calendar {
        body(event.summary, nil)
        if let description = event.description { body(description, nil) }
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
  }

  /// The expressions written outside steps, with the type each must give: the plan's `save_if`
  /// (yes/no), `keep_answers_if` (yes/no), and each calendar event's `date` (a date), `at` (a
  /// day and time) and `when` (yes/no).
  var dialogueFormulas: [(formula: Formula, type: ValueType)] {
    var result: [(Formula, ValueType)] = []
    if let condition = plan?.saveCondition { result.append((condition, .bool)) }
    if let condition = keepAnswersCondition { result.append((condition, .bool)) }
    for event in plan?.calendar ?? [] {
      result.append((event.start, event.isTimed ? .moment : .date))
      if let condition = event.condition { result.append((condition, .bool)) }
    }
    return result
  }

  /// Calls `body` with every expression written on a step, with the position of its step and its
  /// role, without copying steps.
  func forEachFormula(
    _ body: (_ formula: Formula, _ stepPosition: Int, _ role: FormulaRole) -> Void
  ) {
    for position in steps.indices {
      if let condition = steps[position].condition { body(condition, position, .stepCondition) }
      if let question = steps[position].question,
        case .formula(let formula) = question.defaultAnswer
      {
        body(formula, position, .defaultAnswer(question))
      }
      if case .moment(let rules) = steps[position].question?.kind {
        for formula in [rules.earliest, rules.latest].compactMap({ $0 }) {
          body(formula, position, .bound)
        }
      }
      if case .branches(let branches) = steps[position].next {
        for branch in branches {
          if let condition = branch.condition { body(condition, position, .condition) }
        }
      }
    }
  }
}
