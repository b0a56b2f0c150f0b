/// Recursive-descent parser for expressions. Precedence, lowest first:
/// `or`; `and`; prefix `not`; comparisons `== != < <= > >=` (not chainable); `in` / `not in`;
/// `+ -`; `* /`; unary `-`; calls, parentheses, literals and names.
struct Parser {
  typealias Token = Lexer.Token

  /// How deep brackets, calls and operators may nest; deeper input is rejected with an error, so that
  /// nothing downstream (checking, evaluating, hashing) recurses without bound.
  static let maxDepth = 100

  /// A parsed sub-expression with the depth of its tree.
  private struct Parsed {
    var node: ExpressionNode
    var depth: Int
  }

  private let tokens: [Token]
  private var index = 0
  /// Current nesting of brackets, calls and prefix operators, checked on the way down.
  private var nesting = 0

  private init(tokens: [Token]) {
    self.tokens = tokens
  }

  static func parse(_ source: String) throws(ExpressionError) -> ExpressionNode {
    var parser = Parser(tokens: try Lexer.tokenize(source))
    if parser.current.kind == .end {
      throw ExpressionError("empty expression", at: 0)
    }
    let parsed = try parser.parseOr()
    let token = parser.current
    if token.kind != .end {
      if token.kind == .rightParen {
        throw ExpressionError("unexpected ')' with no matching '('", at: token.offset)
      }
      throw ExpressionError(
        "unexpected \(token.quoted); expected an operator or the end of the expression",
        at: token.offset)
    }
    return parsed.node
  }

  // MARK: Tokens

  private var current: Token { tokens[index] }
  private var following: Token { tokens[min(index + 1, tokens.count - 1)] }

  @discardableResult
  private mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  private static func tooDeep(at offset: Int) -> ExpressionError {
    ExpressionError(
      "expression is nested too deeply (more than \(maxDepth) levels); "
        + "split it into smaller computed values", at: offset)
  }

  private mutating func enter(at offset: Int) throws(ExpressionError) {
    nesting += 1
    if nesting > Parser.maxDepth { throw Parser.tooDeep(at: offset) }
  }

  private func combine(
    _ op: ExpressionNode.BinaryOperator, _ lhs: Parsed, _ rhs: Parsed, at offset: Int
  ) throws(ExpressionError) -> Parsed {
    let depth = max(lhs.depth, rhs.depth) + 1
    if depth > Parser.maxDepth { throw Parser.tooDeep(at: offset) }
    return Parsed(node: .binary(op, lhs.node, rhs.node, at: offset), depth: depth)
  }

  // MARK: Grammar

  private mutating func parseOr() throws(ExpressionError) -> Parsed {
    var lhs = try parseAnd()
    while current.kind == .or {
      let op = advance()
      let rhs = try parseAnd()
      lhs = try combine(.or, lhs, rhs, at: op.offset)
    }
    return lhs
  }

  private mutating func parseAnd() throws(ExpressionError) -> Parsed {
    var lhs = try parseNot()
    while current.kind == .and {
      let op = advance()
      let rhs = try parseNot()
      lhs = try combine(.and, lhs, rhs, at: op.offset)
    }
    return lhs
  }

  private mutating func parseNot() throws(ExpressionError) -> Parsed {
    guard current.kind == .not else { return try parseComparison() }
    let op = advance()
    try enter(at: op.offset)
    defer { nesting -= 1 }
    let operand = try parseNot()
    return Parsed(node: .not(operand.node, at: op.offset), depth: operand.depth + 1)
  }

  private static func comparison(_ kind: Token.Kind) -> ExpressionNode.BinaryOperator? {
    switch kind {
    case .equal: .equal
    case .notEqual: .notEqual
    case .less: .less
    case .lessOrEqual: .lessOrEqual
    case .greater: .greater
    case .greaterOrEqual: .greaterOrEqual
    default: nil
    }
  }

  private mutating func parseComparison() throws(ExpressionError) -> Parsed {
    let lhs = try parseMembership()
    guard let op = Parser.comparison(current.kind) else { return lhs }
    let opToken = advance()
    let rhs = try parseMembership()
    if let second = Parser.comparison(current.kind) {
      throw ExpressionError(
        "comparisons can't be chained; write 'a \(op.symbol) b and b \(second.symbol) c' instead",
        at: current.offset)
    }
    return try combine(op, lhs, rhs, at: opToken.offset)
  }

  private mutating func parseMembership() throws(ExpressionError) -> Parsed {
    let lhs = try parseAdditive()
    let negated = current.kind == .not && following.kind == .in
    guard negated || current.kind == .in else { return lhs }
    let notToken = negated ? advance() : nil
    let opToken = advance()
    let rhs = try parseAdditive()
    if current.kind == .in || (current.kind == .not && following.kind == .in) {
      throw ExpressionError(
        "'in' can't be chained; combine two tests with 'and' or 'or'", at: current.offset)
    }
    var result = try combine(.in, lhs, rhs, at: opToken.offset)
    if let notToken {
      result.depth += 1
      if result.depth > Parser.maxDepth { throw Parser.tooDeep(at: notToken.offset) }
      result.node = .not(result.node, at: notToken.offset)
    }
    return result
  }

