/// A node of a parsed expression. Every case carries the 0-based Character offset it was found at.
public indirect enum ExpressionNode: Sendable, Hashable {
  /// A number, text, yes/no or list literal (`4`, `"tools"`, `true`, `["a", "b"]`).
  case literal(Value, at: Int)
  /// A name read from the dialogue (an answer, a computed value, `today`).
  case name(String, at: Int)
  /// Unary minus; `at` is the `-`.
  case negate(ExpressionNode, at: Int)
  /// `not x`; `at` is the `not`.
  case not(ExpressionNode, at: Int)
  /// `lhs op rhs`; `at` is the operator.
  case binary(BinaryOperator, ExpressionNode, ExpressionNode, at: Int)
  /// `f(a, b)`; `at` is the function name.
  case call(Function, [ExpressionNode], at: Int)
  /// `f(a, b)` where `f` is not built in: a function the dialogue defines (or a misspelt name,
  /// which the type checker reports); `at` is the function name.
  case userCall(String, [ExpressionNode], at: Int)

  public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or, and
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in`
    case plus = "+"
    case minus = "-"
    case times = "*"
    case divide = "/"

    /// The operator as written: `+`, `and`, `<=`.
    public var symbol: String { rawValue }

  }

  /// Where the sub-expression starts in the source (for a binary node: where its left side starts).
  public var start: Int {
    switch self {
    case .literal(_, let at), .name(_, let at), .negate(_, let at), .not(_, let at),
      .call(_, _, let at), .userCall(_, _, let at):
      at
    case .binary(_, let lhs, _, _): lhs.start
    }
  }

  /// The names this node reads, in source order (every use, duplicates included).
  func collectNames(into names: inout [NameUse]) {
    switch self {
    case .literal: break
    case .name(let name, let at): names.append(NameUse(name: name, offset: at))
    case .negate(let operand, _), .not(let operand, _): operand.collectNames(into: &names)
    case .binary(_, let lhs, let rhs, _):
      lhs.collectNames(into: &names)
      rhs.collectNames(into: &names)
    case .call(.label, let arguments, _):
      // label(value, question, ...) reads the questions' options, never their answers.
      arguments.first?.collectNames(into: &names)
    case .call(.visits, _, _):
      // visits(step) names a step, not a value.
      break
    case .call(_, let arguments, _), .userCall(_, let arguments, _):
      for argument in arguments { argument.collectNames(into: &names) }
    }
  }

  /// Every call of a function the dialogue defines (or of an unknown one), in source order.
  func collectUserCalls(into calls: inout [(name: String, offset: Int)]) {
    switch self {
    case .literal, .name: break
    case .negate(let operand, _), .not(let operand, _): operand.collectUserCalls(into: &calls)
    case .binary(_, let lhs, let rhs, _):
      lhs.collectUserCalls(into: &calls)
      rhs.collectUserCalls(into: &calls)
    case .call(_, let arguments, _):
      for argument in arguments { argument.collectUserCalls(into: &calls) }
    case .userCall(let name, let arguments, let at):
      calls.append((name, at))
      for argument in arguments { argument.collectUserCalls(into: &calls) }
    }
  }

  /// Every `visits(step)` with its step id as written (nil for `visits()`) and its offset.
  func collectVisits(into visits: inout [(stepID: String?, offset: Int)]) {
    switch self {
    case .literal, .name: break
    case .negate(let operand, _), .not(let operand, _): operand.collectVisits(into: &visits)
    case .binary(_, let lhs, let rhs, _):
      lhs.collectVisits(into: &visits)
      rhs.collectVisits(into: &visits)
    case .call(.visits, let arguments, let at):
      if case .name(let id, let offset)? = arguments.first {
        visits.append((id, offset))
      } else {
        visits.append((nil, at))
      }
    case .call(_, let arguments, _), .userCall(_, let arguments, _):
      for argument in arguments { argument.collectVisits(into: &visits) }
    }
  }

  /// How many nodes the tree has.
  var size: Int {
    switch self {
    case .literal, .name: 1
    case .negate(let operand, _), .not(let operand, _): operand.size + 1
    case .binary(_, let lhs, let rhs, _): lhs.size + rhs.size + 1
    case .call(_, let arguments, _), .userCall(_, let arguments, _):
      arguments.reduce(1) { $0 + $1.size }
    }
  }
}
