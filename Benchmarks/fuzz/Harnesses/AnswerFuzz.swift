import CoachKit

/// libFuzzer entry point: the bytes are what a person typed. Parses them as an answer to every
/// kind of question, and cleans them as they would be before being shown again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let text = String(decoding: bytes, as: UTF8.self)
  for kind in kinds { _ = AnswerParser.parse(text, for: kind) }
  _ = OptionMatcher(options: options).match(text)
  _ = Sanitizer.clean(text)
  _ = Sanitizer.clean(text, limit: 40)
  return 0
}

private let here = SourceLocation(file: "fuzz.yaml", line: 1, column: 1)
private let options = [
  Option(value: "listen", label: "Listen first", synonyms: ["hear"], location: here),
  Option(value: "thank", label: "Thank them", synonyms: ["Merci", "ÉCOUTE"], location: here),
  Option(value: "listen_more", label: "Listen more", location: here),
]
private let kinds: [AnswerKind] = [
  .text(.init()),
  .text(
    .init(
      minLength: 3, maxLength: 20, pattern: "[A-Z][a-z]+ [0-9]{1,2}:[0-9]{2}", patternHint: "a day")
  ),
  .choice(options),
  .multipleChoice(options, minPicks: 1, maxPicks: 2),
  .multipleChoice(options, minPicks: 0, maxPicks: 3),
  .scale(.init(min: 1, max: 5, minLabel: "Strongly disagree", maxLabel: "Strongly agree")),
  .scale(.init(min: -50, max: 50)),
  .number(.init(min: 0, max: 100, integer: true)),
  .number(.init(min: -1e9, max: nil, integer: false)),
  .number(.init()),
  .yesNo,
]
