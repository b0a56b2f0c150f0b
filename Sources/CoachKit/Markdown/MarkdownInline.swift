import Foundation

/// Text inside a Markdown block: plain text, **strong**, *emphasis* (or _emphasis_) and `code`.
///
/// The rules are CommonMark's, cut down to what plans use: a delimiter opens only before a
/// non-space and closes only after one, `_` only at a word's edge (so `snake_case_name` stays as
/// it is), a code span is closed by a run of as many backticks as opened it, and a backslash
/// before punctuation keeps it literal. A delimiter that does not pair stays as text.
///
///     MarkdownInline.parse("**Focus:** `coach` _now_")
///     // [.strong([.text("Focus:")]), .text(" "), .code("coach"), .text(" "),
///     //  .emphasis([.text("now")])]
public enum MarkdownInline: Equatable, Sendable {
  case text(String)
  case strong([MarkdownInline])
  case emphasis([MarkdownInline])
  case code(String)

  /// Reads the inline markup of a block's text. Line breaks stay in `.text` as "\n".
  public static func parse(_ text: String) -> [MarkdownInline] {
    var reader = InlineReader(Array(text))
    return reader.read(0..<reader.characters.count, depth: 0)
  }

  /// The text without its markup.
  public static func plainText(_ inlines: [MarkdownInline]) -> String {
    inlines.map { inline in
      switch inline {
      case .text(let text), .code(let text): text
      case .strong(let inner), .emphasis(let inner): plainText(inner)
      }
    }.joined()
  }
}

/// Reads inline markup over an array of characters, by ranges.
private struct InlineReader {
  let characters: [Character]
  /// Strong inside emphasis inside strong…: deeper than this, delimiters are text.
  static let maximumDepth = 8

  /// For each kind of closing delimiter searched for up to a range's end, the earliest start from
  /// which the search found none: a later search from further on would not find one either, so
  /// text full of unpaired delimiters is read in linear time.
  private var noCloser: [Closer: Int] = [:]

  private struct Closer: Hashable {
    var marker: Character
    var size: Int
    var end: Int
  }

  init(_ characters: [Character]) { self.characters = characters }

  mutating func read(_ range: Range<Int>, depth: Int) -> [MarkdownInline] {
    var result: [MarkdownInline] = []
    var text = ""
    func flush() {
      if !text.isEmpty { result.append(.text(text)) }
      text = ""
    }
    var index = range.lowerBound
    while index < range.upperBound {
      let character = characters[index]
      if character == "\\", index + 1 < range.upperBound, isEscapable(characters[index + 1]) {
        text.append(characters[index + 1])
        index += 2
      } else if character == "`" {
        let run = runLength(at: index, in: range)
        if let close = closingBackticks(run, from: index + run, in: range) {
          flush()
          result.append(.code(codeText(index + run..<close)))
          index = close + run
        } else {
          text += String(repeating: "`", count: run)
          index += run
        }
      } else if (character == "*" || character == "_") && depth < Self.maximumDepth,
        let span = emphasis(at: index, in: range)
      {
        flush()
        let inner = read(span.inner, depth: depth + 1)
        result.append(span.size == 2 ? .strong(inner) : .emphasis(inner))
        index = span.inner.upperBound + span.size
      } else {
        text.append(character)
        index += 1
      }
    }
    flush()
    return result
  }

  /// A strong (size 2) or emphasis (size 1) span opening at `index`, if it closes in `range`.
  private mutating func emphasis(at index: Int, in range: Range<Int>) -> (size: Int, inner: Range<Int>)? {
    let marker = characters[index]
    let run = runLength(at: index, in: range)
    for size in run >= 2 ? [2, 1] : [1] {
      guard canOpen(marker, size: size, at: index, in: range) else { continue }
      if let close = closing(marker, size: size, from: index + size, in: range) {
        return (size, index + size..<close)
      }
    }
    return nil
  }

  private func canOpen(_ marker: Character, size: Int, at index: Int, in range: Range<Int>) -> Bool
  {
    let after = index + size
    guard after < range.upperBound, !characters[after].isWhitespace else { return false }
    if marker == "_", index > range.lowerBound, isWordCharacter(characters[index - 1]) {
      return false
    }
    return true
  }

  /// Where a closing run of exactly `size` markers starts, skipping code spans and escapes.
  private mutating func closing(_ marker: Character, size: Int, from start: Int, in range: Range<Int>)
    -> Int?
  {
    let key = Closer(marker: marker, size: size, end: range.upperBound)
    if let failed = noCloser[key], failed <= start { return nil }
    var index = start
    while index < range.upperBound {
      let character = characters[index]
      if character == "\\" {
        index += 2
      } else if character == "`" {
        let run = runLength(at: index, in: range)
        index = (closingBackticks(run, from: index + run, in: range).map { $0 + run }) ?? index + run
      } else if character == marker {
        let run = runLength(at: index, in: range)
        let after = index + run
        if run == size, index > start, !characters[index - 1].isWhitespace,
          marker != "_" || after >= range.upperBound || !isWordCharacter(characters[after])
        {
          return index
        }
        index = after
      } else {
        index += 1
      }
    }
    noCloser[key] = min(noCloser[key] ?? start, start)
    return nil
  }

  private mutating func closingBackticks(_ count: Int, from start: Int, in range: Range<Int>)
    -> Int?
  {
    let key = Closer(marker: "`", size: count, end: range.upperBound)
    if let failed = noCloser[key], failed <= start { return nil }
    var index = start
    while index < range.upperBound {
      if characters[index] == "`" {
        let run = runLength(at: index, in: range)
        if run == count { return index }
        index += run
      } else {
        index += 1
      }
    }
    noCloser[key] = min(noCloser[key] ?? start, start)
    return nil
  }

  /// A code span's text: line breaks become spaces, and one space each side is dropped when both
  /// are there (so `` `a` `` can hold a backtick).
  private func codeText(_ range: Range<Int>) -> String {
    var text = String(characters[range]).replacingOccurrences(of: "\n", with: " ")
    if text.count >= 2, text.first == " ", text.last == " ", text.contains(where: { $0 != " " }) {
      text = String(text.dropFirst().dropLast())
    }
    return text
  }

  private func runLength(at index: Int, in range: Range<Int>) -> Int {
    var end = index
    while end < range.upperBound, characters[end] == characters[index] { end += 1 }
    return end - index
  }

  private func isWordCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  private func isEscapable(_ character: Character) -> Bool {
    character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol
  }
}
