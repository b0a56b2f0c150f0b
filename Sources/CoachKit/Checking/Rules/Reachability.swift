/// Every step can be reached from the start. Only the first step of an unreachable stretch is
/// reported, so one missing `goto` gives one message. A flow's step is reported when no call of
/// the flow reaches it (a flow that nothing calls is reported as unused instead).
struct Reachability: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    guard analysis.start != nil else { return [] }
    let predecessors = analysis.predecessors()
    var findings: [Diagnostic] = []
    /// Each flow step as written (flow id, step id): whether some call reaches it, and whether
    /// some call of the flow is reached at all.
    var flowStepReached: [String: Bool] = [:]
    var flowStepHead: [String: Bool] = [:]
    var flowCalled: Set<String> = []
    for (position, step) in analysis.steps.enumerated() {
      guard let instance = step.instance else {
        guard !analysis.reachable[position] else { continue }
        // A second step with an id already used is reported as such (no goto can tell them apart).
        if dialogue.position(of: step.id) != position { continue }
        // Skip steps that only unreachable steps lead to, other than this one's own stretch head.
        if predecessors[position].contains(where: { !analysis.reachable[$0] }) { continue }
        findings.append(
          .error(
            "step '\(step.id)' can never be reached: no step leads to it; add a 'goto: \(step.id)' or remove it",
            at: step.location))
        continue
      }
      if analysis.reachable[instance.callPosition] { flowCalled.insert(instance.scope.flowID) }
      let key = instance.scope.flowID + "." + instance.localID
      flowStepReached[key, default: false] = flowStepReached[key, default: false]
        || analysis.reachable[position]
      let head = !predecessors[position].contains { !analysis.reachable[$0] && $0 != position }
      flowStepHead[key] = (flowStepHead[key] ?? true) && head
    }
    for flow in dialogue.flows where flowCalled.contains(flow.id) {
      for step in flow.steps {
        let key = flow.id + "." + step.id
        guard flowStepReached[key] == false, flowStepHead[key] ?? true else { continue }
        findings.append(
          .error(
            "step '\(step.id)' of flow '\(flow.id)' can never be reached: no step of the flow leads to it; add a 'goto: \(step.id)' or remove it",
            at: step.location))
      }
    }
    return findings
  }
}
