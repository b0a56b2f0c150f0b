/// The functions a dialogue defines have names of their own, take each parameter once, read only
/// names that exist, never call themselves, and are used (a warning).
///
///     functions:
///       mean(x): x                # error: 'mean' is a built-in function; give yours another name
///       half(x): x / tow          # error: unknown name 'tow'; did you mean 'two'?
struct FunctionDefinitions: CheckRule {
  init() {}

  /// How many nodes a function may stand for once the functions it calls are written out: what
  /// one call costs to work out.
  static let maxExpandedSize = 100_000

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings = analysis.functionFindings
    var seen: [String: SourceLocation] = [:]
    var variables: Set<String> = []
    for step in dialogue.steps {
      if let variable = step.question?.variable { variables.insert(variable) }
    }
    for function in dialogue.functions {
      let name = function.name
      if let first = seen[name] {
        findings.append(
          .error(
            "the function '\(name)' is defined twice (first at \(first.shortDescription))",
            at: function.location))
        continue
      }
      seen[name] = function.location
      if Function(rawValue: name) != nil {
        findings.append(
          .error(
            "'\(name)' is a built-in function; give yours another name", at: function.location))
      } else if variables.contains(name) || BuiltInNames.types[name] != nil {
        findings.append(
          .error(
            "'\(name)' is the name of an answer; give the function another name",
            at: function.location))
      } else if dialogue.computedValue(name) != nil {
        findings.append(
          .error(
            "'\(name)' is the name of a computed value; give the function another name",
            at: function.location))
      }
      var parameters: Set<String> = []
      for parameter in function.parameters where !parameters.insert(parameter.name).inserted {
        findings.append(
          .error(
            "the parameter '\(parameter.name)' of '\(name)' is named twice",
            at: parameter.location))
      }
    }
    findings += cycles(dialogue)
    findings += sizes(dialogue)
    findings += unused(dialogue)
    return findings
  }

  /// A function that calls itself, directly or through others: reported once per cycle, where
  /// its first function is defined.
  private func cycles(_ dialogue: Dialogue) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    var state: [String: Bool] = [:]  // false: being visited, true: done
    var reported: Set<String> = []
    func visit(_ name: String, _ chain: [String]) {
      guard let function = dialogue.function(name), state[name] != true else { return }
      if state[name] == false {
        let cycle = Array(chain.drop { $0 != name }) + [name]
        if reported.isDisjoint(with: cycle), let first = dialogue.function(cycle[0]) {
          reported.formUnion(cycle)
          findings.append(
            .error(
              "'\(cycle[0])' calls itself: \(cycle.joined(separator: " → ")); a function may not call itself, directly or through others",
              at: first.location))
        }
        return
      }
      state[name] = false
      for call in function.body.expression.userCalls { visit(call.name, chain + [name]) }
      state[name] = true
    }
    for function in dialogue.functions { visit(function.name, []) }
    return findings
  }

  /// A function whose calls, written out, would stand for more than ``maxExpandedSize`` nodes.
  private func sizes(_ dialogue: Dialogue) -> [Diagnostic] {
    var sizes: [String: Int] = [:]
    var working: Set<String> = []
    func size(_ name: String) -> Int {
      if let known = sizes[name] { return known }
      guard let function = dialogue.function(name), working.insert(name).inserted else {
        return 1
      }
      defer { working.remove(name) }
      var total = function.body.expression.root.size
      for call in function.body.expression.userCalls {
        total = total.addingReportingOverflow(size(call.name)).overflow ? Int.max : total + size(call.name)
      }
      sizes[name] = total
      return total
    }
    return dialogue.functions.compactMap { function in
      let total = size(function.name)
      guard total > Self.maxExpandedSize else { return nil }
      return .error(
        "'\(function.name)' stands for \(total) steps of work once the functions it calls are written out; a function may stand for at most \(Self.maxExpandedSize): call fewer functions from within it",
        at: function.location)
    }
  }

  /// Functions nothing calls.
  private func unused(_ dialogue: Dialogue) -> [Diagnostic] {
    var called: Set<String> = []
    func note(_ expression: Expression) {
      for call in expression.userCalls { called.insert(call.name) }
    }
    for computed in dialogue.computed { note(computed.formula.expression) }
    for function in dialogue.functions { note(function.body.expression) }
    dialogue.forEachFormula { formula, _, _ in note(formula.expression) }
    for (formula, _) in dialogue.dialogueFormulas { note(formula.expression) }
    dialogue.forEachText { text, _ in
      for formula in text.formulas { note(formula.formula.expression) }
    }
    // A misspelt call (reported where it is written) most likely meant a function it names.
    let names = dialogue.functions.map(\.name)
    for name in called where !names.contains(name) {
      if let meant = Suggestion.closest(to: name, among: names) { called.insert(meant) }
    }
    return dialogue.functions.filter { !called.contains($0.name) }.map {
      .warning("the function '\($0.name)' is never used", at: $0.location)
    }
  }
}
