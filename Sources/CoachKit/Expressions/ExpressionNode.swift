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
      .call(_, _, let at):
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
    case .call(_, let arguments, _):
      for argument in arguments { argument.collectNames(into: &names) }
    }
  }
}
