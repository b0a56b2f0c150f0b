/// The bytes of a YAML file and where libyaml's marks fall in them.
///
/// libyaml counts a mark's `index` in characters (Unicode scalars) from the start of the text, and
/// its line and column from 0; CR LF, CR, LF, NEL, LS and PS each end a line. This turns those
/// into byte offsets, to take a scalar's text as written, and reads the line around a mark for
/// messages.
///
///     var source = YAMLSource(Array("a: é\nb: 1\n".utf8))
///     source.byteOffset(ofCharacter: 5)  // 6: "é" takes two bytes
struct YAMLSource {
  let bytes: [UInt8]
  /// The last character index turned into a byte offset, to go on from there.
  private var character = 0
  private var byte = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// The byte offset of the character at `index`. Cheapest when called with increasing indexes.
  mutating func byteOffset(ofCharacter index: Int) -> Int {
    if index < character {
      character = 0
      byte = 0
    }
    while character < index, byte < bytes.count {
      byte += 1
      // Continuation bytes (10xxxxxx) belong to the character before them.
      while byte < bytes.count, bytes[byte] & 0xC0 == 0x80 { byte += 1 }
      character += 1
    }
    return byte
  }

  /// The text between two character indexes.
  mutating func text(from start: Int, to end: Int) -> String {
    let from = byteOffset(ofCharacter: start)
    let to = byteOffset(ofCharacter: end)
    return String(decoding: bytes[from..<max(from, to)], as: UTF8.self)
  }

  /// The scalar at a character index, if any.
  mutating func scalar(at index: Int) -> Unicode.Scalar? {
    let from = byteOffset(ofCharacter: index)
    guard from < bytes.count else { return nil }
    var iterator = bytes[from...].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return nil
  }

  /// The line (from 1) and column (from 1, in Unicode scalars) of a byte offset.
  func lineAndColumn(ofByte offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    var index = 0
    while index < min(offset, bytes.count) {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D {
        if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        line += 1
        column = 1
      } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
        index += 1
        line += 1
        column = 1
      } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
        bytes[index + 2] | 1 == 0xA9
      {
        index += 2
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      index += 1
    }
    return (line, column)
  }

  /// How many spaces start the line that holds the character at `index`, whose column is `column`
  /// (from 0, as libyaml counts).
  mutating func indentation(atCharacter index: Int, column: Int) -> Int {
    let lineStart = byteOffset(ofCharacter: index - column)
    var spaces = 0
    while lineStart + spaces < bytes.count, bytes[lineStart + spaces] == UInt8(ascii: " ") {
      spaces += 1
    }
    return spaces
  }
}
