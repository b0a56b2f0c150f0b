/// Where the characters of a value from a dialogue file were written, so that a message about one
/// character inside a text or an expression points at its own line and column: also inside a `|`
/// or `>` block, in plain text over several lines, and in quotes with escapes (`\"`, `''`).
///
///     // say: "Hello {{nmae}}"   (line 3, the quote at column 6)
///     let span = SourceSpan(start: SourceLocation(file: "a.yaml", line: 3, column: 7))
///     span.location(ofScalar: 8, in: "Hello {{nmae}}")  // a.yaml:3:15
///
/// Most values are written as themselves on one line, and a place inside them is a number of
/// columns to the right. For the others the span keeps the text as written and lines the value up
/// against it: a value's characters appear in the written text in the same order, apart from
/// what YAML adds around them (quotes, escapes, indentation, folded line breaks).
public struct SourceSpan: Sendable {
  /// How a YAML scalar was written.
  public enum Style: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  /// Where the value's first character stands; for a block, the first line of its text.
  public let start: SourceLocation
  private let written: Written?

  /// The text of a scalar as written, from its first character (a quote, a `|`) to its last.
  /// A class, so that a span costs a Text or a Formula one reference beyond its start.
  private final class Written: Sendable {
    let text: String
    let style: Style
    /// Where `text` starts in the file.
    let origin: SourceLocation
    /// The Unicode scalar of `text` where the value starts; for a fresh block, the start of the
    /// line after its header (its indentation comes next).
    let content: Int
    /// Whether `content` is at the start of a block's first line, before its indentation.
    let atBlockStart: Bool
    /// The spaces before the first line of a block that holds more than spaces; 0 for other
    /// styles. The block's indentation is that, less the spaces the value itself starts with
    /// (after `|2`, a line may start with more spaces than the block's indentation).
    let firstLineSpaces: Int
    /// The block's indentation, when known from the whole value (a span that starts inside it).
    let knownIndentation: Int?

    init(
      text: String, style: Style, origin: SourceLocation, content: Int, atBlockStart: Bool,
      firstLineSpaces: Int, knownIndentation: Int? = nil
    ) {
      self.text = text
      self.style = style
      self.origin = origin
      self.content = content
      self.atBlockStart = atBlockStart
      self.firstLineSpaces = firstLineSpaces
      self.knownIndentation = knownIndentation
    }

    /// A block's indentation, worked out from its value: what the file has before the first line
    /// that holds more than spaces, less what the value has.
    func indentation(of value: [Unicode.Scalar]) -> Int {
      guard style == .literal || style == .folded else { return 0 }
      if let knownIndentation { return knownIndentation }
      var index = 0
      while index < value.count {
        var spaces = 0
        while index + spaces < value.count, value[index + spaces] == " " { spaces += 1 }
        if index + spaces < value.count, value[index + spaces] == "\n" {
          index += spaces + 1
          continue
        }
        return max(firstLineSpaces - spaces, 0)
      }
      return firstLineSpaces
    }
  }

  /// A value written as itself on one line, starting at `start`.
  public init(start: SourceLocation) {
    self.start = start
    self.written = nil
  }

  /// A scalar written as `text`, starting at `origin` (its quote, or its `|` or `>`).
  public init(written text: String, style: Style, at origin: SourceLocation) {
    let scalars = Array(text.unicodeScalars)
    var content = 0
    var firstLineSpaces = 0
    switch style {
    case .singleQuoted, .doubleQuoted:
      content = 1
    case .literal, .folded:
      // The header line (`|-`, `>2 # comment`) holds no text.
      while content < scalars.count, !Self.isBreak(scalars[content]) { content += 1 }
      content = Self.skipBreak(scalars, content)
      // Indented like its first line that holds more than spaces.
      var probe = content
      while probe < scalars.count {
        var spaces = 0
        while probe + spaces < scalars.count, scalars[probe + spaces] == " " { spaces += 1 }
        if probe + spaces < scalars.count, Self.isBreak(scalars[probe + spaces]) {
          probe = Self.skipBreak(scalars, probe + spaces)
          continue
        }
        firstLineSpaces = spaces
        break
      }
    case .plain:
      break
    }
    let written = Written(
      text: text, style: style, origin: origin, content: content,
      atBlockStart: style == .literal || style == .folded, firstLineSpaces: firstLineSpaces)
    self.written = written
    let first = Self.skipIndentation(scalars, content, firstLineSpaces)
    self.start = Self.location(ofWritten: [first], in: scalars, from: origin)[0]
  }

