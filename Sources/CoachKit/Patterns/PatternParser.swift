/// Reads a `pattern:` in coach's dialect of regular expressions into a ``PatternNode``, refusing
/// what the dialect leaves out (backreferences, lookaround, flags other than `(?i)` and `(?s)` at
/// the start) with a message at the character where it is written.
///
///     let (node, flags) = try PatternParser.parse("(?i)[a-z]+ [0-9]{1,2}")
///
/// The dialect is documented in docs/dialogue-format.md ("Patterns"). It is our own because no
/// library we may depend on matches in linear time (see ``Pattern``); the parser is the small
/// part of that.
struct PatternParser {
  /// The flags written at the start of a pattern.
  struct Flags: Sendable, Hashable {
    /// `(?i)`: letters match in either case.
    var ignoresCase = false
    /// `(?s)`: `.` also matches line breaks.
    var dotMatchesLineBreaks = false
  }

  /// Groups nested deeper than this are refused: the parser and the compiler recurse into them.
  static let maxGroupDepth = 32
  /// The largest count in `{m,n}`.
  static let maxCount = 1000

  private let characters: [Character]
  private var index = 0
  private var depth = 0
  private var flags = Flags()

  private init(_ source: String) { characters = Array(source) }

  static func parse(_ source: String) throws(PatternError) -> (PatternNode, Flags) {
    var parser = PatternParser(source)
    try parser.readLeadingFlags()
    let node = try parser.readAlternation()
    if parser.index < parser.characters.count {
      // readAlternation stops only at the end or at a ')' it did not open.
      throw PatternError(
        "')' closes no group; write \\) for a parenthesis", at: parser.index)
    }
    return (node, parser.flags)
  }

  // MARK: - Structure

  /// `(?i)`, `(?s)`, `(?is)`, at the very start.
  private mutating func readLeadingFlags() throws(PatternError) {
    while let end = flagGroupEnd(at: index) {
      guard characters[end] == ")" else {
        throw PatternError(
          "scoped flags like (?i:…) are not supported; put (?i) at the very start of the pattern",
          at: index)
      }
      for offset in (index + 2)..<end {
        switch characters[offset] {
        case "i": flags.ignoresCase = true
        case "s": flags.dotMatchesLineBreaks = true
        default:
          throw PatternError(
            "the flag '\(characters[offset])' is not supported; coach knows (?i) (ignore case) and (?s) (. matches line breaks)",
            at: offset)
        }
      }
      index = end + 1
    }
  }

  /// When `offset` starts `(?letters)` or `(?letters:`, where the letters end.
  private func flagGroupEnd(at offset: Int) -> Int? {
    guard offset + 2 < characters.count, characters[offset] == "(", characters[offset + 1] == "?"
    else { return nil }
    var end = offset + 2
    while end < characters.count, characters[end].isLetter || characters[end] == "-" { end += 1 }
    guard end > offset + 2, end < characters.count, characters[end] == ")" || characters[end] == ":"
    else { return nil }
    return end
  }

  private mutating func readAlternation() throws(PatternError) -> PatternNode {
    var branches = [try readSequence()]
    while index < characters.count, characters[index] == "|" {
      index += 1
      branches.append(try readSequence())
    }
    return branches.count == 1 ? branches[0] : .alternation(branches)
  }

  private mutating func readSequence() throws(PatternError) -> PatternNode {
    var items: [PatternNode] = []
    while index < characters.count, characters[index] != "|", characters[index] != ")" {
      let (atom, repeatable) = try readAtom()
      guard let quantifier = try readQuantifier() else {
        items.append(atom)
        continue
      }
      guard repeatable else {
        throw PatternError(
          "'\(characters[quantifier.at])' has nothing to repeat here", at: quantifier.at)
      }
      if index < characters.count, isQuantifierStart(at: index) {
        throw PatternError(
          "a repetition of a repetition; put the first in a group, like (a{2})*", at: index)
      }
      items.append(
        .repetition(atom, min: quantifier.min, max: quantifier.max, at: quantifier.at))
    }
    switch items.count {
    case 0: return .empty
    case 1: return items[0]
    default: return .sequence(items)
    }
  }

