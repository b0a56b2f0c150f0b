/// `visits(step)` names a step: inside a flow, one of the flow's own or one of the sections'.
///
///     if: visits(shrnk) < 2     # error: visits() names no step 'shrnk'; did you mean 'shrink'?
struct VisitedSteps: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let mainIDs = dialogue.steps.filter { $0.instance == nil }.map(\.id)
    func look(_ formula: Formula, at place: WrittenPlace) {
      for visit in formula.expression.visitedSteps {
        guard let id = visit.stepID else { continue }
        let own = place.flow?.steps.map(\.id) ?? []
        guard !own.contains(id), !mainIDs.contains(id) else { continue }
        var message = "visits() names no step '\(id)'"
        if let guess = Suggestion.closest(to: id, among: own + mainIDs) {
          message += "; did you mean '\(guess)'?"
        }
        findings.append(.error(message, at: formula.location(ofOffset: visit.offset)))
      }
    }
    dialogue.forEachFormula { formula, place, _ in look(formula, at: place) }
    for computed in dialogue.computed { look(computed.formula, at: .outside) }
    for function in dialogue.functions { look(function.body, at: .outside) }
    for (formula, _) in dialogue.dialogueFormulas { look(formula, at: .outside) }
    dialogue.forEachText { text, place in
      for (formula, _) in text.formulas { look(formula, at: place) }
    }
    return findings
  }
}
