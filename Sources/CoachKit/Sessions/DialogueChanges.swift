/// What changed between two versions of a dialogue, step by step: what a person is told before
/// going on with a changed version.
///
///     let changes = DialogueChanges(from: before, to: after)
///     changes.changed  // ["welcome", "team_size"]: what they say or ask, or where they lead
///     changes.added    // ["check_in"]
public struct DialogueChanges: Sendable, Equatable {
  /// Steps in both versions that say, ask, note or lead differently, in the new order.
  public var changed: [String]
  /// Steps only the new version has, in its order.
  public var added: [String]
  /// Steps only the old version had, in its order.
  public var removed: [String]
  /// Whether anything besides the steps changed: the title, computed values, the plan, the
  /// sections and their budgets.
  public var otherChanges: Bool

  public var isEmpty: Bool { changed.isEmpty && added.isEmpty && removed.isEmpty && !otherChanges }

  public init(from before: Dialogue, to after: Dialogue) {
    changed = after.steps.filter { step in
      before.step(step.id).map { Self.reading(of: $0) != Self.reading(of: step) } ?? false
    }.map(\.id)
    added = after.steps.filter { before.step($0.id) == nil }.map(\.id)
    removed = before.steps.filter { after.step($0.id) == nil }.map(\.id)
    otherChanges = Self.rest(of: before) != Self.rest(of: after)
  }

  /// Everything about a step that a session can tell, written out.
  static func reading(of step: Step) -> [String] {
    var parts = [
      step.sectionID, step.say?.source ?? "", step.notes?.source ?? "",
      step.condition?.expression.source ?? "", step.isFinal ? "final" : "",
    ]
    switch step.next {
    case .following: parts.append("following")
    case .goTo(let target): parts.append("goto " + target.stepID)
    case .branches(let branches):
      parts += branches.map { ($0.condition?.expression.source ?? "") + " → " + $0.target.stepID }
    }
    if let question = step.question {
      parts += [
        question.variable, question.prompt.source, question.help?.source ?? "",
        "\(question.isOptional)", "\(question.isTeamQuestion)", reading(of: question.kind),
      ]
      switch question.defaultAnswer {
      case .value(let value): parts.append("default " + value.displayText)
      case .formula(let formula): parts.append("default =" + formula.expression.source)
      case nil: break
      }
    }
    return parts
  }

  static func reading(of kind: AnswerKind) -> String {
    let options = kind.options.map { "\($0.value)=\($0.label)/\($0.synonyms)/\($0.isExclusive)" }
    switch kind {
    case .text(let rules):
      return "text \(rules.minLength)-\(rules.maxLength) \(rules.pattern ?? "")"
    case .choice: return "choice \(options)"
    case .multipleChoice(_, let minimum, let maximum):
      return "multi \(minimum)-\(maximum) \(options)"
    case .scale(let scale):
      return "scale \(scale.min)-\(scale.max) \(scale.minLabel ?? "") \(scale.maxLabel ?? "")"
    case .number(let rules): return "number \(rules)"
    case .yesNo: return "yesno"
    case .moment(let rules):
      return
        "moment \(rules.earliest?.expression.source ?? "") \(rules.latest?.expression.source ?? "")"
    }
  }

  static func rest(of dialogue: Dialogue) -> [String] {
    [
      dialogue.title, dialogue.plan?.text.source ?? "",
      dialogue.keepAnswersCondition?.expression.source ?? "",
    ]
      + dialogue.sections.map { "\($0.id) \($0.title) \($0.budget)" }
      + dialogue.computed.map { "\($0.name) = \($0.formula.expression.source)" }
  }
}
