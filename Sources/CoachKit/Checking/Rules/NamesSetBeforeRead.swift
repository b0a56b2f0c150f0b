/// Every name a text or expression reads exists, and on every path to that point its question
/// has been asked. (A skipped question still counts as asked: its value is then empty.)
/// `{{#name}}` and `{{^name}}` test whether a name is set, so they may read it before; the plan,
/// shown at the end, may read answers some paths never ask.
struct NamesSetBeforeRead: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var checker = Reads(dialogue: dialogue, analysis: analysis)
    dialogue.forEachText { text, position in
      // The plan's texts are read after the dialogue ends: below.
      guard let position else { return }
      for use in text.names {
        checker.read(
          use.name, at: use.location, from: position, answered: false,
          mustBeKnown: !use.isInsideSection,
          mustBeSet: !use.isInsideSection && !use.opensSection)
      }
    }
    dialogue.forEachFormula { formula, stepPosition, role in
      // A step whose id is written twice counts as the first step with that id.
      guard let position = dialogue.position(of: dialogue.steps[stepPosition].id) else { return }
      let answered: Bool
      switch role {
      case .condition: answered = true
      case .defaultAnswer, .stepCondition, .bound: answered = false
      }
      // A default may read its own question's answer, directly or through computed values:
      // empty the first time, the answer given before when the step is reached again
      // (`default: =cue` keeps it on Enter).
      if case .defaultAnswer(let question) = role { checker.ownVariable = question.variable }
      defer { checker.ownVariable = nil }
      for name in formula.expression.names {
        // Unknown names in expressions are the type checker's to report.
        checker.read(
          name.name, at: formula.location(ofOffset: name.offset), from: position,
          answered: answered, mustBeKnown: false)
      }
    }
    if let plan = dialogue.plan {
      let texts =
        [plan.text] + plan.calendar.flatMap { [$0.summary] + ($0.description.map { [$0] } ?? []) }
      for use in texts.flatMap(\.names) {
        checker.read(
          use.name, at: use.location, from: nil, answered: true, mustBeKnown: !use.isInsideSection,
          mustBeSet: false)
      }
      for (formula, _) in dialogue.dialogueFormulas {
        for name in formula.expression.names {
          // Unknown names in expressions are the type checker's to report.
          checker.read(
            name.name, at: formula.location(ofOffset: name.offset), from: nil, answered: true,
            mustBeKnown: false, mustBeSet: false)
        }
      }
    }
    return checker.findings
  }
}

private struct Reads {
  let dialogue: Dialogue
  let analysis: FlowAnalysis
  var findings: [Diagnostic] = []
  /// The answer variables each computed value depends on, worked out once.
  private var dependencies: [String: Set<String>] = [:]
  private let knownNames: [String]
  /// The variable of the question whose default is being read: it may read its own answer.
  var ownVariable: String?

  init(dialogue: Dialogue, analysis: FlowAnalysis) {
    self.dialogue = dialogue
    self.analysis = analysis
    self.knownNames = Array(analysis.types.keys) + dialogue.computed.map(\.name)
  }

  /// Checks one read of `name` at the step at `position` (nil: after the dialogue ends): that it
  /// names something, if `mustBeKnown`, and that it is set on every path there, if `mustBeSet`.
  mutating func read(
    _ name: String, at location: SourceLocation, from position: Int?, answered: Bool,
    mustBeKnown: Bool = true, mustBeSet: Bool = true
  ) {
    let isAnswer = dialogue.position(ofQuestionStoring: name) != nil
    let isComputed = dialogue.computedValue(name) != nil
    // `today`, the parking lot and an earlier session's before_… values are always there.
    let isGiven =
      BuiltInNames.types[name] != nil
      || (!isAnswer && !isComputed && analysis.types[name] != nil)
    if isGiven { return }
    guard isAnswer || isComputed else {
      // Inside a {{#section}} a name may be a field of the section's item.
      guard mustBeKnown else { return }
      var message = "unknown name '\(name)'"
      if let guess = Suggestion.closest(to: name, among: knownNames) {
        message += "; did you mean '\(guess)'?"
      }
      findings.append(.error(message, at: location))
      return
    }
    guard mustBeSet, let position, analysis.reachable[position] else { return }
    for variable in answerVariables(behind: name).sorted() {
      guard let questionPosition = dialogue.position(ofQuestionStoring: variable),
        let setterPosition = dialogue.position(of: dialogue.steps[questionPosition].id)
      else { continue }
      let setterID = dialogue.steps[questionPosition].id
      if setterPosition == position && (answered || variable == ownVariable) { continue }
      if analysis.mustPass(setterPosition, before: position) { continue }
      let via = variable == name ? "" : " (which '\(name)' needs)"
      let here = analysis.steps[position].id
      let problem: String
      if setterPosition == position {
        problem = "is not set yet here: step '\(here)' only asks it after this"
      } else if !leads(from: setterPosition, to: position) {
        problem =
          "is not set yet here: no path reaches step '\(here)' after asking step '\(setterID)'"
      } else {
        problem =
          "may not be set yet here: some paths reach step '\(here)' without asking step '\(setterID)'"
      }
      findings.append(.error("'\(variable)'\(via) \(problem)", at: location))
    }
  }

  /// Whether some path leads from the step at `from` to the step at `to`.
  private func leads(from: Int, to: Int) -> Bool {
    var seen: Set<Int> = [from]
    var stack = [from]
    while let current = stack.popLast() {
      for next in analysis.successors[current] {
        if next == to { return true }
        if seen.insert(next).inserted { stack.append(next) }
      }
    }
    return false
  }

  /// The answers a name depends on: itself if it is an answer, or every answer behind a computed value.
  private mutating func answerVariables(behind name: String, depth: Int = 0) -> Set<String> {
    if dialogue.position(ofQuestionStoring: name) != nil { return [name] }
    if let known = dependencies[name] { return known }
    dependencies[name] = []  // guards against cycles, which are reported elsewhere
    // Chains deeper than FlowAnalysis allows are reported there; stop before the stack does.
    guard depth <= FlowAnalysis.maxComputedChain else { return [] }
    var result: Set<String> = []
    for use in dialogue.computedValue(name)?.formula.expression.names ?? [] {
      result.formUnion(answerVariables(behind: use.name, depth: depth + 1))
    }
    dependencies[name] = result
    return result
  }
}
