/// What one step of a pattern accepts: a single character of the answer.
///
///     CharacterTest.character("a")                       // a
///     CharacterTest.any(newlines: false)                 // .
///     CharacterTest.property(.digit, negated: true)      // \D
///     CharacterTest.oneOf([.range(0x61, 0x7A)], negated: false)  // [a-z]
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
  case oneOf([ClassItem], negated: Bool)

  enum ClassItem: Sendable, Hashable {
    case character(Character)
    case range(UInt32, UInt32)
    case property(CharacterProperty, negated: Bool)
  }

  /// How much work the test is, for ``PatternProgram/stepsPerCharacter``: a class counts its items.
  var itemCount: Int {
    if case .oneOf(let items, _) = self { return Swift.max(items.count, 1) }
    return 1
  }

  /// Whether `input` passes. Under `(?i)`, literals were folded when the pattern was compiled and
  /// `folded` is the input's folded form.
  func passes(_ input: Character, folded: Character, ignoringCase: Bool) -> Bool {
    switch self {
    case .character(let wanted):
      return (ignoringCase ? folded : input) == wanted
    case .any(let newlines):
      return newlines || !input.isNewline
    case .property(let property, let negated):
      return property.holds(for: input) != negated
    case .oneOf(let items, let negated):
      return items.contains { $0.passes(input, folded: folded, ignoringCase: ignoringCase) }
        != negated
    }
  }
}

extension CharacterTest.ClassItem {
  fileprivate func passes(_ input: Character, folded: Character, ignoringCase: Bool) -> Bool {
    switch self {
    case .character(let wanted):
      return (ignoringCase ? folded : input) == wanted
    case .range(let low, let high):
      if let scalar = CharacterFolding.singleScalar(input), low <= scalar && scalar <= high {
        return true
      }
      guard ignoringCase else { return false }
      // [A-Z] under (?i) takes "a" as well: try the lower- and upper-case forms too.
      for variant in [folded, CharacterFolding.upper(input)] {
        if let scalar = CharacterFolding.singleScalar(variant), low <= scalar && scalar <= high {
          return true
        }
      }
      return false
    case .property(let property, let negated):
      return property.holds(for: input) != negated
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
