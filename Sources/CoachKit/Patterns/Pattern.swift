/// A `pattern:` that a text answer must match as a whole, in coach's own dialect of regular
/// expressions: literals, `.`, classes `[a-z]` and `[^…]`, `\d \w \s` and their negations,
/// groups `(…)` and `(?:…)`, `|`, `* + ?`, `{m}`, `{m,}`, `{m,n}`, `^ $ \b \B`, and the flags
/// `(?i)` and `(?s)` at the start. The reference is docs/dialogue-format.md ("Patterns").
///
///     let pattern = try Pattern("(?i)(mon|tue)[a-z]* [0-9]{1,2}:[0-9]{2}")
///     pattern.matches("Tuesday 9:30")   // true
///     pattern.matches("soon")           // false
///
/// Why our own: a pattern is written by an author and run on what a person types, so matching
/// must take time linear in the answer whatever the pattern. Swift's `Regex` and
/// `NSRegularExpression` backtrack (`(a|a)*b` on 22 a's took 2.1 s, doubling with each one) and
/// have no step limit; RE2 would need a system package at build time, which coach does not allow;
/// no Swift package in our dependency set matches in linear time. So patterns are compiled into
/// an automaton (``PatternProgram``) that follows all paths at once, and what needs backtracking
/// (backreferences, lookaround) is refused with a message at its column.
public struct Pattern: Sendable {
  /// The pattern as written.
  public let source: String
  let program: PatternProgram

  /// Compiles `source`, or says what in it is not supported, and where (in characters).
  public init(_ source: String) throws(PatternError) {
    let (node, flags) = try PatternParser.parse(source)
    self.source = source
    self.program = try PatternProgram(node, flags: flags)
  }

  /// At most how many steps matching takes per character of an answer (at most 2,000).
  public var stepsPerCharacter: Int { program.stepsPerCharacter }

  /// The most steps matching one answer may take: a pattern of 2,000 steps on an answer of 2,000
  /// characters (the default `max_length`), a few tens of milliseconds. The checker refuses a
  /// pattern whose steps times its question's `max_length` exceed it.
  public static let maxStepsPerAnswer = PatternProgram.maxSize * 2_000

  /// Whether the whole of `text` matches.
  public func matches(_ text: String) -> Bool {
    program.matchesWhole(text)
  }
}
