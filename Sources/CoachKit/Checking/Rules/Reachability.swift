/// Every step can be reached from the start. Only the first step of an unreachable stretch is
/// reported, so one missing `goto` gives one message.
struct Reachability: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    guard analysis.start != nil else { return [] }
    let predecessors = analysis.predecessors()
    var findings: [Diagnostic] = []
    for (position, step) in analysis.steps.enumerated() where !analysis.reachable[position] {
      // Skip steps that only unreachable steps lead to, other than this one's own stretch head.
      if predecessors[position].contains(where: { !analysis.reachable[$0] }) { continue }
      findings.append(
        .error(
          "step '\(step.id)' can never be reached: no step leads to it; add a 'goto: \(step.id)' or remove it",
          at: step.location))
    }
    return findings
  }
}