  private init(start: SourceLocation, written: Written?) {
    self.start = start
    self.written = written
  }

  /// Whether the value is its own text, written from ``start`` on (a place in its first line is
  /// that many columns to the right; its later lines, if any, start in the same column: a file
  /// read whole, such as a plan's template file, starts at column 1).
  public var isWrittenAsItself: Bool { written == nil }

  // MARK: - Places inside the value

  /// Where the Unicode scalar `offset` of `value` was written.
  public func location(ofScalar offset: Int, in value: String) -> SourceLocation {
    locations(ofScalars: [offset], in: value)[0]
  }

  /// Where the Character `offset` of `value` was written (expressions count Characters).
  public func location(ofCharacter offset: Int, in value: String) -> SourceLocation {
    location(ofScalar: Self.scalarOffset(ofCharacter: offset, in: value), in: value)
  }

  /// Where the scalar at `line` and `column` of `value` was written, both from 1, lines split at
  /// `\n` and columns counted in Unicode scalars.
  public func location(line: Int, column: Int, in value: String) -> SourceLocation {
    locations(ofLinesAndColumns: [(line, column)], in: value)[0]
  }

  /// ``location(line:column:in:)`` for many places at once, in one pass over the value: the
  /// places must be in the order they appear in it.
  public func locations(ofLinesAndColumns places: [(line: Int, column: Int)], in value: String)
    -> [SourceLocation]
  {
    if written == nil {
      return places.map { place in
        place.line == 1
          ? start.movedRight(by: place.column - 1)
          : SourceLocation(
            file: start.file, line: start.line + place.line - 1,
            column: start.column + place.column - 1)
      }
    }
    var offsets: [Int] = []
    offsets.reserveCapacity(places.count)
    var line = 1
    var lineStart = 0
    var offset = 0
    var scalars = value.unicodeScalars.makeIterator()
    for place in places {
      while line < place.line, let scalar = scalars.next() {
        offset += 1
        if scalar == "\n" {
          line += 1
          lineStart = offset
        }
      }
      offsets.append(lineStart + place.column - 1)
    }
    return locations(ofScalars: offsets, in: value)
  }

  /// ``location(ofScalar:in:)`` for many offsets at once, in ascending order, in one pass.
  public func locations(ofScalars offsets: [Int], in value: String) -> [SourceLocation] {
    guard let written else {
      guard value.utf8.contains(UInt8(ascii: "\n")) else {
        return offsets.map { start.movedRight(by: $0) }
      }
      // Lines and columns of the offsets, then places in the file.
      var places: [(line: Int, column: Int)] = []
      var line = 1
      var lineStart = 0
      var offset = 0
      var scalars = value.unicodeScalars.makeIterator()
      for wanted in offsets {
        while offset < wanted, let scalar = scalars.next() {
          offset += 1
          if scalar == "\n" {
            line += 1
            lineStart = offset
          }
        }
        places.append((line, wanted - lineStart + 1))
      }
      return locations(ofLinesAndColumns: places, in: value)
    }
    let text = Array(written.text.unicodeScalars)
    guard let indexes = align(Array(value.unicodeScalars), text, written, offsets) else {
      // Not lined up (it should not happen): the start of the value is still the right line.
      return offsets.map { _ in start }
    }
    return Self.location(ofWritten: indexes, in: text, from: written.origin)
  }

  /// The span of `value` without its first `count` scalars (the `=` before an expression).
  public func dropping(_ count: Int, of value: String) -> SourceSpan {
    guard let written else { return SourceSpan(start: start.movedRight(by: count)) }
    let text = Array(written.text.unicodeScalars)
    let scalars = Array(value.unicodeScalars)
    guard let index = align(scalars, text, written, [count])?.first else { return self }
    let rest = Written(
      text: written.text, style: written.style, origin: written.origin, content: index,
      atBlockStart: false, firstLineSpaces: written.firstLineSpaces,
      knownIndentation: written.indentation(of: scalars))
    return SourceSpan(
      start: Self.location(ofWritten: [index], in: text, from: written.origin)[0], written: rest)
  }

  // MARK: - Lining the value up with the written text

