/// Every expression is well-typed: conditions give true or false, defaults fit their question,
/// computed values add up. Errors point at the column inside the expression.
public struct ExpressionTypes: CheckRule {
  public init() {}

  public func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
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
      default:
        break
      }
    }
    for (formula, expected) in dialogue.planFormulas {
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

extension Dialogue {
  public enum FormulaRole: Sendable {
    /// An `if` of a step's `next`: read after the step's answer.
    case condition
    /// A question's `default: =…`: read before the answer.
    case defaultAnswer(Question)
    /// A step's `when`: read before the step says or asks anything.
    case stepCondition
  }

  /// The plan's expressions, read after the dialogue ends, with the type each must give:
  /// `save_if` (yes/no) and the calendar's `date`.
  public var planFormulas: [(formula: Formula, type: ValueType)] {
    var result: [(Formula, ValueType)] = []
    if let condition = plan?.saveCondition { result.append((condition, .bool)) }
    if let condition = keepAnswersCondition { result.append((condition, .bool)) }
    if let date = plan?.calendar?.date { result.append((date, .date)) }
    return result
  }

  /// Every expression written on a step, with its role.
  public var allFormulas: [(formula: Formula, step: Step, role: FormulaRole)] {
    var result: [(Formula, Step, FormulaRole)] = []
    forEachFormula { formula, position, role in result.append((formula, steps[position], role)) }
    return result
  }

  /// Calls `body` with every expression written on a step, in the order of ``allFormulas``, with
  /// the position of its step and its role, without copying steps.
  public func forEachFormula(
    _ body: (_ formula: Formula, _ stepPosition: Int, _ role: FormulaRole) -> Void
  ) {
    for position in steps.indices {
      if let condition = steps[position].condition { body(condition, position, .stepCondition) }
      if let question = steps[position].question,
        case .formula(let formula) = question.defaultAnswer
      {
        body(formula, position, .defaultAnswer(question))
      }
      if case .branches(let branches) = steps[position].next {
        for branch in branches {
          if let condition = branch.condition { body(condition, position, .condition) }
        }
      }
    }
  }
}
