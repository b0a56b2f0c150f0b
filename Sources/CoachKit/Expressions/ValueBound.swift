/// What is known about an expression's values before anyone answers: how long a text can be, how
/// many items a list can have, what range a number falls in. `coach check` uses it to refuse an
/// expression that could outgrow ``ValueLimits`` and a default that could fall outside its
/// question's range.
///
///     // c0: "ab"   c1: repeat(c0, 1000)   c2: repeat(c1, 1000)
///     // c1: .text(length: 2_000)   c2: .text(length: 2_000_000), more than 100,000: refused
///     // current is a 1–10 scale:  current + 2: .number(low: 3, high: 12, whole: true)
public struct ValueBound: Sendable, Hashable {
  public enum Shape: Sendable, Hashable {
    /// Text of at most `length` characters.
    case text(length: Int)
    /// A list of at most `items` items, reading (joined with ", ") as at most `length` characters.
    case list(items: Int, length: Int)
    /// A number from `low` to `high` (infinite when not known); `whole` when never a fraction.
    case number(low: Double, high: Double, whole: Bool)
    /// Yes/no values and dates, whose size never matters.
    case other
  }

  public var shape: Shape
  /// Whether the value can be empty (an unanswered question, a division by zero).
  public var canBeEmpty: Bool

  public init(_ shape: Shape, canBeEmpty: Bool = true) {
    self.shape = shape
    self.canBeEmpty = canBeEmpty
  }

  /// A value nothing is known about: a text or list no longer than the limit, any number.
  public static let unknown = ValueBound(.text(length: ValueLimits.maxTextLength))
  public static let anyNumber = ValueBound(.number(low: -.infinity, high: .infinity, whole: false))

  /// The most characters the value reads as in text: a number as "-1234567890123456.5" at most,
  /// a date as "2026-12-13" (with room for far years), "yes"/"no".
  public var displayLength: Int {
    switch shape {
    case .text(let length), .list(_, let length): length
    case .number: 24
    case .other: 16
    }
  }

  /// The bound of a value that is either this one or `other` (`if`, `match`).
  func union(_ other: ValueBound) -> ValueBound {
    let shape: Shape
    switch (self.shape, other.shape) {
    case (.number(let a, let b, let w), .number(let c, let d, let x)):
      shape = .number(low: Swift.min(a, c), high: Swift.max(b, d), whole: w && x)
    case (.list(let i, let l), .list(let j, let m)):
      shape = .list(items: Swift.max(i, j), length: Swift.max(l, m))
    case (.other, .other):
      shape = .other
    default:
      shape = .text(length: Swift.max(displayLength, other.displayLength))
    }
    return ValueBound(shape, canBeEmpty: canBeEmpty || other.canBeEmpty)
  }
}

extension Expression {
  /// A sub-expression whose text could grow past ``ValueLimits/maxTextLength``.
  public struct Oversized: Sendable, Hashable {
    /// Where it starts in the source (a function's name, a `+`'s left side).
    public var offset: Int
    public var length: Int
  }

  /// The bound of the expression's values, given the bound of each name it reads (nil: nothing
  /// known) and the longest option label of each question (for `label()`); and the innermost
  /// sub-expression that could give a text longer than ``ValueLimits/maxTextLength``.
  public func bound(
    names: (String) -> ValueBound?, longestLabel: (String) -> Int? = { _ in nil },
    functions: FunctionTable = .none, globals: ((String) -> ValueBound?)? = nil
  ) -> (bound: ValueBound, oversized: Oversized?) {
    withoutActuallyEscaping(names) { names in
      withoutActuallyEscaping(longestLabel) { longestLabel in
        var analysis = BoundAnalysis(
          names: names, globals: globals ?? names, longestLabel: longestLabel,
          functions: functions)
        let bound = analysis.bound(of: root)
        return (bound, analysis.oversized)
      }
    }
  }
}

