/// Every step that is not final leads somewhere whatever the answers, and every reachable step
/// can still reach an end.
struct WayForward: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let steps = analysis.steps
    // Steps whose way forward is reported already, by this rule or another: they count as ends
    // below, so that one mistake does not also trap every step before it.
    var reported = Set(LoopsWithoutQuestions.stepsOnSilentLoops(analysis))
    for (position, step) in steps.enumerated() where !step.isFinal {
      if step.next.targets.contains(where: { dialogue.step($0.stepID) == nil }) {
        reported.insert(position)
      }
      switch step.next {
      case .following where position + 1 == steps.count:
        reported.insert(position)
        findings.append(
          .error(
            "step '\(step.id)' is the last step but is not final; add 'final: true' or a 'next'",
            at: step.location))
      case .branches(let branches) where branches.isEmpty:
        reported.insert(position)
        findings.append(
          .error("step '\(step.id)' has an empty 'next'; name where it goes", at: step.location))
      case .branches(let branches) where branches.last?.condition != nil:
        let last = branches[branches.count - 1]
        findings.append(
          .error(
            "step '\(step.id)' has no way forward when no condition holds; end 'next' with a '- goto: …' that has no 'if'",
            at: last.condition?.location ?? step.location))
      default:
        break
      }
    }
    // Steps the start reaches but from which no final step can be reached: a loop with no exit.
    let predecessors = analysis.predecessors()
    var canEnd = [Bool](repeating: false, count: steps.count)
    var stack = steps.indices.filter { steps[$0].isFinal || reported.contains($0) }
    for index in stack { canEnd[index] = true }
    while let current = stack.popLast() {
      for previous in predecessors[current] where !canEnd[previous] {
        canEnd[previous] = true
        stack.append(previous)
      }
    }
    for (position, step) in steps.enumerated()
    where analysis.reachable[position] && !canEnd[position] {
      // Report only where the trap begins: a step whose predecessors can all still end, or the start.
      let entered =
        predecessors[position].contains { canEnd[$0] && analysis.reachable[$0] }
        || position == analysis.start
      guard entered else { continue }
      findings.append(
        .error(
          "from step '\(step.id)' the session can never reach a final step; every path from here loops or stops",
          at: step.location))
    }
    return findings
  }
}