  /// One thing a quantifier may follow, and whether it may (assertions may not).
  private mutating func readAtom() throws(PatternError) -> (PatternNode, Bool) {
    let start = index
    let character = characters[index]
    index += 1
    switch character {
    case "(": return (try readGroup(openedAt: start), true)
    case "[": return (.test(try readClass(openedAt: start)), true)
    case ".": return (.test(.any(newlines: flags.dotMatchesLineBreaks)), true)
    case "^": return (.assertion(.start), false)
    case "$": return (.assertion(.end), false)
    case "\\":
      switch try readEscape(at: start, inClass: false) {
      case .character(let escaped): return (literal(escaped), true)
      case .property(let property, let negated):
        return (.test(.property(property, negated: negated)), true)
      case .assertion(let assertion): return (.assertion(assertion), false)
      }
    case "*", "+", "?":
      throw PatternError(
        "'\(character)' has nothing to repeat; write \\\(character) for the character itself",
        at: start)
    case "{":
      throw PatternError(
        "'{' starts a repetition like {2,5} and needs something before it; write \\{ for a brace",
        at: start)
    default:
      return (literal(character), true)
    }
  }

  private func literal(_ character: Character) -> PatternNode {
    .test(.character(flags.ignoresCase ? CharacterFolding.lower(character) : character))
  }

  /// After `(`: a group, plain or `(?:…)` or named, up to its `)`.
  private mutating func readGroup(openedAt open: Int) throws(PatternError) -> PatternNode {
    if index < characters.count, characters[index] == "?" {
      try readGroupKind(openedAt: open)
    }
    depth += 1
    guard depth <= Self.maxGroupDepth else {
      throw PatternError("groups are nested more than \(Self.maxGroupDepth) deep", at: open)
    }
    let inner = try readAlternation()
    guard index < characters.count, characters[index] == ")" else {
      throw PatternError("'(' is never closed with ')'", at: open)
    }
    index += 1
    depth -= 1
    return inner
  }

  /// After `(?`: accepts `(?:`, `(?<name>`, `(?P<name>` and `(?'name'`; refuses the rest.
  private mutating func readGroupKind(openedAt open: Int) throws(PatternError) {
    let after = index + 1
    let next = after < characters.count ? characters[after] : nil
    let following = after + 1 < characters.count ? characters[after + 1] : nil
    switch next {
    case ":":
      index = after + 1
    case "=", "!":
      throw PatternError(
        "lookahead (?\(next!)…) is not supported: a pattern describes the whole answer", at: open)
    case "<" where following == "=" || following == "!":
      throw PatternError(
        "lookbehind (?<\(following!)…) is not supported: a pattern describes the whole answer",
        at: open)
    case "<", "'", "P":
      // A named group: the name is only a label here.
      var position = next == "P" ? after + 1 : after
      guard position < characters.count, characters[position] == "<" || characters[position] == "'"
      else {
        throw PatternError("(?P… is not supported, except (?P<name>…) for a named group", at: open)
      }
      let closing: Character = characters[position] == "<" ? ">" : "'"
      position += 1
      let nameStart = position
      while position < characters.count,
        characters[position].isLetter || characters[position].isNumber
          || characters[position] == "_"
      {
        position += 1
      }
      guard position > nameStart, position < characters.count, characters[position] == closing
      else {
        throw PatternError("a named group is written (?<name>…)", at: open)
      }
      index = position + 1
    case ">":
      throw PatternError(
        "atomic groups (?>…) are not supported (nor needed: coach's matching never backtracks)",
        at: open)
    default:
      if flagGroupEnd(at: open) != nil {
        throw PatternError(
          "flags like (?i) and (?s) go at the very start of the pattern, and apply to all of it",
          at: open)
      }
      throw PatternError(
        "'(?' starts only (?:…) and (?<name>…) groups, or (?i) and (?s) at the start; write \\? for a question mark",
        at: open)
    }
  }

  // MARK: - Classes

