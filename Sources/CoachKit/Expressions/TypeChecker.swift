/// Checks an expression's types before it ever runs, given the types of the names in scope.
struct TypeChecker {
  /// The names where the expression stands (inside a flow: the flow's own too).
  let types: [String: ValueType]
  /// The dialogue's names: what a function's body reads besides its parameters.
  let globals: [String: ValueType]
  let functions: FunctionTable
  let cache: FunctionTypeCache

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
    case .userCall(let name, let arguments, let at):
      guard let definition = functions[name] else { throw unknownFunction(name, at: at) }
      guard arguments.count == definition.parameters.count else {
        let count = definition.parameters.count
        throw ExpressionError(
          "\(name)() takes \(count) argument\(count == 1 ? "" : "s"), like \(definition.usage); got \(arguments.count)",
          at: at)
      }
      var argumentTypes: [ValueType] = []
      for argument in arguments { argumentTypes.append(try check(argument)) }
      return try result(of: definition, for: argumentTypes, at: at)
    }
  }

  /// The type a call of `definition` gives for these argument types: its body checked with the
  /// parameters typed so, once per combination.
  private func result(
    of definition: FunctionDefinition, for argumentTypes: [ValueType], at offset: Int
  ) throws(ExpressionError) -> ValueType {
    let key = FunctionTypeCache.Key(name: definition.name, arguments: argumentTypes)
    switch cache.entries[key] {
    case .type(let type)?: return type
    case .failed?:
      throw ExpressionError(message: "", offset: offset, isFollowOn: true)
    case .checking?:
      // The checker reports recursion where the functions are defined (FunctionDefinitions).
      throw ExpressionError(
        message: "\(definition.name)() calls itself; a function may not call itself, directly or through others",
        offset: offset, isFollowOn: true)
    case nil:
      break
    }
    if cache.failedFunctions.contains(definition.name) {
      throw ExpressionError(message: "", offset: offset, isFollowOn: true)
    }
    guard cache.nesting < FunctionTable.maxNesting else {
      throw ExpressionError(
        "calls of functions nest more than \(FunctionTable.maxNesting) deep here; call fewer functions from within functions",
        at: offset)
    }
    cache.entries[key] = .checking
    var bodyTypes = globals
    for (parameter, type) in zip(definition.parameters, argumentTypes) { bodyTypes[parameter] = type }
    let body = TypeChecker(types: bodyTypes, globals: globals, functions: functions, cache: cache)
    cache.nesting += 1
    defer { cache.nesting -= 1 }
    do {
      let type = try body.check(definition.body.root)
      cache.entries[key] = .type(type)
      return type
    } catch {
      cache.entries[key] = .failed
      cache.failedFunctions.insert(definition.name)
      guard !error.isFollowOn, error.function == nil else { throw error }
      // A mistake in the body: reported there, saying which call found it.
      let with = argumentTypes.map(\.description).joined(separator: ", ")
      let called = argumentTypes.isEmpty ? "" : " with \(with)"
      throw ExpressionError(
        message: "\(error.message) (in \(definition.name)(), called\(called))", offset: error.offset,
        function: definition.name)
    }
  }

  private func unknownFunction(_ name: String, at offset: Int) -> ExpressionError {
    let builtIn = Function.allCases.map(\.name)
    let candidates = builtIn + functions.names
    if let suggestion = Function.aliases[name.lowercased()].map(\.name)
      ?? Suggestion.closest(to: name, among: candidates)
    {
      return ExpressionError("unknown function '\(name)'; did you mean '\(suggestion)'?", at: offset)
    }
    if types[name] != nil {
      return ExpressionError(
        "'\(name)' is a value, not a function; write it without '(…)'", at: offset)
    }
    return ExpressionError(
      "unknown function '\(name)'; the functions are \(candidates.joined(separator: ", "))",
      at: offset)
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
    if let definition = functions[name] {
      throw ExpressionError(
        "'\(name)' is a function; call it like \(definition.usage)", at: offset)
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

/// What checking calls of a dialogue's functions found so far: each function's result type for
/// each combination of argument types, and the functions whose body has a mistake (reported
/// once; later calls are follow-on errors). One per check of a dialogue.
public final class FunctionTypeCache {
  struct Key: Hashable {
    var name: String
    var arguments: [ValueType]
  }

  enum Entry {
    case checking
    case type(ValueType)
    case failed
  }

  var entries: [Key: Entry] = [:]
  var failedFunctions: Set<String> = []
  var nesting = 0

  public init() {}

  /// Whether a mistake was found in the body of `function`.
  public func hasFailed(_ function: String) -> Bool { failedFunctions.contains(function) }

  /// Records a mistake in the body of `function`, found and reported elsewhere: its calls are
  /// follow-on errors from now on.
  public func markFailed(_ function: String) { failedFunctions.insert(function) }
}