/// Works out ``ValueBound``s node by node, the way ``Evaluator`` works out values.
private struct BoundAnalysis {
  let names: (String) -> ValueBound?
  /// What a function's body reads besides its parameters.
  let globals: (String) -> ValueBound?
  let longestLabel: (String) -> Int?
  let functions: FunctionTable
  var oversized: Expression.Oversized?
  var nesting = 0

  mutating func bound(of node: ExpressionNode) -> ValueBound {
    let result = shape(of: node)
    // The innermost first: its children were worked out, and reported, before it.
    if oversized == nil, case .text(let length) = result.shape,
      length > ValueLimits.maxTextLength
    {
      oversized = .init(offset: node.start, length: length)
    }
    return result
  }

  private mutating func shape(of node: ExpressionNode) -> ValueBound {
    switch node {
    case .literal(let value, _):
      return Self.bound(of: value)
    case .name(let name, _):
      return names(name) ?? .unknown
    case .negate(let operand, _):
      let inner = bound(of: operand)
      guard case .number(let low, let high, let whole) = inner.shape else { return inner }
      return ValueBound(.number(low: -high, high: -low, whole: whole), canBeEmpty: inner.canBeEmpty)
    case .not:
      return ValueBound(.other, canBeEmpty: false)
    case .binary(let op, let lhs, let rhs, _):
      return binary(op, bound(of: lhs), bound(of: rhs))
    case .call(let function, let arguments, _):
      return call(function, arguments)
    case .userCall(let name, let arguments, _):
      let bounds = arguments.map { bound(of: $0) }
      guard nesting < FunctionTable.maxNesting, let definition = functions[name],
        definition.parameters.count == arguments.count
      else { return .unknown }
      var parameters: [String: ValueBound] = [:]
      for (parameter, argument) in zip(definition.parameters, bounds) {
        parameters[parameter] = argument
      }
      let globals = self.globals
      var body = BoundAnalysis(
        names: { parameters[$0] ?? globals($0) }, globals: globals, longestLabel: longestLabel,
        functions: functions, nesting: nesting + 1)
      let result = body.bound(of: definition.body.root)
      // A text that outgrows the limit inside the body is reported where it is called.
      if oversized == nil, let inner = body.oversized {
        oversized = .init(offset: node.start, length: inner.length)
      }
      return result
    }
  }

  static func bound(of value: Value) -> ValueBound {
    switch value {
    case .none: return ValueBound(.other)
    case .bool, .date, .moment: return ValueBound(.other, canBeEmpty: false)
    case .number(let x):
      return ValueBound(.number(low: x, high: x, whole: x == x.rounded()), canBeEmpty: false)
    case .text(let text): return ValueBound(.text(length: text.count), canBeEmpty: false)
    case .list(let items):
      return ValueBound(
        .list(items: items.count, length: Value.list(items).displayText.count), canBeEmpty: false)
    }
  }

  private func binary(_ op: ExpressionNode.BinaryOperator, _ a: ValueBound, _ b: ValueBound)
    -> ValueBound
  {
    let empty = a.canBeEmpty || b.canBeEmpty
    switch (op, a.shape, b.shape) {
    case (.plus, .number(let l1, let h1, let w1), .number(let l2, let h2, let w2)):
      return Self.number(l1 + l2, h1 + h2, w1 && w2, empty)
    case (.minus, .number(let l1, let h1, let w1), .number(let l2, let h2, let w2)):
      return Self.number(l1 - h2, h1 - l2, w1 && w2, empty)
    case (.times, .number(let l1, let h1, let w1), .number(let l2, let h2, let w2)):
      let products = [l1 * l2, l1 * h2, h1 * l2, h1 * h2]
      return Self.number(products.min()!, products.max()!, w1 && w2, empty)
    case (.divide, .number(let l1, let h1, _), .number(let l2, let h2, _)):
      // Dividing by zero gives empty; a divisor that may come near zero leaves the range open.
      guard l2 > 0 || h2 < 0 else { return ValueBound.anyNumber }
      let quotients = [l1 / l2, l1 / h2, h1 / l2, h1 / h2]
      return Self.number(quotients.min()!, quotients.max()!, false, empty)
    case (.plus, .text, _), (.plus, _, .text):
      return ValueBound(
        .text(length: Self.sum(a.displayLength, b.displayLength)), canBeEmpty: empty)
    case (.minus, .other, .other):
      return ValueBound(.number(low: -.infinity, high: .infinity, whole: true), canBeEmpty: empty)
    case (.plus, _, _), (.minus, _, _), (.times, _, _), (.divide, _, _):
      return ValueBound(.other, canBeEmpty: empty)
    default:
      return ValueBound(.other, canBeEmpty: false)
    }
  }