  /// After `[`: the class up to its `]`.
  private mutating func readClass(openedAt open: Int) throws(PatternError) -> CharacterTest {
    var negated = false
    if index < characters.count, characters[index] == "^" {
      negated = true
      index += 1
    }
    if index < characters.count, characters[index] == "]" {
      throw PatternError(
        "an empty class '[]'; write \\] for a bracket inside a class", at: index - 1)
    }
    var items: [CharacterTest.ClassItem] = []
    while true {
      guard index < characters.count else {
        throw PatternError("'[' is never closed with ']'", at: open)
      }
      let start = index
      let character = characters[index]
      if character == "]" {
        index += 1
        break
      }
      if character == "[" {
        throw PatternError(
          "'[' inside a class: nested classes and [:alpha:] are not supported; write \\[ for a bracket",
          at: start)
      }
      if ["&", "~", "-"].contains(character), index + 1 < characters.count,
        characters[index + 1] == character
      {
        throw PatternError(
          "'\(character)\(character)' inside a class: set operations are not supported; write \\\(character) for the character",
          at: start)
      }
      let item = try readClassAtom()
      guard case .character(let low) = item, index + 1 < characters.count,
        characters[index] == "-", characters[index + 1] != "]"
      else {
        items.append(item)
        continue
      }
      index += 1
      let highStart = index
      if characters[index] == "[" {
        throw PatternError("a range ends with a single character, like a-z", at: highStart)
      }
      guard case .character(let high) = try readClassAtom() else {
        throw PatternError("a range ends with a single character, like a-z", at: highStart)
      }
      guard let lowScalar = CharacterFolding.singleScalar(low),
        let highScalar = CharacterFolding.singleScalar(high)
      else {
        throw PatternError("a range is between two single characters, like a-z", at: start)
      }
      guard lowScalar <= highScalar else {
        throw PatternError("the range \(low)-\(high) is backwards; write \(high)-\(low)", at: start)
      }
      items.append(.range(lowScalar, highScalar))
    }
    return .oneOf(CharacterClass(items, negated: negated))
  }

  private mutating func readClassAtom() throws(PatternError) -> CharacterTest.ClassItem {
    let start = index
    let character = characters[index]
    index += 1
    guard character == "\\" else {
      return .character(flags.ignoresCase ? CharacterFolding.lower(character) : character)
    }
    switch try readEscape(at: start, inClass: true) {
    case .character(let literal):
      return .character(flags.ignoresCase ? CharacterFolding.lower(literal) : literal)
    case .property(let property, let negated): return .property(property, negated: negated)
    case .assertion:
      throw PatternError("'\\b' inside a class is not supported", at: start)
    }
  }

  // MARK: - Escapes

  private enum Escape {
    case character(Character)
    case property(CharacterProperty, negated: Bool)
    case assertion(PatternAssertion)
  }

  /// After a backslash at `start`.
  private mutating func readEscape(at start: Int, inClass: Bool) throws(PatternError) -> Escape {
    guard index < characters.count else {
      throw PatternError(
        "a pattern cannot end with a single \\; write \\\\ for a backslash", at: start)
    }
    let character = characters[index]
    index += 1
    switch character {
    case "d": return .property(.digit, negated: false)
    case "D": return .property(.digit, negated: true)
    case "w": return .property(.word, negated: false)
    case "W": return .property(.word, negated: true)
    case "s": return .property(.space, negated: false)
    case "S": return .property(.space, negated: true)
    case "b" where !inClass: return .assertion(.wordBoundary)
    case "B" where !inClass: return .assertion(.notWordBoundary)
    case "n": return .character("\n")
    case "t": return .character("\t")
    case "r": return .character("\r")
    case "f": return .character("\u{0C}")
    case "u", "x": return .character(try readScalar(at: start, letter: character))
    case "1"..."9", "k", "g":
      throw PatternError(
        "backreferences like \\1 are not supported: a pattern cannot ask for a repeat of what it matched",
        at: start)
    case "A", "z", "Z", "G":
      throw PatternError(
        "\\\(character) is not supported: a pattern always matches the whole answer (^ and $ may be written)",
        at: start)
    case "p", "P":
      throw PatternError(
        "Unicode properties like \\p{L} are not supported; use \\w, \\d, \\s or a class like [a-z]",
        at: start)
    default:
      if character.isLetter || character.isNumber {
        throw PatternError(
          "\\\(character) is not a known escape; write the character itself, or \\\\ for a backslash",
          at: start)
      }
      // Punctuation and symbols stand for themselves: \. \* \( \\ \-
      return .character(character)
    }
  }

