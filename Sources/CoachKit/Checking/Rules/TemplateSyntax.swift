/// Every text's `{{placeholders}}` are well-formed Mustache.
public struct TemplateSyntax: CheckRule {
  public init() {}

  public func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    dialogue.forEachText { text, _ in
      if let problem = text.problem { problems.append(problem) }
    }
    return problems
  }
}

extension Dialogue {
  /// Every text of the dialogue with the step it belongs to (nil for the plan).
  public var allTexts: [(text: Text, step: Step?)] {
    var texts: [(Text, Step?)] = []
    forEachText { text, position in texts.append((text, position.map { steps[$0] })) }
    return texts
  }

  /// Calls `body` with every text of the dialogue, in the order of ``allTexts``, and the position
  /// of its step (nil for the plan's). Unlike ``allTexts`` it copies no steps: on a dialogue of
  /// 10,000 steps that copying was a tenth of `coach check`.
  public func forEachText(_ body: (_ text: Text, _ stepPosition: Int?) -> Void) {
    for position in steps.indices {
      if let text = steps[position].say { body(text, position) }
      if let text = steps[position].notes { body(text, position) }
      if let text = steps[position].question?.prompt { body(text, position) }
      if let text = steps[position].question?.help { body(text, position) }
    }
    if let plan {
      body(plan.text, nil)
      if let calendar = plan.calendar {
        body(calendar.summary, nil)
        if let description = calendar.description { body(description, nil) }
      }
    }
  }
}
