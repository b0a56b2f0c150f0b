/// Every text's `{{placeholders}}` are well-formed Mustache.
public struct TemplateSyntax: CheckRule {
  public init() {}

  public func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    dialogue.allTexts.compactMap { $0.text.problem }
  }
}

extension Dialogue {
  /// Every text of the dialogue with the step it belongs to (nil for the plan).
  public var allTexts: [(text: Text, step: Step?)] {
    var texts: [(Text, Step?)] = []
    for step in steps {
      for text in [step.say, step.notes, step.question?.prompt, step.question?.help] {
        if let text { texts.append((text, step)) }
      }
    }
    if let plan {
      texts.append((plan.text, nil))
      if let calendar = plan.calendar {
        texts.append((calendar.summary, nil))
        if let description = calendar.description { texts.append((description, nil)) }
      }
    }
    return texts
  }
}
