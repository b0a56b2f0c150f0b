/// A comparison of a choice or multi answer with a text compares it with one of the question's
/// option values: `area == "othr"` would never hold, and the step it guards would silently never
/// be taken.
///
///     if: area == "othr"              # error: no option of 'area' has the value 'othr'; did you mean 'other'?
///     when: '"Tools" in weak'         # error: 'Tools' is not a value of 'weak' … (the value is 'tools')
///     match(focus, "slef", 1, 0)      # error: no option of 'focus' has the value 'slef'; …
///
/// A question whose options are worked out from earlier answers (`=picks`) may have any value.
struct OptionValues: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    func look(_ formula: Formula, at place: WrittenPlace) {
      var comparisons: [(name: String, value: String, offset: Int)] = []
      Self.collect(formula.expression.root, into: &comparisons)
      for comparison in comparisons {
        guard let question = Self.question(storing: comparison.name, at: place, in: dialogue),
          !question.hasComputedOptions, !question.kind.options.isEmpty
        else { continue }
        let options = question.kind.options
        guard !options.contains(where: { $0.value == comparison.value }) else { continue }
        let location = formula.location(ofOffset: comparison.offset)
        let values = options.map(\.value)
        var message =
          "no option of '\(comparison.name)' has the value '\(comparison.value)'; the comparison would never hold"
        if let option = options.first(where: {
          $0.label.lowercased() == comparison.value.lowercased()
        }) {
          message =
            "'\(comparison.value)' is the label of an option of '\(comparison.name)'; conditions compare values: write '\(option.value)'"
        } else if let guess = Suggestion.closest(to: comparison.value, among: values) {
          message += "; did you mean '\(guess)'?"
        } else {
          message += "; its values are \(values.joined(separator: ", "))"
        }
        findings.append(.error(message, at: location))
      }
    }
    dialogue.forEachFormula { formula, place, _ in look(formula, at: place) }
    for computed in dialogue.computed { look(computed.formula, at: .outside) }
    for (formula, _) in dialogue.dialogueFormulas { look(formula, at: .outside) }
    dialogue.forEachText { text, place in
      for (formula, _) in text.formulas { look(formula, at: place) }
    }
    return findings
  }

  /// The question whose answer `name` is, as written at `place`: a flow's own, the dialogue's,
  /// or (`before_…`) the followed dialogue's.
  static func question(storing name: String, at place: WrittenPlace, in dialogue: Dialogue)
    -> Question?
  {
    if let flow = place.flow {
      if let step = flow.steps.first(where: { $0.question?.variable == name }) {
        return step.question
      }
      if flow.parameters.contains(where: { $0.name == name }) { return nil }
    }
    if let found = dialogue.question(storing: name) { return found.question }
    if name.hasPrefix(FollowedDialogue.prefix), let followed = dialogue.follows?.dialogue {
      return followed.question(storing: String(name.dropFirst(FollowedDialogue.prefix.count)))?
        .question
    }
    return nil
  }

  /// `name == "value"` (either way round, also `!=`), `"value" in name`, and the keys of
  /// `match(name, "value", …)`.
  static func collect(
    _ node: ExpressionNode, into found: inout [(name: String, value: String, offset: Int)]
  ) {
    switch node {
    case .literal, .name: return
    case .negate(let operand, _), .not(let operand, _):
      collect(operand, into: &found)
    case .binary(let op, let lhs, let rhs, _):
      switch (op, lhs, rhs) {
      case (.equal, .name(let name, _), .literal(.text(let value), let at)),
        (.notEqual, .name(let name, _), .literal(.text(let value), let at)),
        (.equal, .literal(.text(let value), let at), .name(let name, _)),
        (.notEqual, .literal(.text(let value), let at), .name(let name, _)),
        (.in, .literal(.text(let value), let at), .name(let name, _)):
        found.append((name, value, at))
      default:
        break
      }
      collect(lhs, into: &found)
      collect(rhs, into: &found)
    case .call(.match, let arguments, _):
      if case .name(let name, _)? = arguments.first {
        var index = 1
        while index + 1 < arguments.count {
          if case .literal(.text(let value), let at) = arguments[index] {
            found.append((name, value, at))
          }
          index += 2
        }
      }
      for argument in arguments { collect(argument, into: &found) }
    case .call(_, let arguments, _), .userCall(_, let arguments, _):
      for argument in arguments { collect(argument, into: &found) }
    }
  }
}
