/// Every `goto`, `next` and `start` names a step that exists.
struct KnownTargets: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    let ids = dialogue.steps.map(\.id)
    var findings: [Diagnostic] = []
    func unknown(_ id: String) -> String {
      var message = "no step has the id '\(id)'"
      if let guess = Suggestion.closest(to: id, among: ids) {
        message += "; did you mean '\(guess)'?"
      }
      return message
    }
    if dialogue.steps.isEmpty {
      findings.append(.error("the dialogue has no steps", at: dialogue.location))
    } else if dialogue.step(dialogue.startID) == nil {
      findings.append(
        .error(
          "start: " + unknown(dialogue.startID), at: dialogue.startLocation ?? dialogue.location))
    }
    for step in dialogue.steps {
      for target in step.next.targets where dialogue.step(target.stepID) == nil {
        findings.append(.error(unknown(target.stepID), at: target.location))
      }
    }
    return findings
  }
}
