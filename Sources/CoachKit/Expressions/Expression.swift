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

  /// Every call of a function the dialogue defines (or of a name no function has), in source
  /// order, with its offset.
  public var userCalls: [(name: String, offset: Int)] {
    var calls: [(name: String, offset: Int)] = []
    root.collectUserCalls(into: &calls)
    return calls
  }

  /// Every `visits(step)` (a nil id for `visits()`), with the offset of the step's id.
  public var visitedSteps: [(stepID: String?, offset: Int)] {
    var visits: [(stepID: String?, offset: Int)] = []
    root.collectVisits(into: &visits)
    return visits
  }

  /// Checks the expression against the types of the names in scope and returns its type.
  /// `today` is a date unless `types` says otherwise. Calls of the dialogue's `functions` are
  /// checked by checking the function's body for the types of the call's arguments, once per
  /// combination: give the same `cache` to every check of a dialogue, so that a mistake in a
  /// body is reported once (later calls of it throw an error whose `isFollowOn` is true).
  public func typeCheck(
    types: [String: ValueType], functions: FunctionTable = .none,
    globals: [String: ValueType]? = nil, cache: FunctionTypeCache? = nil
  ) throws(ExpressionError) -> ValueType {
    try TypeChecker(
      types: types, globals: globals ?? types, functions: functions,
      cache: cache ?? FunctionTypeCache()
    ).check(root)
  }

  /// The expression's value, reading names through `lookup` (`today` included). Never traps:
  /// `.none` propagates through arithmetic, comparisons with `.none` are false, and so on.
  /// `labels` gives the label of an option value of the question storing a variable, for `label()`.
  public func evaluate(
    _ lookup: (String) -> Value,
    labels: (_ variable: String, _ value: String) -> String? = { _, _ in nil },
    functions: FunctionTable = .none
  ) -> Value {
    withoutActuallyEscaping(lookup) { lookup in
      withoutActuallyEscaping(labels) { labels in
        Evaluator.evaluate(
          root, EvaluationContext(value: lookup, label: labels, functions: functions))
      }
    }
  }

  /// The expression's value in `context`: names, labels, visits and the dialogue's functions.
  public func evaluate(in context: EvaluationContext) -> Value {
    Evaluator.evaluate(root, context)
  }

  public var description: String { source }
}
