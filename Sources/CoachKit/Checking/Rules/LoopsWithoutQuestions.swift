/// Steps that ask nothing must not lead back to themselves: the session would talk forever
/// without waiting for anyone.
struct LoopsWithoutQuestions: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    guard let first = Self.stepsOnSilentLoops(analysis).first else { return [] }
    let step = analysis.steps[first]
    return [
      .error(
        "step '\(step.idWrittenHere)' is on a loop of steps that ask nothing; the session would never stop talking",
        at: step.location)
    ]
  }

  /// The positions of the steps that sit on a loop of steps that ask nothing, in written order.
  static func stepsOnSilentLoops(_ analysis: FlowAnalysis) -> [Int] {
    let steps = analysis.steps
    let silent = steps.map { $0.question == nil }
    // Peel off silent steps with no silent predecessor; whatever remains sits on or after a cycle.
    var incoming = [Int](repeating: 0, count: steps.count)
    for (from, targets) in analysis.successors.enumerated() where silent[from] {
      for to in targets where silent[to] { incoming[to] += 1 }
    }
    var queue = steps.indices.filter { silent[$0] && incoming[$0] == 0 }
    var removed = [Bool](repeating: false, count: steps.count)
    while let current = queue.popLast() {
      removed[current] = true
      for to in analysis.successors[current] where silent[to] {
        incoming[to] -= 1
        if incoming[to] == 0 { queue.append(to) }
      }
    }
    return steps.indices.filter { silent[$0] && !removed[$0] && onCycle($0, analysis, silent) }
  }

  private static func onCycle(_ start: Int, _ analysis: FlowAnalysis, _ silent: [Bool]) -> Bool {
    var seen: Set<Int> = []
    var stack = analysis.successors[start].filter { silent[$0] }
    while let current = stack.popLast() {
      if current == start { return true }
      guard seen.insert(current).inserted else { continue }
      stack += analysis.successors[current].filter { silent[$0] }
    }
    return false
  }
}
