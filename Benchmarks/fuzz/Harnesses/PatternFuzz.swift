import CoachKit

/// libFuzzer entry point: the bytes are a pattern, a line break, and an answer. Compiles the
/// pattern as `coach check` does and matches the answer as a session does. Where both are plain
/// ASCII and the answer is short, Swift's own Regex (which backtracks, hence the short answers)
/// must agree whenever it accepts the pattern too; a disagreement stops the run as a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPattern(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let split = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
  let source = String(decoding: bytes[..<split], as: UTF8.self)
  let answer = String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self)
  guard let pattern = try? Pattern(source) else { return 0 }
  let matched = pattern.matches(answer)
  guard source.utf8.count <= 40, answer.utf8.count <= 12,
    source.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
    answer.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), isSafeForBacktracking(source),
    let regex = try? Regex(source)
  else { return 0 }
  let expected = (try? regex.wholeMatch(in: answer)) != nil
  if matched != expected {
    fatalError(
      "pattern \(source.debugDescription) on \(answer.debugDescription): coach says \(matched), Swift's Regex \(expected)"
    )
  }
  return 0
}

/// Whether Swift's Regex, which backtracks, can be trusted to finish on this pattern: at most three
/// repetitions, with counts of at most 3 (`(|a|b){32}` made it hang on an empty answer).
func isSafeForBacktracking(_ source: String) -> Bool {
  let quantifiers = source.filter { "*+?{".contains($0) }.count
  let counts = source.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
  return quantifiers <= 3 && counts.allSatisfy { $0 <= 3 }
}
