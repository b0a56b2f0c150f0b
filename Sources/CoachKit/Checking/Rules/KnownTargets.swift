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
    for step in dialogue.steps where step.instance == nil {
      for target in step.next.targets where dialogue.step(target.stepID) == nil {
        findings.append(.error(unknown(target.stepID), at: target.location))
      }
    }
    // A flow's `next` names the flow's own steps.
    for flow in dialogue.flows {
      let ids = flow.steps.map(\.id)
      for step in flow.steps {
        for target in step.next.targets where !ids.contains(target.stepID) {
          var message = "flow '\(flow.id)' has no step with the id '\(target.stepID)'"
          if let guess = Suggestion.closest(to: target.stepID, among: ids) {
            message += "; did you mean '\(guess)'?"
          } else if dialogue.step(target.stepID) != nil {
            message += "; a flow's next names its own steps (to end the call, use 'return: true')"
          }
          findings.append(.error(message, at: target.location))
        }
      }
    }
    return findings
  }
}
