/// A parsed expression from a dialogue file, e.g. `mean(self_keep, 6 - self_blame)` or
/// `team_size > 10 and not remote`.
///
/// Use: `parse` it when loading, `typeCheck` it against the names in scope, then `evaluate` it as
/// often as needed. Parsing and checking report mistakes as `ExpressionError`s with a Character
/// offset into `source`; evaluation never fails (undefined results are `.none`).
public struct Expression: Sendable, Hashable, CustomStringConvertible {
  /// The text as written.
  public let source: String
  /// The syntax tree.
  public let root: ExpressionNode

  /// Parses `source`. Unknown function names are reported here; unknown names only by `typeCheck`.
  public static func parse(_ source: String) throws(ExpressionError) -> Expression {
    Expression(source: source, root: try Parser.parse(source))
  }

  /// Every name the expression reads, with its offset, in source order (duplicates included).
  public var names: [NameUse] {
    var names: [NameUse] = []
    root.collectNames(into: &names)
    return names
  }

  /// Checks the expression against the types of the names in scope and returns its type.
  /// `today` is a date unless `types` says otherwise.
  public func typeCheck(types: [String: ValueType]) throws(ExpressionError) -> ValueType {
    try TypeChecker(types: types).check(root)
  }

  /// The expression's value, reading names through `lookup` (`today` included). Never traps:
  /// `.none` propagates through arithmetic, comparisons with `.none` are false, and so on.
  /// `labels` gives the label of an option value of the question storing a variable, for `label()`.
  public func evaluate(
    _ lookup: (String) -> Value,
    labels: (_ variable: String, _ value: String) -> String? = { _, _ in nil }
  ) -> Value {
    Evaluator.evaluate(root, lookup, labels: labels)
  }

  public var description: String { source }
}
