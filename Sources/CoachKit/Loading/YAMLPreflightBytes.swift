/// The byte-level half of `YAMLPreflight`: encoding and control characters.
enum YAMLPreflightBytes {
  typealias Problem = YAMLPreflight.Problem

  static let utf16Message = "the file is saved as UTF-16; save it as UTF-8"

  /// A UTF-16 byte order mark, or the zero bytes of UTF-16 text without one.
  static func utf16Problem(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
    if bytes.count >= 2
      && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
    {
      return Problem(line: 1, column: 1, message: utf16Message)
    }
    // ASCII text in UTF-16 without a byte order mark: every other byte is zero.
    let sample = min(bytes.count, 64) & ~1
    guard sample >= 4 else { return nil }
    var evenZero = true
    var oddZero = true
    var evenNonZero = true
    var oddNonZero = true
    for index in 0..<sample {
      let zero = bytes[index] == 0
      if index % 2 == 0 {
        evenZero = evenZero && zero
        evenNonZero = evenNonZero && !zero
      } else {
        oddZero = oddZero && zero
        oddNonZero = oddNonZero && !zero
      }
    }
    if (evenZero && oddNonZero) || (oddZero && evenNonZero) {
      return Problem(line: 1, column: 1, message: utf16Message)
    }
    return nil
  }

  /// The first control byte (C0 other than tab, LF and CR; DEL) or invalid UTF-8 sequence.
  ///
  /// A file with a NUL byte anywhere is reported as binary at its first control byte, even if
  /// invalid UTF-8 comes earlier: that is what such a file almost always is.
  static func encodingProblem(_ bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
    let count = bytes.count
    var index = 0
    var line = 0
    var lineStart = 0
    var control: (offset: Int, line: Int, lineStart: Int)? = nil
    var invalid: (offset: Int, line: Int, lineStart: Int)? = nil
    var sawNUL = false

    @inline(__always) func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF)
      -> Bool
    {
      offset < count && bytes[offset] >= low && bytes[offset] <= high
    }

    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte < 0x20 || byte == 0x7F {
          switch byte {
          case 0x0A:
            line += 1
            lineStart = index + 1
          case 0x0D:
            if index + 1 < count && bytes[index + 1] == 0x0A { index += 1 }
            line += 1
            lineStart = index + 1
          case 0x09:
            break
          default:
            if control == nil { control = (index, line, lineStart) }
            if byte == 0 { sawNUL = true }
          }
          if sawNUL { break }
        }
        index += 1
        continue
      }
      // A multi-byte sequence, checked against the well-formed ranges of the Unicode standard.
      var length = 0
      switch byte {
      case 0xC2...0xDF:
        if continuation(index + 1) { length = 2 }
      case 0xE0:
        if continuation(index + 1, 0xA0, 0xBF) && continuation(index + 2) { length = 3 }
      case 0xE1...0xEC, 0xEE...0xEF:
        if continuation(index + 1) && continuation(index + 2) { length = 3 }
      case 0xED:
        if continuation(index + 1, 0x80, 0x9F) && continuation(index + 2) { length = 3 }
      case 0xF0:
        if continuation(index + 1, 0x90, 0xBF) && continuation(index + 2) && continuation(index + 3)
        {
          length = 4
        }
      case 0xF1...0xF3:
        if continuation(index + 1) && continuation(index + 2) && continuation(index + 3) {
          length = 4
        }
      case 0xF4:
        if continuation(index + 1, 0x80, 0x8F) && continuation(index + 2) && continuation(index + 3)
        {
          length = 4
        }
      default:
        break
      }
      if length == 0 {
        if invalid == nil { invalid = (index, line, lineStart) }
        index += 1
        continue
      }
      // NEL, LS and PS are line breaks for libyaml, so they are for the positions Yams reports.
      if (length == 2 && bytes[index + 1] == 0x85)
        || (length == 3 && byte == 0xE2 && bytes[index + 1] == 0x80
          && (bytes[index + 2] | 1) == 0xA9)
      {
        line += 1
        lineStart = index + length
      }
      index += length
    }

    func column(_ offset: Int, from start: Int) -> Int {
      var column = 1
      for position in start..<offset where bytes[position] & 0xC0 != 0x80 { column += 1 }
      return column
    }
    func hex(_ byte: UInt8) -> String {
      let digits = Array("0123456789ABCDEF")
      return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
    }

    if let control, sawNUL || control.offset < (invalid?.offset ?? Int.max) {
      let column = column(control.offset, from: control.lineStart)
      return Problem(
        line: control.line + 1, column: column,
        message:
          "this looks like a binary file, not YAML text (byte \(hex(bytes[control.offset])) at line \(control.line + 1), column \(column))"
      )
    }
    if let invalid {
      let column = column(invalid.offset, from: invalid.lineStart)
      return Problem(
        line: invalid.line + 1, column: column,
        message:
          "the file is not valid UTF-8 (byte \(hex(bytes[invalid.offset])) at line \(invalid.line + 1), column \(column)); save it as UTF-8"
      )
    }
    return nil
  }
}