  private mutating func call(_ function: Function, _ arguments: [ExpressionNode]) -> ValueBound {
    let bounds = arguments.map { bound(of: $0) }
    func argument(_ index: Int) -> ValueBound {
      index < bounds.count ? bounds[index] : ValueBound(.other)
    }
    func text(_ length: Int, canBeEmpty: Bool = true) -> ValueBound {
      ValueBound(.text(length: length), canBeEmpty: canBeEmpty)
    }
    let numbers: [(low: Double, high: Double, whole: Bool, canBeEmpty: Bool)] = bounds.compactMap {
      if case .number(let low, let high, let whole) = $0.shape {
        (low, high, whole, $0.canBeEmpty)
      } else {
        nil
      }
    }
    // Statistics skip empty arguments: only those that can never be empty always take part.
    let always = numbers.filter { !$0.canBeEmpty }
    let allCanBeEmpty = always.isEmpty
    switch function {
    case .mean:
      return Self.number(
        numbers.map(\.low).min() ?? 0, numbers.map(\.high).max() ?? 0, false, allCanBeEmpty)
    case .sum:
      let low =
        always.reduce(0) { $0 + $1.low }
        + numbers.filter(\.canBeEmpty).reduce(0) { $0 + Swift.min($1.low, 0) }
      let high =
        always.reduce(0) { $0 + $1.high }
        + numbers.filter(\.canBeEmpty).reduce(0) { $0 + Swift.max($1.high, 0) }
      return Self.number(low, high, numbers.allSatisfy(\.whole), allCanBeEmpty)
    case .min:
      let high = always.isEmpty ? numbers.map(\.high).max() : always.map(\.high).min()
      return Self.number(
        numbers.map(\.low).min() ?? 0, high ?? 0, numbers.allSatisfy(\.whole), allCanBeEmpty)
    case .max:
      let low = always.isEmpty ? numbers.map(\.low).min() : always.map(\.low).max()
      return Self.number(
        low ?? 0, numbers.map(\.high).max() ?? 0, numbers.allSatisfy(\.whole), allCanBeEmpty)
    case .count:
      let most = arguments.count == 1 ? Self.items(of: argument(0)) : arguments.count
      return ValueBound(.number(low: 0, high: Double(most), whole: true), canBeEmpty: false)
    case .round:
      guard case .number(let low, let high, let whole) = argument(0).shape else {
        return argument(0)
      }
      var digits = 0
      if arguments.count > 1 {
        guard case .number(let fewest, let most, _) = argument(1).shape, fewest == most,
          most.isFinite
        else { return ValueBound.anyNumber }
        digits = Int(Swift.min(Swift.max(most.rounded(), -15), 15))
      }
      func rounded(_ x: Double) -> Double {
        guard x.isFinite, case .number(let value) = Function.round(x, digits: digits) else {
          return x
        }
        return value
      }
      return Self.number(
        rounded(low), rounded(high), whole || digits <= 0, argument(0).canBeEmpty)
    case .if:
      return argument(1).union(argument(2))
    case .match:
      var result: ValueBound?
      var index = 2
      while index < arguments.count {
        result = result.map { $0.union(bounds[index]) } ?? bounds[index]
        index += 2
      }
      if arguments.count % 2 == 0 {
        // The last argument is the fallback.
        result = result.map { $0.union(bounds[arguments.count - 1]) } ?? bounds[arguments.count - 1]
      } else {
        result?.canBeEmpty = true
      }
      return result ?? ValueBound(.other)
    case .lowest, .highest, .lowestWithin, .highestWithin:
      let longest = arguments.compactMap { argument -> Int? in
        if case .name(let name, _) = argument { name.count } else { nil }
      }.max()
      return text(longest ?? 0)
    case .weekday:
      return text(9)
    case .dateText:
      return text(40)
    case .momentText:
      return text(40)
    case .timeText:
      return text(5)
    case .date:
      return ValueBound(.other)
    case .workday, .answered, .contains:
      return ValueBound(.other, canBeEmpty: function == .workday)
    case .daysBetween:
      return ValueBound(.number(low: -.infinity, high: .infinity, whole: true))
    case .length:
      return ValueBound(
        .number(low: 0, high: Double(argument(0).displayLength), whole: true),
        canBeEmpty: argument(0).canBeEmpty)
    case .item:
      if case .list(_, let length) = argument(0).shape { return text(length) }
      return text(argument(0).displayLength)
    case .label:
      let label =
        arguments.dropFirst().compactMap { argument -> Int? in
          if case .name(let name, _) = argument { longestLabel(name) } else { nil }
        }.max() ?? 0
      if case .list(let items, let length) = argument(0).shape {
        return text(Self.sum(length, Self.product(items, Self.sum(label, 2))))
      }
      return text(Swift.max(argument(0).displayLength, label))
    case .number:
      return ValueBound.anyNumber
    case .repeat:
      var times = 1000
      if case .number(_, let high, _) = argument(1).shape, high.isFinite {
        times = Int(Swift.min(Swift.max(high.rounded(), 0), 1000))
      }
      return text(Self.product(argument(0).displayLength, times))
    case .join:
      let parts = bounds.dropFirst().reduce(0) { Self.sum($0, $1.displayLength) }
      let separators = Self.product(argument(0).displayLength, Swift.max(arguments.count - 2, 0))
      return text(Self.sum(parts, separators), canBeEmpty: false)
    case .text, .lower, .upper, .capitalize, .trim:
      return text(argument(0).displayLength)
    case .matches, .startsWith, .endsWith, .containsAny:
      return ValueBound(.other, canBeEmpty: false)
    case .replace:
      // At most every character of the text starts an `old`, each replaced by `new`.
      var shortestOld = 1
      if case .literal(.text(let old), _)? = arguments.dropFirst().first, !old.isEmpty {
        shortestOld = old.count
      }
      let length = argument(0).displayLength
      return text(
        Self.sum(length, Self.product(length / shortestOld, argument(2).displayLength)))
    case .words:
      return ValueBound(
        .number(low: 0, high: Double(argument(0).displayLength), whole: true),
        canBeEmpty: argument(0).canBeEmpty)
    case .plural:
      let word = bounds.dropFirst().map(\.displayLength).max() ?? 0
      return text(Self.sum(argument(0).displayLength, Self.sum(word, 2)))
    case .visits:
      return ValueBound(.number(low: 0, high: .infinity, whole: true), canBeEmpty: false)
    }
  }

  static func number(_ low: Double, _ high: Double, _ whole: Bool, _ canBeEmpty: Bool)
    -> ValueBound
  {
    // Infinity minus infinity and the like: nothing is known.
    guard !low.isNaN, !high.isNaN else { return ValueBound.anyNumber }
    return ValueBound(.number(low: low, high: high, whole: whole), canBeEmpty: canBeEmpty)
  }

  static func items(of bound: ValueBound) -> Int {
    if case .list(let items, _) = bound.shape { return items }
    return 1
  }

  static func sum(_ a: Int, _ b: Int) -> Int {
    let (result, overflow) = a.addingReportingOverflow(b)
    return overflow ? Int.max : result
  }

  static func product(_ a: Int, _ b: Int) -> Int {
    let (result, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : result
  }
}
