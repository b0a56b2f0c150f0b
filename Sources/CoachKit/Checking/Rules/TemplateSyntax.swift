/// Every text's `{{placeholders}}` are well-formed Mustache.
struct TemplateSyntax: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    dialogue.forEachText { text, _ in
      if let problem = text.problem { problems.append(problem) }
    }
    return problems
  }
}
