/// Every expression is well-typed: conditions give true or false, defaults fit their question,
/// computed values add up, a call gives each parameter what its flow takes. Errors point at the
/// column inside the expression (inside a function's body when the mistake is there).
struct ExpressionTypes: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings = analysis.computedFindings
    func readsBroken(_ formula: Formula) -> Bool {
      // A formula that reads a broken computed value was reported where that value is written.
      dialogue.names(readBy: formula.expression).contains {
        analysis.brokenComputed.contains($0) || analysis.isStoredByUnknownCall($0)
      }
    }
    dialogue.forEachFormula { formula, place, role in
      guard !readsBroken(formula) else { return }
      var extra: [String: ValueType] = [:]
      if case .check(let question) = role {
        extra[AnswerCheck.answerName] = question.kind.valueType
      }
      if case .inText(_, let question?) = role {
        extra[AnswerCheck.answerName] = question.kind.valueType
      }
      // A call's values are worked out where the call is written.
      guard
        let type = analysis.type(
          of: formula, at: place, in: dialogue, extra: extra, findings: &findings)
      else { return }
      switch role {
      case .condition where type != .bool, .stepCondition where type != .bool:
        findings.append(
          .error(
            "a condition should be true or false, but this gives \(type.description)",
            at: formula.location))
      case .inText(.condition, _) where type != .bool:
        findings.append(
          .error(
            "{{#if …}} needs a condition that is true or false, but this gives \(type.description)",
            at: formula.location))
      case .check where type != .bool:
        findings.append(
          .error(
            "refuse_if should be true or false (true refuses the answer), but this gives \(type.description)",
            at: formula.location))
      case .defaultAnswer(let question) where type != question.kind.valueType:
        findings.append(
          .error(
            "this default gives \(type.description), but a \(question.kind.typeName) question needs \(question.kind.valueType.description)",
            at: formula.location))
      case .bound where type != .date && type != .moment:
        findings.append(
          .error(
            "earliest and latest should give a date or a day and time, but this gives \(type.description)",
            at: formula.location))
      case .options where type != .list && type != .text:
        findings.append(
          .error(
            "an '=…' item of options should give a list of texts (one option each), like a multi question's answer; this gives \(type.description)",
            at: formula.location))
      case .argument(let call, let argument):
        guard let parameter = dialogue.flow(call.flowID)?.parameters.first(where: {
          $0.name == argument.name
        }), parameter.type != type
        else { break }
        findings.append(
          .error(
            "'\(argument.name)' of flow '\(call.flowID)' takes \(parameter.type.description), but this gives \(type.description)",
            at: formula.location))
      default:
        break
      }
    }
    for (formula, expected) in dialogue.dialogueFormulas where !readsBroken(formula) {
      guard
        let type = analysis.type(of: formula, at: .outside, in: dialogue, findings: &findings)
      else { continue }
      if let expected, type != expected {
        findings.append(
          .error(
            "this should give \(expected.description), but it gives \(type.description)",
            at: formula.location))
      }
    }
    return findings
  }
}
