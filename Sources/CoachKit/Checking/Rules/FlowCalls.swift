/// Every `call` names a flow and gives each of its parameters a value (their types are
/// ``ExpressionTypes``'); flows do not call themselves, nest at most 8 deep, end by returning to
/// their call, and are called from somewhere (a warning).
///
///     - id: a1
///       call: plan_actoin          # error: no flow has the id 'plan_actoin'; did you mean 'plan_action'?
///       with: {number: 1}          # error: the call of 'plan_action' needs 'menu' in 'with' …
struct FlowCalls: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings = dialogue.flowProblems
    let flowIDs = dialogue.flows.map(\.id)
    var called: Set<String> = []
    dialogue.forEachWrittenStep { step, place in
      if step.returns, place.flow == nil {
        findings.append(
          .error(
            "step '\(step.id)' is not in a flow, so it cannot 'return'; a step of the sections ends the session with 'final: true'",
            at: step.location))
      }
      guard let call = step.call else { return }
      called.insert(call.flowID)
      guard let flow = dialogue.flow(call.flowID) else {
        var message = "no flow has the id '\(call.flowID)'"
        if let guess = Suggestion.closest(to: call.flowID, among: flowIDs) {
          message += "; did you mean '\(guess)'?"
          // Not also "never called": this call most likely means it.
          called.insert(guess)
        } else if !flowIDs.isEmpty {
          message += "; the flows are \(flowIDs.joined(separator: ", "))"
        } else {
          message += "; define it under 'flows'"
        }
        findings.append(.error(message, at: call.location))
        return
      }
      let names = flow.parameters.map(\.name)
      var given = Set(call.arguments.map(\.name))
      for argument in call.arguments where !names.contains(argument.name) {
        var message = "flow '\(flow.id)' has no parameter '\(argument.name)'"
        if let guess = Suggestion.closest(to: argument.name, among: names) {
          message += "; did you mean '\(guess)'?"
          // Not also "needs a value for" it: this is that value, misspelt.
          given.insert(guess)
        } else {
          message +=
            names.isEmpty
            ? "; it takes none" : "; its parameters are \(names.joined(separator: ", "))"
        }
        findings.append(.error(message, at: argument.location))
      }
      let missing = names.filter { !given.contains($0) }
      // A value that could not be read was reported where it is written.
      if !missing.isEmpty, !call.hasUnreadArguments {
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        findings.append(
          .error(
            "the call of flow '\(flow.id)' needs a value for \(list) in 'with' (its parameters: \(names.joined(separator: ", ")))",
            at: call.argumentsLocation ?? call.location))
      }
    }
    for flow in dialogue.flows {
      guard !flow.steps.isEmpty else {
        findings.append(.error("flow '\(flow.id)' has no steps", at: flow.location))
        continue
      }
      for step in flow.steps where step.isFinal {
        findings.append(
          .error(
            "step '\(step.id)' of flow '\(flow.id)' cannot be final: a flow ends by going back to the step that called it; write 'return: true' instead",
            at: step.location))
      }
      let ends = flow.steps.enumerated().contains { index, step in
        step.returns
          || (index + 1 == flow.steps.count && !step.isFinal && {
            if case .following = step.next { true } else { false }
          }())
      }
      if !ends {
        findings.append(
          .error(
            "flow '\(flow.id)' never ends: none of its steps has 'return: true', and its last step goes elsewhere with 'next'; end a path with 'return: true'",
            at: flow.location))
      }
      if !called.contains(flow.id) {
        findings.append(
          .warning(
            "flow '\(flow.id)' is never called; call it from a step with 'call: \(flow.id)', or remove it",
            at: flow.location))
      }
    }
    return findings
  }
}
