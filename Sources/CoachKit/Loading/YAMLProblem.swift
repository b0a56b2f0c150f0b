/// Why a YAML file could not be read, and where: the first problem only, since after a YAML
/// syntax error nothing further in the file can be trusted.
struct YAMLProblem: Error, Equatable, Sendable, CustomStringConvertible {
  /// From 1.
  let line: Int
  /// From 1, counted in Unicode scalars.
  let column: Int
  /// A lower-case sentence without a trailing period, saying what to do where that helps.
  let message: String

  var description: String { "line \(line), column \(column): \(message)" }

  func location(in file: String) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }
}

extension YAMLProblem {
  static let utf16Message = "the file is saved as UTF-16; save it as UTF-8"

  static func tooBig(_ size: Int, limit: Int) -> YAMLProblem {
    var shown = Counting.size(size)
    let limitShown = Counting.size(limit)
    if shown == limitShown { shown = "\(Counting.grouped(size)) bytes" }
    return YAMLProblem(
      line: 1, column: 1,
      message: "the file is \(shown); dialogue files are limited to \(limitShown)")
  }

  /// What is wrong with bytes that libyaml refused to read as UTF-8 text: UTF-16, a binary file,
  /// invalid UTF-8, or a character YAML does not allow. `offset` is where libyaml stopped.
  static func encoding(_ bytes: [UInt8], libyamlOffset offset: Int) -> YAMLProblem {
    let source = YAMLSource(bytes)
    if looksLikeUTF16(bytes) { return YAMLProblem(line: 1, column: 1, message: utf16Message) }
    // C0 controls other than tab and line breaks, and DEL.
    let control = bytes.firstIndex {
      ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F
    }
    let invalid = firstInvalidUTF8(bytes)
    // A file with a NUL byte is binary, whatever comes first.
    if let control, bytes.contains(0) || control < (invalid ?? .max) {
      let (line, column) = source.lineAndColumn(ofByte: control)
      return YAMLProblem(
        line: line, column: column,
        message:
          "this looks like a binary file, not YAML text (byte \(hex(bytes[control])) at line \(line), column \(column))"
      )
    }
    if let invalid {
      let (line, column) = source.lineAndColumn(ofByte: invalid)
      return YAMLProblem(
        line: line, column: column,
        message:
          "the file is not valid UTF-8 (byte \(hex(bytes[invalid])) at line \(line), column \(column)); save it as UTF-8"
      )
    }
    // Valid UTF-8 that YAML does not allow: a C1 control, U+FFFE, U+FFFF.
    var start = min(max(offset, 0), bytes.count)
    while start > 0, start < bytes.count, bytes[start] & 0xC0 == 0x80 { start -= 1 }
    let (line, column) = source.lineAndColumn(ofByte: start)
    var iterator = bytes[start...].makeIterator()
    var decoder = UTF8()
    var name = "a character"
    if case .scalarValue(let scalar) = decoder.decode(&iterator) {
      let digits = String(scalar.value, radix: 16, uppercase: true)
      name = "the character U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
    return YAMLProblem(
      line: line, column: column,
      message: "\(name) at line \(line), column \(column) is not allowed in a YAML file; remove it")
  }

  /// A UTF-16 byte order mark, or the zero bytes of UTF-16 text without one.
  static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
    if bytes.count >= 2,
      (bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF)
    {
      return true
    }
    // ASCII text in UTF-16 without a byte order mark: every other byte is zero.
    let sample = min(bytes.count, 64) & ~1
    guard sample >= 4 else { return false }
    let even = stride(from: 0, to: sample, by: 2).map { bytes[$0] == 0 }
    let odd = stride(from: 1, to: sample, by: 2).map { bytes[$0] == 0 }
    return (even.allSatisfy { $0 } && odd.allSatisfy { !$0 })
      || (odd.allSatisfy { $0 } && even.allSatisfy { !$0 })
  }

  /// The offset of the first byte that does not start a well-formed UTF-8 sequence.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .error: return offset
      case .emptyInput: return nil
      }
    }
  }

  static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0xF)])"
  }
}

/// Numbers in messages, without Foundation or locales.
enum Counting {
  /// `1234567` → `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }

  /// A size in bytes, KB or MB (binary multiples), with at most one decimal.
  static func size(_ bytes: Int) -> String {
    let mib = 1024 * 1024
    if bytes >= mib { return tenths(bytes, unit: mib) + " MB" }
    if bytes >= 1024 { return tenths(bytes, unit: 1024) + " KB" }
    return bytes == 1 ? "1 byte" : "\(grouped(bytes)) bytes"
  }

  private static func tenths(_ bytes: Int, unit: Int) -> String {
    let tenths = (bytes * 10 + unit / 2) / unit
    let whole = grouped(tenths / 10)
    return tenths % 10 == 0 ? whole : "\(whole).\(tenths % 10)"
  }
}
