/// Checks an expression's types before it ever runs, given the types of the names in scope.
struct TypeChecker {
  let types: [String: ValueType]

  func check(_ node: ExpressionNode) throws(ExpressionError) -> ValueType {
    switch node {
    case .literal(let value, let at):
      guard let type = value.type else { throw ExpressionError("a value is missing", at: at) }
      return type
    case .name(let name, let at):
      return try type(of: name, at: at)
    case .negate(let operand, let at):
      let type = try check(operand)
      guard type == .number else {
        throw ExpressionError("'-' needs a number; got \(type)", at: at)
      }
      return .number
    case .not(let operand, let at):
      let type = try check(operand)
      guard type == .bool else {
        throw ExpressionError("'not' needs a yes/no value; got \(type)", at: at)
      }
      return .bool
    case .binary(let op, let lhs, let rhs, let at):
      return try checkBinary(op, try check(lhs), try check(rhs), at: at)
    case .call(let function, let arguments, let at):
      return try function.check(arguments, at: at) { (argument) throws(ExpressionError) in
        try check(argument)
      }
    }
  }

  private func type(of name: String, at offset: Int) throws(ExpressionError) -> ValueType {
    if let type = types[name] ?? BuiltInNames.types[name] { return type }
    let known = Set(types.keys).union(BuiltInNames.types.keys)
    if let suggestion = Suggestion.closest(to: name, among: known) {
      throw ExpressionError("unknown name '\(name)'; did you mean '\(suggestion)'?", at: offset)
    }
    if let function = Function(rawValue: name) {
      throw ExpressionError(
        "'\(name)' is a function; call it like \(function.usage)", at: offset)
    }
    throw ExpressionError("unknown name '\(name)'", at: offset)
  }

  private func checkBinary(
    _ op: ExpressionNode.BinaryOperator, _ lhs: ValueType, _ rhs: ValueType, at offset: Int
  ) throws(ExpressionError) -> ValueType {
    func mismatch(_ needs: String) -> ExpressionError {
      ExpressionError("'\(op.symbol)' needs \(needs); got \(lhs) and \(rhs)", at: offset)
    }
    switch op {
    case .plus:
      switch (lhs, rhs) {
      case (.number, .number): return .number
      case (.text, .text): return .text
      case (.date, .number), (.number, .date): return .date
      case (.moment, .number), (.number, .moment): return .moment
      default: throw mismatch("two numbers, two texts, or a date (or day and time) and a number")
      }
    case .minus:
      switch (lhs, rhs) {
      case (.number, .number): return .number
      case (.date, .number): return .date
      case (.date, .date): return .number
      case (.moment, .number): return .moment
      case (.moment, .moment): return .number
      default:
        throw mismatch("two numbers, two dates, two days and times, or a date minus a number")
      }
    case .times, .divide:
      guard lhs == .number, rhs == .number else { throw mismatch("two numbers") }
      return .number
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      // A day and time compares with a date by its day: `first_step <= deadline`.
      let days: Set<ValueType> = [.date, .moment]
      guard (lhs == rhs && lhs == .number) || (days.contains(lhs) && days.contains(rhs)) else {
        throw mismatch("two numbers, or dates and days and times")
      }
      return .bool
    case .equal, .notEqual:
      guard lhs == rhs else { throw mismatch("two values of the same type") }
      return .bool
    case .and, .or:
      guard lhs == .bool, rhs == .bool else { throw mismatch("two yes/no values") }
      return .bool
    case .in:
      guard lhs == .text, rhs == .list else {
        throw mismatch("text on the left and a list of choices on the right")
      }
      return .bool
    }
  }
}
