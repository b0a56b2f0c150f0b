import Foundation

/// Names and text: what a name is worth in a session, and how a text reads with it.
extension Engine {
  /// The value of any name: an answer, a computed value, `today` or `now`.
  public func value(of name: String, in session: Session) -> Value {
    let evaluation = Evaluation()
    return value(of: name, in: session, evaluation)
  }

  /// One evaluation's memory: computed values already worked out (a value read twice on each of
  /// many levels, `c0: c1 + c1`, `c1: c2 + c2`…, would otherwise take exponential time) and the
  /// ones being worked out (a cycle gives no value).
  final class Evaluation {
    var known: [String: Value] = [:]
    var visiting: Set<String> = []
  }

  func value(of name: String, in session: Session, _ evaluation: Evaluation) -> Value {
    if let answer = session.answers[name] { return answer }
    if name == BuiltInNames.today { return .date(Day(clock.now(), timeZone: clock.timeZone)) }
    if name == BuiltInNames.now { return .moment(Moment(clock.now(), timeZone: clock.timeZone)) }
    if let before = earlier.values[name] { return before }
    if name == Self.parkingLotName { return .list(session.parkingLot.map(\.text)) }
    if name.hasPrefix(TeamValueName.prefix), let team = teamValue(name, in: session) { return team }
    if let known = evaluation.known[name] { return known }
    guard let computed = dialogue.computedValue(name), evaluation.visiting.insert(name).inserted
    else {
      return .none
    }
    defer { evaluation.visiting.remove(name) }
    let result = computed.formula.expression.evaluate(
      in: context(scope: nil, in: session, evaluation))
    evaluation.known[name] = result
    return result
  }

  /// What an expression written at `step` reads: inside a flow, the flow's short names mean the
  /// call's own; `answer` is the answer being given, in a question's `checks`.
  func context(
    at step: Step? = nil, scope: FlowScope?, answer: Value? = nil, in session: Session,
    _ evaluation: Evaluation = Evaluation()
  ) -> EvaluationContext {
    let global: (String) -> Value = { self.value(of: $0, in: session, evaluation) }
    let local: (String) -> Value
    if let answer {
      local = { name in
        name == AnswerCheck.answerName
          ? answer : self.value(of: scope?.stored(name) ?? name, in: session, evaluation)
      }
    } else if let scope {
      local = { self.value(of: scope.stored($0), in: session, evaluation) }
    } else {
      local = global
    }
    let here = step?.id
    return EvaluationContext(
      value: local, global: global,
      label: { variable, value in
        self.optionLabel(scope?.stored(variable) ?? variable, value, in: session)
      },
      visits: { stepID in
        guard let id = stepID.map({ scope?.step($0) ?? $0 }) ?? here else { return 0 }
        return session.visits[id] ?? 0
      },
      functions: dialogue.functionTable)
  }

  public func evaluate(_ formula: Formula, in session: Session) -> Value {
    formula.expression.evaluate(in: context(scope: nil, in: session))
  }

  /// An expression written at `step`, with the step's names (a flow's own) and visits.
  func evaluate(_ formula: Formula, at step: Step, answer: Value? = nil, in session: Session)
    -> Value
  {
    formula.expression.evaluate(
      in: context(at: step, scope: step.scope, answer: answer, in: session))
  }

  /// The label of the option `value` of the question storing `variable`, for `label()`.
  /// The label an option value reads as, in the first question that has it (its placeholders
  /// filled in); the value itself when no question has it.
  func label(ofOptionValue value: String, in session: Session) -> String {
    dialogue.variable(offeringOption: value).flatMap { optionLabel($0, value, in: session) }
      ?? value
  }

  func optionLabel(_ variable: String, _ value: String, in session: Session) -> String? {
    guard let (step, question) = dialogue.question(storing: variable) else { return nil }
    return kind(of: question, at: step, in: session).options.first { $0.value == value }?.label
  }

  /// How a value reads in text: a choice answer as its option's label; a day and time with its
  /// year when that is not this year's.
  public func displayText(of value: Value, for kind: AnswerKind?) -> String {
    if case .moment(let moment) = value { return moment.text(relativeTo: now.day) }
    guard let kind else { return value.displayText }
    let options = kind.options
    switch value {
    case .text(let chosen) where !options.isEmpty:
      return options.first { $0.value == chosen }?.label ?? chosen
    case .list(let picked) where !options.isEmpty:
      return picked.map { pick in options.first { $0.value == pick }?.label ?? pick }.joined(
        separator: ", ")
    default:
      return value.displayText
    }
  }

  /// How the answer stored in `variable` reads: an option's label also for a question whose
  /// options are worked out when it is asked.
  func displayText(of value: Value, storedIn variable: String, in session: Session) -> String {
    guard let (step, question) = dialogue.question(storing: variable) else {
      return displayText(of: value, for: earlier.kinds[variable])
    }
    // Labels with placeholders read as they were shown.
    let kind = kind(of: question, at: step, in: session)
    guard question.hasComputedOptions else { return displayText(of: value, for: kind) }
    func labelOf(_ item: String) -> String {
      kind.options.first { $0.value == item }?.label ?? label(ofOptionValue: item, in: session)
    }
    switch value {
    case .text(let chosen): return labelOf(chosen)
    case .list(let picked): return picked.map(labelOf).joined(separator: ", ")
    default: return value.displayText
    }
  }

  /// Fills a text's placeholders with the session's values. In a `markdown` text (the plan),
  /// each value is escaped, so what a person typed stays text: no raw HTML, no links.
  public func render(_ text: Text, in session: Session, markdown: Bool = false) -> String {
    render(text, at: nil, in: session, markdown: markdown)
  }

  /// A text as it will read, before every answer it reads is given: those not given yet read as
  /// "…" ("Why … and not lower?"). For a presenter's look ahead; never raw template code.
  public func preview(_ text: Text, at step: Step? = nil, in session: Session) -> String {
    render(text, at: step, in: session, unanswered: "…")
  }

  /// Fills a text written at `step` (nil: outside steps, like the plan): inside a flow, its short
  /// names mean the call's own; in a question's `checks`, `answer` is the answer being given.
  /// `unanswered` is what a question not answered yet reads as (nil: nothing).
  func render(
    _ text: Text, at step: Step?, answer: Value? = nil, in session: Session,
    unanswered: String? = nil, markdown: Bool = false
  ) -> String {
    switch text.body {
    case .plain:
      return text.source
    case .pieces(let pieces):
      let context = TemplateContext(
        engine: self, session: session, step: step, answer: answer, unanswered: unanswered,
        markdown: markdown)
      return pieces.map { piece in
        switch piece {
        case .literal(let literal): literal
        case .name(let name): context.text(of: name)
        }
      }.joined()
    case .template(let template):
      return Interpolation.render(
        template,
        TemplateContext(
          engine: self, session: session, step: step, answer: answer, unanswered: unanswered,
          inline: text.inline, markdown: markdown))
    }
  }
}
