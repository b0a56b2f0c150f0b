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
      // A flow's step is said by the id written in the flow.
      let id = step.idWrittenHere
      switch step.next {
      case .following
      where dialogue.positionWritten(after: position) == nil
        && dialogue.positionReturned(after: position) == nil && step.call == nil:
        reported.insert(position)
        findings.append(
          .error(
            "step '\(id)' is the last step but is not final; add 'final: true' or a 'next'",
            at: step.location))
      case .following where step.call != nil && dialogue.positionWritten(after: position) == nil
        && dialogue.positionReturned(after: position) == nil:
        reported.insert(position)
        findings.append(
          .error(
            "step '\(id)' is the last step but is not final; after its call, name where it goes with 'next', or add a final step after it",
            at: step.location))
      case .branches(let branches) where branches.isEmpty:
        reported.insert(position)
        findings.append(
          .error("step '\(id)' has an empty 'next'; name where it goes", at: step.location))
      case .branches(let branches) where branches.last?.condition != nil:
        // Reported here; what it traps is not reported again as a loop without end.
        reported.insert(position)
        let last = branches[branches.count - 1]
        findings.append(
          .error(
            "step '\(id)' has no way forward when no condition holds; end 'next' with a '- goto: …' that has no 'if'",
            at: last.condition?.location ?? step.location))
      default:
        break
      }
    }
    // Steps the start reaches but from which no final step can be reached: a loop with no exit.
    let predecessors = analysis.predecessors()
    var canEnd = [Bool](repeating: false, count: steps.count)
    // A step that ends its flow's call reaches the end when its call's `next` does: that is an
    // edge already (see FlowAnalysis), so only final steps and reported ones are ends here.
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
          "from step '\(step.idWrittenHere)' the session can never reach a final step; every path from here loops or stops",
          at: step.location))
    }
    // A flow's steps are copied once per call: the same place is said once.
    var places: Set<SourceLocation> = []
    return findings.filter { places.insert($0.location).inserted }
  }
}
