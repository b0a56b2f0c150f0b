/// A parsed pattern, before it is compiled: what ``PatternParser`` gives ``PatternProgram``.
///
///     (mon|tue)[a-z]*   →  .sequence([.alternation([…, …]), .repetition(.test(…), min: 0, max: nil)])
indirect enum PatternNode: Sendable, Hashable {
  /// Matches the empty text: an empty pattern, an empty branch `(a|)`.
  case empty
  /// One character that passes the test.
  case test(CharacterTest)
  case sequence([PatternNode])
  case alternation([PatternNode])
  /// `x*`, `x+`, `x?`, `x{m}`, `x{m,}`, `x{m,n}`; `max` nil is unbounded. `at` is the quantifier's
  /// offset, for a repetition that makes the compiled pattern too large.
  case repetition(PatternNode, min: Int, max: Int?, at: Int)
  /// A test of the position, consuming nothing.
  case assertion(PatternAssertion)
}

/// `^`, `$`, `\b`, `\B`.
enum PatternAssertion: Sendable, Hashable {
  /// `^`: the start of the answer.
  case start
  /// `$`: the end of the answer.
  case end
  /// `\b`: between a word character (`\w`) and something else, or the answer's start or end.
  case wordBoundary
  /// `\B`: anywhere `\b` is not.
  case notWordBoundary
}
