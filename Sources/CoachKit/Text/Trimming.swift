/// Trimming blanks and line breaks as Foundation's `trimmingCharacters(in:)` does with
/// `.whitespaces`, `.newlines` and `.whitespacesAndNewlines`, without its detour through
/// `NSString`: on the way to the first question that detour cost more than loading a step.
///
///     "  Tue 9:00\n".trimmingBlanksAndLineBreaks()  // "Tue 9:00"
///     "\nWelcome.\n\n".trimmingLineBreaks()        // "Welcome."
extension StringProtocol {
  /// As `trimmingCharacters(in: .whitespaces)`: tabs and space separators (Zs).
  public func trimmingBlanks() -> String { trimming(where: \.isBlank) }

  /// As `trimmingCharacters(in: .newlines)`: U+000A–U+000D, U+0085, U+2028 and U+2029.
  public func trimmingLineBreaks() -> String { trimming(where: \.isLineBreak) }

  /// As `trimmingCharacters(in: .whitespacesAndNewlines)`.
  public func trimmingBlanksAndLineBreaks() -> String {
    trimming { $0.isBlank || $0.isLineBreak }
  }

  private func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
    let scalars = String(self).unicodeScalars
    guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
      let last = scalars.lastIndex(where: { !isTrimmed($0) })
    else { return "" }
    // Most texts have nothing to trim: keep them as they are.
    if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) {
      return String(self)
    }
    return String(scalars[first...last])
  }
}

extension Unicode.Scalar {
  /// In Foundation's `CharacterSet.whitespaces`: a tab, a space separator (Zs), and on Linux
  /// the zero width space U+200B (a space separator in Unicode before 4.0.1).
  var isBlank: Bool {
    value == 0x20 || value == 0x09 || value == 0x200B
      || (value >= 0x80 && properties.generalCategory == .spaceSeparator)
  }

  /// In Foundation's `CharacterSet.newlines`.
  var isLineBreak: Bool {
    (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029
  }
}
