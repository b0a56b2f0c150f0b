/// Every expression is well-typed: conditions give true or false, defaults fit their question,
/// computed values add up. Errors point at the column inside the expression.
struct ExpressionTypes: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings = analysis.computedFindings
    dialogue.forEachFormula { formula, _, role in
      let expression = formula.expression
      // A formula that reads a broken computed value was reported where that value is written.
      if expression.names.contains(where: { analysis.brokenComputed.contains($0.name) }) {
        return
      }
      let type: ValueType
      do throws(ExpressionError) {
        type = try expression.typeCheck(types: analysis.types)
      } catch {
        findings.append(.error(error.message, at: formula.location(ofOffset: error.offset)))
        return
      }
      switch role {
      case .condition where type != .bool, .stepCondition where type != .bool:
        findings.append(
          .error(
            "a condition should be true or false, but this gives \(type.description)",
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
      default:
        break
      }
    }
    for (formula, expected) in dialogue.dialogueFormulas {
      if formula.expression.names.contains(where: { analysis.brokenComputed.contains($0.name) }) {
        continue
      }
      do {
        let type = try formula.expression.typeCheck(types: analysis.types)
        if type != expected {
          findings.append(
            .error(
              "this should give \(expected.description), but it gives \(type.description)",
              at: formula.location))
        }
      } catch {
        findings.append(.error(error.message, at: formula.location(ofOffset: error.offset)))
      }
    }
    return findings
  }
}
