/// The functions a dialogue defines: named formulas with parameters, callable from any expression
/// like the built-in ones.
///
///     functions:
///       bar(score): repeat("█", round(score / 5)) + repeat("░", 20 - round(score / 5))
///
///     let table = FunctionTable([
///       FunctionDefinition(name: "double", parameters: ["x"], body: try Expression.parse("x * 2"))
///     ])
///     try Expression.parse("double(3)").evaluate({ _ in .none }, functions: table)  // .number(6)
///
/// A body reads its parameters, and the dialogue's answers and computed values; a parameter
/// shadows an answer of the same name. The checker refuses recursion, so evaluating a call always
/// ends; ``maxNesting`` bounds it anyway, for a dialogue that was never checked.
public struct FunctionTable: Sendable {
  private let definitions: [String: FunctionDefinition]

  /// How deep calls of dialogue functions may nest (a calls b calls c …).
  public static let maxNesting = 16

  public static let none = FunctionTable([])

  public init(_ definitions: [FunctionDefinition]) {
    var byName: [String: FunctionDefinition] = [:]
    for definition in definitions where byName[definition.name] == nil {
      byName[definition.name] = definition
    }
    self.definitions = byName
  }

  public subscript(name: String) -> FunctionDefinition? { definitions[name] }

  public var names: Dictionary<String, FunctionDefinition>.Keys { definitions.keys }

  public var isEmpty: Bool { definitions.isEmpty }
}

/// One function a dialogue defines: `name(parameter, …): body`.
public struct FunctionDefinition: Sendable {
  public var name: String
  public var parameters: [String]
  public var body: Expression

  public init(name: String, parameters: [String], body: Expression) {
    self.name = name
    self.parameters = parameters
    self.body = body
  }

  /// How it is called, for messages: `bar(score)`.
  public var usage: String { "\(name)(\(parameters.joined(separator: ", ")))" }
}
