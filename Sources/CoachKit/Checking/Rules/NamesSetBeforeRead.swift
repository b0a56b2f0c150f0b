/// Every name a text or expression reads exists, and on every path to that point its question
/// has been asked. (A skipped question still counts as asked: its value is then empty.)
/// `{{#name}}` and `{{^name}}` test whether a name is set, so they may read it before; the plan,
/// shown at the end, may read answers some paths never ask.
struct NamesSetBeforeRead: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var checker = Reads(dialogue: dialogue, analysis: analysis)
    // Each step the session can go through, a flow's steps once per call: a name a flow reads
    // must be set on every path to each of its calls.
    for position in dialogue.steps.indices {
      let step = dialogue.steps[position]
      // A step whose id is written twice counts as the first step with that id.
      guard let here = dialogue.position(of: step.id) else { continue }
      let scope = step.scope
      Dialogue.forEachText(of: step) { text, readsAnswer in
        for use in text.names where !(readsAnswer && use.name == AnswerCheck.answerName) {
          checker.read(
            use.name, scope: scope, at: use.location, from: here, answered: false,
            mustBeKnown: !use.isInsideSection,
            mustBeSet: use.mustBeSet, alsoKnown: readsAnswer ? [AnswerCheck.answerName] : [])
        }
      }
      Dialogue.forEachFormula(of: step) { formula, role in
        let answered: Bool
        var mustBeSet = true
        // A default may read its own question's answer, directly or through computed values:
        // empty the first time, the answer given before when the step is reached again
        // (`default: =cue` keeps it on Enter).
        if case .defaultAnswer(let question) = role {
          checker.ownVariable = scope?.stored(question.variable) ?? question.variable
        }
        defer { checker.ownVariable = nil }
        switch role {
        case .condition: answered = true
        case .defaultAnswer, .stepCondition, .check, .options, .argument, .bound: answered = false
        case .inText:
          // A text may test what it reads ({{#if answered(x)}}); what is not set shows as nothing.
          answered = false
          mustBeSet = false
        }
        checker.read(formula, scope: scope, from: here, answered: answered, mustBeSet: mustBeSet)
      }
    }
    if let plan = dialogue.plan {
      let texts =
        [plan.text] + plan.calendar.flatMap { [$0.summary] + ($0.description.map { [$0] } ?? []) }
      for use in texts.flatMap(\.names) {
        checker.read(
          use.name, scope: nil, at: use.location, from: nil, answered: true,
          mustBeKnown: !use.isInsideSection, mustBeSet: false)
      }
      for (formula, _) in dialogue.dialogueFormulas {
        checker.read(formula, scope: nil, from: nil, answered: true, mustBeSet: false)
      }
    }
    for section in dialogue.sections {
      guard let title = section.titleText else { continue }
      // A title is shown when the section begins: at its first step.
      let first = section.steps.first.flatMap { dialogue.position(of: $0.id) }
      for use in title.names {
        checker.read(
          use.name, scope: nil, at: use.location, from: first, answered: false,
          mustBeKnown: !use.isInsideSection, mustBeSet: use.mustBeSet)
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

  /// Places already reported: a flow's text is read once per call, and said once.
  private var reported: Set<SourceLocation> = []

  /// Checks the names an expression reads, its own (as the step's scope means them) and those the
  /// dialogue's functions it calls read, at the call. Unknown names are the type checker's to
  /// report.
  mutating func read(
    _ formula: Formula, scope: FlowScope?, from position: Int?, answered: Bool,
    mustBeSet: Bool = true
  ) {
    for name in formula.expression.names where name.name != AnswerCheck.answerName {
      read(
        name.name, scope: scope, at: formula.location(ofOffset: name.offset), from: position,
        answered: answered, mustBeKnown: false, mustBeSet: mustBeSet)
    }
    for call in formula.expression.userCalls {
      guard let function = dialogue.function(call.name) else { continue }
      let probe = Expression(source: "", root: .userCall(call.name, [], at: 0))
      let parameters = Set(function.parameters.map(\.name))
      for name in Set(dialogue.names(readBy: probe)) where !parameters.contains(name) {
        read(
          name, scope: nil, at: formula.location(ofOffset: call.offset), from: position,
          answered: answered, mustBeKnown: false, mustBeSet: mustBeSet,
          via: "which \(call.name)() reads")
      }
    }
  }

  /// Checks one read of `name` (as written; `scope` says what it means inside a flow) at the step
  /// at `position` (nil: after the dialogue ends): that it names something, if `mustBeKnown`,
  /// and that it is set on every path there, if `mustBeSet`.
  mutating func read(
    _ written: String, scope: FlowScope?, at location: SourceLocation, from position: Int?,
    answered: Bool, mustBeKnown: Bool = true, mustBeSet: Bool = true, via reader: String? = nil,
    alsoKnown: [String] = []
  ) {
    guard !reported.contains(location) else { return }
    let name = scope?.stored(written) ?? written
    let isAnswer = dialogue.position(ofQuestionStoring: name) != nil
    let isComputed = dialogue.computedValue(name) != nil
    // `today`, the parking lot and an earlier session's before_… values are always there.
    let isGiven =
      BuiltInNames.types[name] != nil
      || (!isAnswer && !isComputed && analysis.types[name] != nil)
    if isGiven || analysis.isStoredByUnknownCall(name) { return }
    guard isAnswer || isComputed else {
      // Inside a {{#section}} a name may be a field of the section's item.
      guard mustBeKnown else { return }
      var message = "unknown name '\(written)'"
      let known = scope.flatMap { analysis.flowTypes[$0.flowID].map { Array($0.keys) } } ?? knownNames
      if let guess = Suggestion.closest(to: written, among: known + alsoKnown) {
        message += "; did you mean '\(guess)'?"
      } else {
        message += "; no question, computed value or flow parameter has that name"
      }
      report(.error(message, at: location))
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
      let via =
        reader.map { " (\($0))" } ?? (variable == name ? "" : " (which '\(written)' needs)")
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
      let shown = variable == name ? written : variable
      report(.error("'\(shown)'\(via) \(problem)", at: location))
    }
  }

  private mutating func report(_ finding: Diagnostic) {
    if reported.insert(finding.location).inserted { findings.append(finding) }
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
    if let formula = dialogue.computedValue(name)?.formula {
      for use in dialogue.names(readBy: formula.expression) {
        result.formUnion(answerVariables(behind: use, depth: depth + 1))
      }
    }
    dependencies[name] = result
    return result
  }
}