  private mutating func parseAdditive() throws(ExpressionError) -> Parsed {
    var lhs = try parseMultiplicative()
    while current.kind == .plus || current.kind == .minus {
      let op = advance()
      let rhs = try parseMultiplicative()
      lhs = try combine(op.kind == .plus ? .plus : .minus, lhs, rhs, at: op.offset)
    }
    return lhs
  }

  private mutating func parseMultiplicative() throws(ExpressionError) -> Parsed {
    var lhs = try parseUnary()
    while current.kind == .times || current.kind == .divide {
      let op = advance()
      let rhs = try parseUnary()
      lhs = try combine(op.kind == .times ? .times : .divide, lhs, rhs, at: op.offset)
    }
    return lhs
  }

  private mutating func parseUnary() throws(ExpressionError) -> Parsed {
    guard current.kind == .minus else { return try parsePrimary() }
    let op = advance()
    try enter(at: op.offset)
    defer { nesting -= 1 }
    let operand = try parseUnary()
    return Parsed(node: .negate(operand.node, at: op.offset), depth: operand.depth + 1)
  }

  private mutating func parsePrimary() throws(ExpressionError) -> Parsed {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return Parsed(node: .literal(.number(value), at: token.offset), depth: 1)
    case .text(let value):
      advance()
      return Parsed(node: .literal(.text(value), at: token.offset), depth: 1)
    case .true, .false:
      advance()
      return Parsed(node: .literal(.bool(token.kind == .true), at: token.offset), depth: 1)
    case .identifier(let name):
      advance()
      if current.kind == .leftParen { return try parseCall(name: name, at: token.offset) }
      return Parsed(node: .name(name, at: token.offset), depth: 1)
    case .leftParen:
      advance()
      try enter(at: token.offset)
      defer { nesting -= 1 }
      let inner = try parseOr()
      try expectClosing(.rightParen, ")", opening: "(", at: token.offset)
      return inner
    case .leftBracket:
      return try parseList()
    default:
      if token.kind == .end, index > 0 {
        throw ExpressionError(
          "expected a value after '\(tokens[index - 1].lexeme)'", at: token.offset)
      }
      throw ExpressionError("expected a value, found \(token.quoted)", at: token.offset)
    }
  }

  private mutating func expectClosing(
    _ kind: Token.Kind, _ closing: String, opening: String, at openingOffset: Int,
    orComma: Bool = false
  ) throws(ExpressionError) {
    guard current.kind == kind else {
      let expected = orComma && current.kind != .end ? "',' or '\(closing)'" : "'\(closing)'"
      throw ExpressionError(
        "expected \(expected) to close '\(opening)' at column \(openingOffset + 1)",
        at: current.offset)
    }
    advance()
  }

  /// A call; a name that is not built in calls a function the dialogue defines, which the type
  /// checker looks up (and reports, with "did you mean", when there is none).
  private mutating func parseCall(name: String, at offset: Int) throws(ExpressionError) -> Parsed {
    let function = Function(rawValue: name)
    let open = advance()
    try enter(at: open.offset)
    defer { nesting -= 1 }
    var arguments: [ExpressionNode] = []
    var depth = 1
    if current.kind != .rightParen {
      while true {
        let argument = try parseOr()
        arguments.append(argument.node)
        depth = max(depth, argument.depth + 1)
        guard current.kind == .comma else { break }
        advance()
      }
    }
    try expectClosing(.rightParen, ")", opening: "(", at: open.offset, orComma: true)
    if depth > Parser.maxDepth { throw Parser.tooDeep(at: offset) }
    guard let function else {
      return Parsed(node: .userCall(name, arguments, at: offset), depth: depth)
    }
    return Parsed(node: .call(function, arguments, at: offset), depth: depth)
  }

  private mutating func parseList() throws(ExpressionError) -> Parsed {
    let open = advance()
    var items: [String] = []
    if current.kind != .rightBracket {
      while true {
        guard case .text(let item) = current.kind else {
          if current.kind == .end {
            throw ExpressionError(
              "expected ']' to close '[' at column \(open.offset + 1)", at: current.offset)
          }
          throw ExpressionError(
            "a list can only hold texts in quotes, like [\"a\", \"b\"]; found \(current.quoted)",
            at: current.offset)
        }
        items.append(item)
        advance()
        guard current.kind == .comma else { break }
        advance()
      }
    }
    try expectClosing(.rightBracket, "]", opening: "[", at: open.offset, orComma: true)
    return Parsed(node: .literal(.list(items), at: open.offset), depth: 1)
  }
}
