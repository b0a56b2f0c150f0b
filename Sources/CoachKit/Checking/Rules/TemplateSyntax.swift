/// Every text's `{{placeholders}}` are well-formed Mustache.
public struct TemplateSyntax: CheckRule {
  public init() {}

  public func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var problems: [Diagnostic] = []
    dialogue.forEachText { text, _ in
      if let problem = text.problem { problems.append(problem) }
    }
    return problems
  }
}
