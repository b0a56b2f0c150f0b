/// Computes an expression's value. Never traps: `.none` propagates through arithmetic, comparisons
/// involving `.none` are false (but `==`/`!=` compare it like any value), `and`/`or`/`not` treat it
/// as false, `in` with it is false, and undefined results (division by zero) are `.none`.
/// Values of unexpected types (an expression that was not type-checked) behave like `.none`.
/// No text it builds is longer than ``ValueLimits/maxTextBytes``.
enum Evaluator {
  /// Day offsets beyond this (about 2.7 million years) give `.none` rather than a date.
  static let maxDayOffset = 1_000_000_000.0

  static func evaluate(_ node: ExpressionNode, _ context: EvaluationContext) -> Value {
    switch node {
    case .literal(let value, _):
      return value
    case .name(let name, _):
      return context.value(name)
    case .negate(let operand, _):
      guard case .number(let x) = evaluate(operand, context) else { return .none }
      return .number(-x)
    case .not(let operand, _):
      return .bool(evaluate(operand, context) != .bool(true))
    // `and` and `or` read their right side only when it decides: a condition that the left side
    // decides is decided without the answers on the right (the expected path's timing uses it).
    case .binary(.and, let lhs, let rhs, _):
      guard evaluate(lhs, context) == .bool(true) else { return .bool(false) }
      return .bool(evaluate(rhs, context) == .bool(true))
    case .binary(.or, let lhs, let rhs, _):
      if evaluate(lhs, context) == .bool(true) { return .bool(true) }
      return .bool(evaluate(rhs, context) == .bool(true))
    case .binary(let op, let lhs, let rhs, _):
      return binary(op, evaluate(lhs, context), evaluate(rhs, context))
    case .call(let function, let arguments, _):
      return function.evaluate(arguments, context: context) { evaluate($0, context) }
    case .userCall(let name, let arguments, _):
      guard context.nesting < FunctionTable.maxNesting, let definition = context.functions[name],
        definition.parameters.count == arguments.count
      else { return .none }
      var values: [String: Value] = [:]
      for (parameter, argument) in zip(definition.parameters, arguments) {
        values[parameter] = evaluate(argument, context)
      }
      // The body reads its parameters and the dialogue's names, never the caller's own.
      var inner = context
      let global = context.global
      inner.value = { values[$0] ?? global($0) }
      inner.nesting += 1
      return evaluate(definition.body.root, inner)
    }
  }

  private static func binary(
    _ op: ExpressionNode.BinaryOperator, _ lhs: Value, _ rhs: Value
  ) -> Value {
    switch op {
    case .equal: return .bool(lhs == rhs)
    case .notEqual: return .bool(lhs != rhs)
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      return .bool(compare(op, lhs, rhs))
    case .in:
      guard case .text(let item) = lhs, case .list(let items) = rhs else { return .bool(false) }
      return .bool(items.contains(item))
    case .plus:
      switch (lhs, rhs) {
      case (.number(let a), .number(let b)): return Function.number(a + b)
      case (.text(let a), .text(let b)): return .text(ValueLimits.joined(a, b))
      case (.date(let day), .number(let n)), (.number(let n), .date(let day)):
        return add(n, to: day)
      case (.moment(let moment), .number(let n)), (.number(let n), .moment(let moment)):
        return add(n, to: moment)
      default: return .none
      }
    case .minus:
      switch (lhs, rhs) {
      case (.number(let a), .number(let b)): return Function.number(a - b)
      case (.date(let day), .number(let n)): return add(-n, to: day)
      case (.date(let a), .date(let b)): return .number(Double(a.daysSince1970 - b.daysSince1970))
      case (.moment(let moment), .number(let n)): return add(-n, to: moment)
      case (.moment(let a), .moment(let b)):
        return .number(Double(a.minutesSince1970 - b.minutesSince1970) / Double(Moment.minutesPerDay))
      default: return .none
      }
    case .times:
      guard case .number(let a) = lhs, case .number(let b) = rhs else { return .none }
      return Function.number(a * b)
    case .divide:
      guard case .number(let a) = lhs, case .number(let b) = rhs, b != 0 else { return .none }
      return Function.number(a / b)
    case .and: return .bool(lhs == .bool(true) && rhs == .bool(true))
    case .or: return .bool(lhs == .bool(true) || rhs == .bool(true))
    }
  }

  private static func compare(
    _ op: ExpressionNode.BinaryOperator, _ lhs: Value, _ rhs: Value
  ) -> Bool {
    let a: Double
    let b: Double
    switch (lhs, rhs) {
    case (.number(let x), .number(let y)): (a, b) = (x, y)
    case (.date(let x), .date(let y)): (a, b) = (Double(x.daysSince1970), Double(y.daysSince1970))
    case (.moment(let x), .moment(let y)): (a, b) = (Double(x.minutesSince1970), Double(y.minutesSince1970))
    // A day and time against a date: by its day.
    case (.moment(let x), .date(let y)): (a, b) = (Double(x.day.daysSince1970), Double(y.daysSince1970))
    case (.date(let x), .moment(let y)): (a, b) = (Double(x.daysSince1970), Double(y.day.daysSince1970))
    default: return false
    }
    switch op {
    case .less: return a < b
    case .lessOrEqual: return a <= b
    case .greater: return a > b
    default: return a >= b
    }
  }

  /// `moment` plus `n` days, to the minute (`now + 1/24` is an hour later); none if `n` is
  /// absurdly large.
  private static func add(_ n: Double, to moment: Moment) -> Value {
    guard n.isFinite, abs(n) <= maxDayOffset else { return .none }
    return .moment(moment.adding(minutes: Int((n * Double(Moment.minutesPerDay)).rounded())))
  }

  /// `day` plus `n` days, `n` rounded to a whole number of days; none if `n` is absurdly large.
  private static func add(_ n: Double, to day: Day) -> Value {
    guard n.isFinite, abs(n) <= maxDayOffset else { return .none }
    return .date(day.adding(days: Int(n.rounded())))
  }
}
