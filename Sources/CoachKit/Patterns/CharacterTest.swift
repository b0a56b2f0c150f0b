/// What one step of a pattern accepts: a single character of the answer.
///
///     CharacterTest.character("a")                       // a
///     CharacterTest.any(newlines: false)                 // .
///     CharacterTest.property(.digit, negated: true)      // \D
///     CharacterTest.oneOf(CharacterClass([.range(0x61, 0x7A)], negated: false))  // [a-z]
///
/// Characters are what a person sees (an accented letter typed as two code points is one), as
/// with Swift's own regular expressions. Ranges compare code points, so a character made of
/// several code points is in no range.
enum CharacterTest: Sendable, Hashable {
  case character(Character)
  /// `.`: anything, and with `(?s)` line breaks too.
  case any(newlines: Bool)
  case property(CharacterProperty, negated: Bool)
  /// A class `[…]`, or its negation `[^…]`.
  case oneOf(CharacterClass)

  /// What a class is written with, as the parser reads it.
  enum ClassItem: Sendable, Hashable {
    case character(Character)
    case range(UInt32, UInt32)
    case property(CharacterProperty, negated: Bool)
  }

  /// How much work the test is, for ``PatternProgram/stepsPerCharacter``: a class counts its items.
  var itemCount: Int {
    if case .oneOf(let set) = self { return Swift.max(set.itemCount, 1) }
    return 1
  }

  /// Whether `input` passes. Under `(?i)`, literals were folded when the pattern was compiled
  /// and `input` carries its folded forms.
  func passes(_ input: InputCharacter, ignoringCase: Bool) -> Bool {
    switch self {
    case .character(let wanted):
      return (ignoringCase ? input.folded : input.character) == wanted
    case .any(let newlines):
      return newlines || !input.isNewline
    case .property(let property, let negated):
      return input.has(property) != negated
    case .oneOf(let set):
      return set.contains(input, ignoringCase: ignoringCase)
    }
  }
}

/// A class `[…]` ready for matching: its characters in a set, its ranges and its `\d \w \s`.
struct CharacterClass: Sendable, Hashable {
  private var characters: Set<Character> = []
  private var ranges: [ClosedRange<UInt32>] = []
  private var properties: [Property] = []
  private let negated: Bool

  private struct Property: Sendable, Hashable {
    var property: CharacterProperty
    var negated: Bool
  }

  init(_ items: [CharacterTest.ClassItem], negated: Bool) {
    self.negated = negated
    for item in items {
      switch item {
      case .character(let character): characters.insert(character)
      case .range(let low, let high): ranges.append(low...high)
      case .property(let property, let negated):
        properties.append(Property(property: property, negated: negated))
      }
    }
  }

  var itemCount: Int { characters.count + ranges.count + properties.count }

  func contains(_ input: InputCharacter, ignoringCase: Bool) -> Bool {
    if characters.contains(ignoringCase ? input.folded : input.character) { return !negated }
    for range in ranges {
      // [A-Z] under (?i) takes "a" as well: the lower- and upper-case forms are tried too.
      if let scalar = input.scalar, range.contains(scalar) { return !negated }
      if ignoringCase {
        if let scalar = input.lowerScalar, range.contains(scalar) { return !negated }
        if let scalar = input.upperScalar, range.contains(scalar) { return !negated }
      }
    }
    for item in properties where input.has(item.property) != item.negated { return !negated }
    return negated
  }
}

/// One character of an answer with what the tests ask of it, worked out once per match: a
/// class of thousands of items then costs thousands of comparisons of numbers, not of strings.
struct InputCharacter: Sendable {
  let character: Character
  /// In lower case under `(?i)`; else the character itself.
  let folded: Character
  /// The code point, when the character is a single one; and of its lower and upper case.
  let scalar: UInt32?
  let lowerScalar: UInt32?
  let upperScalar: UInt32?
  let isNewline: Bool
  private let isDigit: Bool
  private let isWord: Bool
  private let isSpace: Bool

  init(_ character: Character, ignoringCase: Bool) {
    self.character = character
    folded = ignoringCase ? CharacterFolding.lower(character) : character
    scalar = CharacterFolding.singleScalar(character)
    lowerScalar = ignoringCase ? CharacterFolding.singleScalar(folded) : nil
    upperScalar =
      ignoringCase ? CharacterFolding.singleScalar(CharacterFolding.upper(character)) : nil
    isNewline = character.isNewline
    isDigit = CharacterProperty.digit.holds(for: character)
    isWord = CharacterProperty.word.holds(for: character)
    isSpace = CharacterProperty.space.holds(for: character)
  }

  func has(_ property: CharacterProperty) -> Bool {
    switch property {
    case .digit: isDigit
    case .word: isWord
    case .space: isSpace
    }
  }
}

/// The classes behind `\d`, `\w` and `\s`.
enum CharacterProperty: Sendable, Hashable {
  /// `\d`: a decimal digit, in any script (`7`, `٧`).
  case digit
  /// `\w`: a letter, a number or `_`.
  case word
  /// `\s`: a space, a tab or a line break.
  case space

  func holds(for character: Character) -> Bool {
    switch self {
    case .digit:
      return character.unicodeScalars.first?.properties.numericType == .decimal
    case .word:
      return character.isLetter || character.isNumber || character == "_"
    case .space:
      return character.isWhitespace
    }
  }
}

/// Case folding for `(?i)`, one character at a time.
enum CharacterFolding {
  /// The character in lower case, when that is one character; else the character itself.
  static func lower(_ character: Character) -> Character {
    if let ascii = character.asciiValue {
      return (65...90).contains(ascii) ? Character(Unicode.Scalar(ascii + 32)) : character
    }
    let lowered = String(character).lowercased()
    return lowered.count == 1 ? lowered.first! : character
  }

  static func upper(_ character: Character) -> Character {
    if let ascii = character.asciiValue {
      return (97...122).contains(ascii) ? Character(Unicode.Scalar(ascii - 32)) : character
    }
    let uppered = String(character).uppercased()
    return uppered.count == 1 ? uppered.first! : character
  }

  /// The code point of a character made of exactly one.
  static func singleScalar(_ character: Character) -> UInt32? {
    let scalars = character.unicodeScalars
    guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex
    else { return nil }
    return first.value
  }
}
