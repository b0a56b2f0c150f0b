/// A computed value nothing reads is probably a leftover or a misspelling: a warning.
struct UnusedComputedValues: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    // Only whether each computed value is read matters, so only those names are collected.
    let computedNames = Set(dialogue.computed.map(\.name))
    guard !computedNames.isEmpty else { return [] }
    var read: Set<String> = []
    func note(_ name: String) {
      if computedNames.contains(name) { read.insert(name) }
    }
    for computed in dialogue.computed {
      for use in computed.formula.expression.names { note(use.name) }
    }
    for function in dialogue.functions {
      for use in function.body.expression.names { note(use.name) }
    }
    dialogue.forEachFormula { formula, _, _ in
      for use in formula.expression.names { note(use.name) }
    }
    for formula in dialogue.dialogueFormulas {
      for use in formula.formula.expression.names { note(use.name) }
    }
    dialogue.forEachText { text, _ in
      for use in text.names { note(use.name) }
    }
    for entry in dialogue.profile {
      note(entry.name)
      if let team = entry.team { note(team) }
    }
    return dialogue.computed.filter { !read.contains($0.name) }.map {
      .warning("the computed value '\($0.name)' is never used", at: $0.location)
    }
  }
}