  /// The index in `text` of each of `offsets` (ascending) of `value`; nil if they do not line up.
  private func align(
    _ value: [Unicode.Scalar], _ text: [Unicode.Scalar], _ written: Written, _ offsets: [Int]
  ) -> [Int]? {
    let style = written.style
    let isBlock = style == .literal || style == .folded
    var result: [Int] = []
    result.reserveCapacity(offsets.count)
    var wanted = offsets.makeIterator()
    guard var target = wanted.next() else { return [] }
    let indentation = written.indentation(of: value)
    var j = written.content
    if written.atBlockStart { j = Self.skipIndentation(text, j, indentation) }
    var i = 0
    /// Past a line break, and a block's indentation on the next line.
    func pastBreak(_ index: Int) -> Int {
      let next = Self.skipBreak(text, index)
      return isBlock ? Self.skipIndentation(text, next, indentation) : next
    }
    while true {
      // Past the value's end (a block's final line break is often not kept): its last place.
      guard i < value.count else {
        let last = min(j, text.count - 1)
        while true {
          result.append(max(last, 0))
          guard let next = wanted.next() else { return result }
          target = next
        }
      }
      let c = value[i]
      var matched: Int?
      while matched == nil {
        guard j < text.count else { return nil }
        let x = text[j]
        if style == .doubleQuoted, x == "\\" {
          if j + 1 < text.count, Self.isBreak(text[j + 1]) {
            // An escaped line break joins the lines, and the next line's blanks are not kept.
            j = Self.skipBreak(text, j + 1)
            while j < text.count, text[j] == " " || text[j] == "\t" { j += 1 }
            continue
          }
          matched = j
          j += Self.escapeLength(text, j)
        } else if x == c {
          matched = j
          j += 1
          if style == .singleQuoted, c == "'" { j += 1 }
          if isBlock, Self.isBreak(x) { j = Self.skipIndentation(text, j, indentation) }
        } else if Self.isBreak(x), c == "\n" || c == " " {
          // A line break kept as `\n`, or folded into a space.
          matched = j
          j = pastBreak(j)
        } else if x == " " || x == "\t" {
          j += 1
        } else if Self.isBreak(x) {
          j = pastBreak(j)
        } else {
          return nil
        }
      }
      while i == target {
        result.append(matched!)
        guard let next = wanted.next() else { return result }
        target = next
      }
      i += 1
    }
  }

  /// The line and column of each of `indexes` (ascending) of `text`, which starts at `origin`.
  private static func location(
    ofWritten indexes: [Int], in text: [Unicode.Scalar], from origin: SourceLocation
  ) -> [SourceLocation] {
    var result: [SourceLocation] = []
    result.reserveCapacity(indexes.count)
    var line = origin.line
    var column = origin.column
    var index = 0
    for wanted in indexes {
      while index < wanted, index < text.count {
        if isBreak(text[index]) {
          index = skipBreak(text, index)
          line += 1
          column = 1
        } else {
          index += 1
          column += 1
        }
      }
      result.append(SourceLocation(file: origin.file, line: line, column: column))
    }
    return result
  }

  /// Line breaks as libyaml counts them for its marks.
  private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": true
    default: false
    }
  }

  /// Past the line break at `index` (CR LF is one), or `index` itself if there is none.
  private static func skipBreak(_ text: [Unicode.Scalar], _ index: Int) -> Int {
    guard index < text.count, isBreak(text[index]) else { return index }
    if text[index] == "\r", index + 1 < text.count, text[index + 1] == "\n" { return index + 2 }
    return index + 1
  }

  private static func skipIndentation(_ text: [Unicode.Scalar], _ index: Int, _ spaces: Int)
    -> Int
  {
    var index = index
    var left = spaces
    while left > 0, index < text.count, text[index] == " " {
      index += 1
      left -= 1
    }
    return index
  }

  /// How many scalars the escape at `index` takes: `\x41`, `\u00e9`, `\U0001F600`, or two.
  private static func escapeLength(_ text: [Unicode.Scalar], _ index: Int) -> Int {
    guard index + 1 < text.count else { return 1 }
    switch text[index + 1] {
    case "x": return 4
    case "u": return 6
    case "U": return 10
    default: return 2
    }
  }

  private static func scalarOffset(ofCharacter offset: Int, in value: String) -> Int {
    guard offset > 0 else { return offset }
    if value.utf8.allSatisfy({ $0 < 0x80 }) { return offset }
    let end = value.index(value.startIndex, offsetBy: offset, limitedBy: value.endIndex)
    guard let end else {
      return value.unicodeScalars.count + offset - value.count
    }
    return value.unicodeScalars[..<end].count
  }
}
