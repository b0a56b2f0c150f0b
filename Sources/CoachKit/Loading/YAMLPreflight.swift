/// Rejects input that is not worth composing: too big, not text, or using YAML features the format does not need.
///
/// The check runs before `Yams.compose` and is linear in the input: one pass validates the bytes
/// (size, encoding, control characters) and one pass follows libyaml's own tokenizer rules closely
/// enough to tell where a node starts, so that `&`, `*` and `!` are rejected only where YAML would
/// read them as an anchor, an alias or a tag — never inside quoted, block or plain text, or comments.
///
/// Positions are 1-based; columns count Unicode scalars, like the marks Yams reports. Like libyaml,
/// the scanner treats CR, LF, CR LF, NEL (U+0085), LS (U+2028) and PS (U+2029) as line breaks.
public struct YAMLPreflight: Sendable {
  public typealias Limits = DialogueLoader.Limits

  /// Why the input was rejected, and where.
  public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line, from 1.
    public let line: Int
    /// The column, from 1, counted in Unicode scalars.
    public let column: Int
    /// A lower-case sentence without a trailing period, saying what to do where that helps.
    public let message: String

    public init(line: Int, column: Int, message: String) {
      self.line = line
      self.column = column
      self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
  }

  public let limits: Limits

  public init(limits: Limits = .standard) {
    self.limits = limits
  }

  /// Returns the text, decoded as UTF-8, or the first problem.
  public func check(_ bytes: [UInt8]) -> Result<String, Problem> {
    if bytes.count > limits.maxBytes {
      return .failure(
        Problem(line: 1, column: 1, message: Self.sizeMessage(bytes.count, limit: limits.maxBytes)))
    }
    return bytes.withUnsafeBufferPointer { all -> Result<String, Problem> in
      if let problem = YAMLPreflightBytes.utf16Problem(all) {
        return .failure(problem)
      }
      let hasBOM = all.count >= 3 && all[0] == 0xEF && all[1] == 0xBB && all[2] == 0xBF
      let text = UnsafeBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...])
      if let problem = YAMLPreflightBytes.encodingProblem(text) {
        return .failure(problem)
      }
      var scanner = YAMLPreflightScanner(text, limits: limits)
      if let problem = scanner.run() {
        return .failure(problem)
      }
      return .success(String(decoding: text, as: UTF8.self))
    }
  }

  static func sizeMessage(_ size: Int, limit: Int) -> String {
    var shown = YAMLPreflightFormat.size(size)
    let limitShown = YAMLPreflightFormat.size(limit)
    if shown == limitShown {
      shown = "\(YAMLPreflightFormat.grouped(size)) bytes"
    }
    return "the file is \(shown); dialogue files are limited to \(limitShown)"
  }
}

/// Number formatting for messages, without Foundation or locales.
enum YAMLPreflightFormat {
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

  /// A count above `limit`, rounded to three significant digits once it is large
  /// (`2_512_345` → `2,510,000`), unless rounding would bring it down to the limit.
  static func about(_ count: Int, above limit: Int) -> String {
    guard count >= 10_000 else { return grouped(count) }
    var step = 1
    while count / step >= 1000 { step *= 10 }
    let rounded = (count + step / 2) / step * step
    return grouped(rounded > limit ? rounded : count)
  }
}
