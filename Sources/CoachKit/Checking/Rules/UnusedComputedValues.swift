/// A computed value nothing reads is probably a leftover or a misspelling: a warning.
public struct UnusedComputedValues: CheckRule {
  public init() {}

  public func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var read: Set<String> = []
    for computed in dialogue.computed {
      read.formUnion(computed.formula.expression.names.map(\.name))
    }
    for formula in dialogue.allFormulas {
      read.formUnion(formula.formula.expression.names.map(\.name))
    }
    for formula in dialogue.planFormulas {
      read.formUnion(formula.formula.expression.names.map(\.name))
    }
    for text in dialogue.allTexts { read.formUnion(text.text.names.map(\.name)) }
    read.formUnion(dialogue.profile.map(\.name))
    return dialogue.computed.filter { !read.contains($0.name) }.map {
      .warning("the computed value '\($0.name)' is never used", at: $0.location)
    }
  }
}
