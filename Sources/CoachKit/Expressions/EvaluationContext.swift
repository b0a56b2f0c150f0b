/// What an expression can read while it is evaluated: names, option labels, how often steps were
/// visited, and the dialogue's own functions. The engine makes one per evaluation; tests make
/// their own.
///
///     let context = EvaluationContext(value: { $0 == "size" ? .number(4) : .none })
///     try Expression.parse("size * 2").evaluate(in: context)  // .number(8)
public struct EvaluationContext {
  /// The value of a name as written where the expression stands (inside a flow, a short name
  /// means the flow's own).
  public var value: (String) -> Value
  /// The value of a name of the dialogue as a whole: what a function's body reads besides its
  /// parameters.
  public var global: (String) -> Value
  /// The label of an option value of the question storing a variable, for `label()`.
  public var label: (_ variable: String, _ value: String) -> String?
  /// How many times a step was taken; nil: the step the expression belongs to.
  public var visits: (_ stepID: String?) -> Int
  public var functions: FunctionTable
  /// How deep calls of dialogue functions nest at this point.
  var nesting = 0

  public init(
    value: @escaping (String) -> Value,
    global: ((String) -> Value)? = nil,
    label: @escaping (_ variable: String, _ value: String) -> String? = { _, _ in nil },
    visits: @escaping (_ stepID: String?) -> Int = { _ in 0 },
    functions: FunctionTable = .none
  ) {
    self.value = value
    self.global = global ?? value
    self.label = label
    self.visits = visits
    self.functions = functions
  }
}
