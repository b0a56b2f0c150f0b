/// Where `\b` holds in an answer: Unicode's default word boundaries (UAX #29), which is what
/// Swift's own regular expressions use, so that the shipped patterns read answers as before.
///
///     WordBoundaries(Array("when's it")).holds(at: 4)   // false: "when's" is one word
///     WordBoundaries(Array("when, then")).holds(at: 4)  // true
///
/// Unlike the classic `\b` (between `\w` and not `\w`), a boundary is also where two signs meet
/// (`!?`), at the start and end of every answer, and not inside `don't`, `3.5` or `e.g`; but not
/// between two spaces. The rules are UAX #29's WB1–WB13b, applied to characters (a character's
/// combining marks never split from it) by the class of their first code point; Hebrew's quote
/// rules and dictionary-based scripts are left out.
struct WordBoundaries {
  private let boundaries: [Bool]

  /// Works out every position of `input` (0…count) in one pass.
  init(_ input: [Character]) {
    let classes = input.map(WordBreakClass.init)
    // For each position, the nearest character before it that rule WB4 does not skip.
    var previous = [Int](repeating: -1, count: input.count + 1)
    var last = -1
    for index in input.indices {
      previous[index] = last
      if classes[index] != .ignorable || last == -1 || classes[last] == .newline { last = index }
    }
    previous[input.count] = last
    var next = [Int](repeating: input.count, count: input.count + 1)
    var following = input.count
    for index in input.indices.reversed() {
      next[index + 1] = following
      if classes[index] != .ignorable { following = index }
    }
    next[0] = following

    func kind(_ index: Int) -> WordBreakClass? {
      index >= 0 && index < classes.count ? classes[index] : nil
    }
    var boundaries = [Bool](repeating: true, count: input.count + 1)
    for position in stride(from: 1, to: input.count, by: 1) {
      let before = classes[position - 1]
      let after = classes[position]
      // WB3a, WB3b: around line breaks; WB3d: inside a run of spaces; WB4: before a mark.
      if before == .newline || after == .newline { continue }
      if before == .space && after == .space {
        boundaries[position] = false
        continue
      }
      if after == .ignorable {
        boundaries[position] = false
        continue
      }
      let left = kind(previous[position])
      let leftOfLeft = previous[position] >= 0 ? kind(previous[previous[position]]) : nil
      let right = after
      let rightOfRight = kind(next[position + 1])
      boundaries[position] = !Self.joins(
        leftOfLeft: leftOfLeft, left: left, right: right, rightOfRight: rightOfRight)
    }
    self.boundaries = boundaries
  }

  func holds(at position: Int) -> Bool { boundaries[position] }

  /// WB5 to WB13b: the pairs that stay inside one word.
  private static func joins(
    leftOfLeft: WordBreakClass?, left: WordBreakClass?, right: WordBreakClass,
    rightOfRight: WordBreakClass?
  ) -> Bool {
    guard let left else { return false }
    switch (left, right) {
    case (.letter, .letter), (.numeric, .numeric), (.letter, .numeric), (.numeric, .letter),
      (.katakana, .katakana):
      return true  // WB5, WB8, WB9, WB10, WB13
    case (.letter, .extendNumLet), (.numeric, .extendNumLet), (.katakana, .extendNumLet),
      (.extendNumLet, .extendNumLet), (.extendNumLet, .letter), (.extendNumLet, .numeric),
      (.extendNumLet, .katakana):
      return true  // WB13a, WB13b
    case (.letter, _) where right.joinsLetters:
      return rightOfRight == .letter  // WB6
    case (_, .letter) where left.joinsLetters:
      return leftOfLeft == .letter  // WB7
    case (.numeric, _) where right.joinsNumbers:
      return rightOfRight == .numeric  // WB12
    case (_, .numeric) where left.joinsNumbers:
      return leftOfLeft == .numeric  // WB11
    default:
      return false  // WB999
    }
  }
}

/// UAX #29's Word_Break property of a character, from its first code point.
private enum WordBreakClass: Equatable {
  case newline, space, letter, katakana, numeric, extendNumLet
  case midLetter, midNum, midNumLet, singleQuote
  /// Extend, Format and ZWJ: they belong to what comes before them (WB4).
  case ignorable
  case other

  init(_ character: Character) {
    guard let scalar = character.unicodeScalars.first else {
      self = .other
      return
    }
    let value = scalar.value
    let properties = scalar.properties
    if character.isNewline {
      self = .newline
    } else if [0x20, 0x1680, 0x205F, 0x3000].contains(value)
      || (0x2000...0x200A).contains(value)
        && value != 0x2007
    {
      self = .space
    } else if value == 0x27 {
      self = .singleQuote
    } else if [0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A].contains(value) {
      self = .midLetter
    } else if [0x2E, 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E].contains(value) {
      self = .midNumLet
    } else if [
      0x2C, 0x3B, 0x37E, 0x589, 0x60C, 0x60D, 0x66C, 0x7F8, 0x2044, 0xFE10, 0xFE14, 0xFE50,
      0xFE54, 0xFF0C, 0xFF1B,
    ].contains(value) {
      self = .midNum
    } else if properties.generalCategory == .connectorPunctuation || value == 0x202F {
      self = .extendNumLet
    } else if [.nonspacingMark, .spacingMark, .enclosingMark].contains(properties.generalCategory)
      || (properties.generalCategory == .format && value != 0x200B)
    {
      self = .ignorable
    } else if properties.numericType == .decimal {
      self = .numeric
    } else if (0x30A0...0x30FF).contains(value) || (0x31F0...0x31FF).contains(value)
      || (0x32D0...0x32FE).contains(value) || (0x3300...0x3357).contains(value)
      || (0xFF66...0xFF9D).contains(value) || (0x3031...0x3035).contains(value)
      || value == 0x309B || value == 0x309C
    {
      self = .katakana
    } else if properties.isAlphabetic, !properties.isIdeographic,
      !Self.hasOwnWordRules(value)
    {
      self = .letter
    } else {
      self = .other
    }
  }

  /// Hiragana, and the scripts written without spaces (Thai, Lao, Myanmar, Khmer…), which UAX #29
  /// leaves to dictionaries: each character is a word of its own here.
  private static func hasOwnWordRules(_ value: UInt32) -> Bool {
    (0x3040...0x309F).contains(value) || (0x0E00...0x0EFF).contains(value)
      || (0x1000...0x109F).contains(value) || (0x1780...0x17FF).contains(value)
      || (0x1950...0x19DF).contains(value) || (0x1A20...0x1AAF).contains(value)
      || (0xAA60...0xAADF).contains(value)
  }

  /// MidLetter and MidNumLetQ: what may stand inside a word between two letters (`don't`, `e.g`).
  var joinsLetters: Bool { self == .midLetter || self == .midNumLet || self == .singleQuote }
  /// MidNum and MidNumLetQ: what may stand inside a number between two digits (`3.5`, `1,000`).
  var joinsNumbers: Bool { self == .midNum || self == .midNumLet || self == .singleQuote }
}
