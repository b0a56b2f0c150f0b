/// The sections' budgets add up to the duration the dialogue promises, and no section is empty.
struct AgendaBudget: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for section in dialogue.sections where section.steps.isEmpty {
      findings.append(.warning("section '\(section.id)' has no steps", at: section.location))
    }
    // A missing or unreadable duration or budget was reported by the loader; no sum to check.
    guard !dialogue.sections.isEmpty, dialogue.duration > 0,
      !dialogue.sections.contains(where: { $0.budget.isNaN })
    else { return findings }
    let total = dialogue.sections.reduce(0) { $0 + $1.budget }
    if abs(total - dialogue.duration) > 0.001 {
      let parts = dialogue.sections.map { Value.number($0.budget).displayText }.joined(
        separator: " + ")
      findings.append(
        .error(
          "the section budgets add up to \(Value.number(total).displayText) minutes (\(parts)), but the duration is \(Value.number(dialogue.duration).displayText); change a budget or the duration so that they match",
          at: dialogue.durationLocation ?? dialogue.location))
    }
    return findings
  }
}