  /// `\u{1F600}`, `\u00E9`, `\x{E9}`, `\xE9`: one code point in hexadecimal.
  private mutating func readScalar(at start: Int, letter: Character) throws(PatternError)
    -> Character
  {
    var digits = ""
    if index < characters.count, characters[index] == "{" {
      var position = index + 1
      while position < characters.count, characters[position] != "}", digits.count <= 8 {
        digits.append(characters[position])
        position += 1
      }
      guard position < characters.count, characters[position] == "}" else {
        throw PatternError("\\\(letter){…} needs a closing '}'", at: start)
      }
      index = position + 1
    } else {
      let width = letter == "u" ? 4 : 2
      guard index + width <= characters.count else {
        throw PatternError("\\\(letter) needs \(width) hexadecimal digits", at: start)
      }
      digits = String(characters[index..<(index + width)])
      index += width
    }
    guard let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
      throw PatternError("\\\(letter) needs a code point in hexadecimal, like \\u{E9}", at: start)
    }
    return Character(scalar)
  }

  // MARK: - Quantifiers

  private func isQuantifierStart(at offset: Int) -> Bool {
    switch characters[offset] {
    case "*", "+", "?": return true
    case "{": return braceQuantifier(at: offset) != nil
    default: return false
    }
  }

  /// `*`, `+`, `?`, `{m}`, `{m,}`, `{m,n}` or `{,n}` at the current position (and a lazy `?`
  /// after it, which changes nothing when the whole answer must match).
  private mutating func readQuantifier() throws(PatternError) -> (min: Int, max: Int?, at: Int)? {
    guard index < characters.count else { return nil }
    let start = index
    var result: (min: Int, max: Int?, at: Int)
    switch characters[index] {
    case "*": result = (0, nil, start)
    case "+": result = (1, nil, start)
    case "?": result = (0, 1, start)
    case "{":
      guard let brace = braceQuantifier(at: index) else { return nil }
      for count in [brace.min, brace.max].compactMap({ $0 }) where count > Self.maxCount {
        throw PatternError(
          "a repetition count is at most \(Self.maxCount); for longer answers use max_length",
          at: start)
      }
      if let max = brace.max, max < brace.min {
        throw PatternError("{\(brace.min),\(max)}: the first count is the smaller", at: start)
      }
      result = (brace.min, brace.max, start)
      index = brace.end - 1
    default: return nil
    }
    index += 1
    if index < characters.count, characters[index] == "?" {
      index += 1
    } else if index < characters.count, characters[index] == "+" {
      throw PatternError(
        "possessive repetitions like a*+ are not supported (nor needed: matching never backtracks)",
        at: index)
    }
    return result
  }

  /// `{m}`, `{m,}`, `{m,n}`, `{,n}` at `offset`: its counts (saturated, so that a huge one is
  /// reported rather than overflowing) and the offset after its `}`.
  private func braceQuantifier(at offset: Int) -> (min: Int, max: Int?, end: Int)? {
    var position = offset + 1
    func number() -> Int? {
      let start = position
      var value = 0
      while position < characters.count, let digit = characters[position].wholeNumberValue,
        characters[position].isASCII
      {
        value = Swift.min(value * 10 + digit, Self.maxCount + 1)
        position += 1
      }
      return position > start ? value : nil
    }
    let low = number()
    var high: Int?
    if position < characters.count, characters[position] == "," {
      position += 1
      high = number()
      guard low != nil || high != nil else { return nil }
    } else {
      guard low != nil else { return nil }
      high = low
    }
    guard position < characters.count, characters[position] == "}" else { return nil }
    // `{m,}`: the comma right before the brace leaves it unbounded.
    let isUnbounded = characters[position - 1] == ","
    return (low ?? 0, isUnbounded ? nil : high, position + 1)
  }
}
