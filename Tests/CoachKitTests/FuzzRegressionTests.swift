import Foundation
import XCTest

@testable import CoachKit

/// Every input that crashed, hung or blew up memory — found by the libFuzzer harnesses in
/// `Benchmarks/fuzz` or written by hand to attack the same entry points — replayed the way those
/// harnesses run them. To add one: copy it from `.build-fuzz/artifacts/TARGET/` into
/// `FuzzRegressions/TARGET/` under a name that says what it is.
final class FuzzRegressionTests: XCTestCase {
  /// Generous for a debug build on a busy machine; the inputs that hung took minutes, or forever.
  static let timeLimit: TimeInterval = 20

  // MARK: - The corpus

  func testLoaderCorpus() throws {
    for (name, bytes) in try Self.corpus("loader") {
      within(name) { _ = Self.replayLoader(bytes) }
    }
  }

  func testExpressionCorpus() throws {
    for (name, bytes) in try Self.corpus("expression") {
      within(name) { Self.replayExpression(bytes) }
    }
  }

  func testAnswerCorpus() throws {
    for (name, bytes) in try Self.corpus("answer") {
      within(name) { Self.replayAnswer(bytes) }
    }
  }

  func testPatternCorpus() throws {
    for (name, bytes) in try Self.corpus("pattern") {
      within(name) { Self.replayPattern(bytes) }
    }
  }

  func testTemplateCorpus() throws {
    for (name, bytes) in try Self.corpus("template") {
      within(name) { Self.replayTemplate(bytes) }
    }
  }

  func testLogCorpus() throws {
    for (name, bytes) in try Self.corpus("log") {
      within(name) { Self.replayLog(bytes) }
    }
  }

  /// A log with every line twice reads as the log itself, with each copy said: by their
  /// numbers, or (in a log written before events were numbered) by the steps they name.
  func testALogWithEveryLineTwiceReplaysAsTheLogItself() throws {
    let original = try Self.file("log", "session-with-back-and-skip.jsonl")
    let once = SessionLogContents.parse(original, name: "once")
    let expected = Transcript.replay(
      header: try XCTUnwrap(once.header), entries: once.entries, dialogue: Self.logDialogue)
    for name in ["every-line-twice.jsonl", "every-line-twice-unnumbered.jsonl"] {
      let twice = SessionLogContents.parse(try Self.file("log", name), name: name)
      let transcript = Transcript.replay(
        header: try XCTUnwrap(twice.header), entries: twice.entries, dialogue: Self.logDialogue)
      XCTAssertEqual(
        TranscriptFormat.text.render(transcript), TranscriptFormat.text.render(expected), name)
      XCTAssertEqual(transcript.finalAnswers.map(\.value), expected.finalAnswers.map(\.value))
      XCTAssertGreaterThan(twice.warnings.count + transcript.misplaced.count, 0, name)
    }
  }

  // MARK: - What each finding now gives

  /// A time whose seconds read as 1e308 (the log harness found it) made an infinite date, and
  /// writing it trapped; hours that overflow when made seconds trapped too. Such times are no
  /// times: the line is damaged and skipped, and any date is written as one of the years 1 to 9999.
  func testTimesOutsideTheCalendarAreRefusedAndNeverTrap() {
    for text in [
      "2026-11-29T09:00:00.1e308000Z", "2026-11-29T999999999999999:00:00Z",
      "2026-11-29T09:00:-1Z",
      "+999999-01-01T00:00:00Z",
    ] {
      XCTAssertNil(LogTime.parse(text), text)
    }
    XCTAssertEqual(
      LogTime.parse("2026-11-29T09:01:12.345Z").map(LogTime.format), "2026-11-29T09:01:12.345Z")
    XCTAssertEqual(
      LogTime.format(Date(timeIntervalSince1970: .infinity)), "9999-12-31T23:59:59.999Z")
    XCTAssertEqual(
      LogTime.format(Date(timeIntervalSince1970: -.infinity)), "0001-01-01T00:00:00.000Z")
    XCTAssertEqual(LogTime.format(Date(timeIntervalSince1970: .nan)), "1970-01-01T00:00:00.000Z")
  }

  /// 3,000 computed values, each read by the one before: the checker's recursion overflowed the
  /// stack. Chains longer than 100 are now reported.
  func testALongChainOfComputedValuesIsReportedNotFollowed() throws {
    let result = try XCTUnwrap(Self.replayLoader(Self.file("loader", "computed-chain-3000.yaml")))
    let deep = result.filter { $0.message.contains("is computed from a chain of more than") }
    XCTAssertEqual(
      deep.map(\.message),
      ["'c100' is computed from a chain of more than 100 other computed values; make it shallower"],
      "reported once, where the chain gets too deep")
  }

  /// `pattern: (a*)*b` with a default of 40 a's: checking the default never finished. Patterns
  /// now match in linear time, so the default is simply found not to fit.
  func testNestedRepetitionInAPatternIsMatchedInLinearTime() throws {
    let result = try XCTUnwrap(
      Self.replayLoader(Self.file("loader", "nested-repetition-in-pattern.yaml")))
    XCTAssertEqual(
      result.map(\.description),
      [
        "fuzz.yaml:14:20: error: the default 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' does not fit this question: that does not have the expected form"
      ])
  }

  /// `c0: c1 + c1 + c1`, `c1: c2 + c2 + c2`… 40 levels: the engine evaluated c40 3^40 times.
  func testComputedValuesAreWorkedOutOncePerEvaluation() throws {
    let text = String(
      decoding: try Self.file("loader", "computed-diamond-40.yaml"), as: UTF8.self)
    let result = DialogueLoader().load(text: text, name: "diamond.yaml")
    let dialogue = try XCTUnwrap(result.dialogue)
    XCTAssertEqual(result.diagnostics + DialogueChecker().check(dialogue), [])
    let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
    within("diamond") {
      let (session, _) = engine.start()
      XCTAssertEqual(engine.value(of: "c0", in: session), .number(pow(3, 40)))
    }
  }

  // MARK: - Hostile answers

  /// A megabyte answer to every kind of question, NUL bytes and invalid UTF-8: each is rejected
  /// or accepted with a reason, quickly.
  func testHostileAnswers() throws {
    let megabyte = String(repeating: "trust ", count: 1 << 20 / 6)
    let inputs: [(String, [UInt8])] = [
      ("1 MB of words", Array(megabyte.utf8)),
      ("1 MB of digits", Array(String(repeating: "7", count: 1 << 20).utf8)),
      ("1 MB of '1 '", Array(String(repeating: "1 ", count: 1 << 19).utf8)),
      ("NUL bytes", [0x31, 0, 0x32, 0, 0x79]),
      ("invalid UTF-8", [0xFF, 0xFE, 0xC3, 0x28, 0x20, 0x33]),
    ]
    for (name, bytes) in inputs {
      within(name) { Self.replayAnswer(bytes) }
    }
    let text = AnswerParser.parse(megabyte, for: .text(.init()))
    XCTAssertEqual(
      try? text.get(), nil, "a 1 MB answer is over a text question's 2,000 characters")
  }

  // MARK: - Replaying

  /// What `Benchmarks/fuzz/Harnesses/LoaderFuzz.swift` does; the findings, or nil when nothing
  /// loaded.
  @discardableResult
  static func replayLoader(_ bytes: [UInt8]) -> [Diagnostic]? {
    let source = DialogueSource(
      entry: { $0 == "fuzz.yaml" ? .file : .missing }, read: { _ in bytes })
    guard let result = try? DialogueLoader(source: source).load(path: "fuzz.yaml"),
      let dialogue = result.dialogue
    else { return nil }
    let findings = DialogueChecker().check(dialogue)
    if !result.diagnostics.hasErrors, !findings.hasErrors {
      let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
      var (session, _) = engine.start()
      for answer in ["", "1", "yes", "x"] { _ = engine.handle(.answer(answer), in: &session) }
      _ = engine.renderedPlan(in: session)
    }
    return result.diagnostics + findings
  }

  /// What `ExpressionFuzz.swift` does.
  static func replayExpression(_ bytes: [UInt8]) {
    guard let expression = try? Expression.parse(String(decoding: bytes, as: UTF8.self)) else {
      return
    }
    _ = expression.names
    let types: [String: ValueType] = [
      "n": .number, "t": .text, "b": .bool, "l": .list, "d": .date, "today": .date,
    ]
    _ = try? expression.typeCheck(types: types)
    let values: [String: Value] = [
      "n": .number(3.5), "t": .text("team"), "b": .bool(true), "l": .list(["a", "b"]),
      "d": .date(Day(year: 2026, month: 11, day: 29)!),
      "today": .date(Day(year: 2026, month: 2, day: 28)!),
    ]
    _ = expression.evaluate({ values[$0] ?? .none }, labels: { _, value in value.uppercased() })
  }

  /// What `AnswerFuzz.swift` does.
  static func replayAnswer(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let here = SourceLocation(file: "fuzz.yaml", line: 1, column: 1)
    let options = [
      Option(value: "listen", label: "Listen first", synonyms: ["hear"], location: here),
      Option(value: "thank", label: "Thank them", synonyms: ["Merci", "ÉCOUTE"], location: here),
      Option(value: "listen_more", label: "Listen more", location: here),
    ]
    let kinds: [AnswerKind] = [
      .text(.init()),
      .text(
        .init(
          minLength: 3, maxLength: 20, pattern: "[A-Z][a-z]+ [0-9]{1,2}:[0-9]{2}",
          patternHint: "a day")),
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
    for kind in kinds { _ = AnswerParser.parse(text, for: kind) }
    _ = OptionMatcher(options: options).match(text)
    _ = Sanitizer.clean(text)
    _ = Sanitizer.clean(text, limit: 40)
  }

  /// What `PatternFuzz.swift` does: compile, match, and where both are short plain ASCII, agree
  /// with Swift's Regex whenever it accepts the pattern too.
  static func replayPattern(_ bytes: [UInt8]) {
    let split = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    let source = String(decoding: bytes[..<split], as: UTF8.self)
    let answer = String(decoding: bytes[min(split + 1, bytes.count)...], as: UTF8.self)
    guard let pattern = try? Pattern(source) else { return }
    let matched = pattern.matches(answer)
    guard source.utf8.count <= 40, answer.utf8.count <= 12,
      source.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }),
      answer.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), isSafeForBacktracking(source),
      let regex = try? Regex(source)
    else { return }
    XCTAssertEqual(matched, (try? regex.wholeMatch(in: answer)) != nil, "\(source) on \(answer)")
  }

  /// Whether Swift's Regex, which backtracks, can be trusted to finish on this pattern: at most
  /// three repetitions, with counts of at most 3 (`(|a|b){32}` made it hang on an empty answer).
  static func isSafeForBacktracking(_ source: String) -> Bool {
    let quantifiers = source.filter { "*+?{".contains($0) }.count
    let counts = source.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap {
      Int($0)
    }
    return quantifiers <= 3 && counts.allSatisfy { $0 <= 3 }
  }

  /// What `LogFuzz.swift` does.
  static func replayLog(_ bytes: [UInt8]) {
    let contents = SessionLogContents.parse(bytes, name: "fuzz.jsonl")
    _ = LogExport.json(id: "fuzz", contents: contents, problems: ["fuzzed"])
    guard let header = contents.header else { return }
    let transcript = Transcript.replay(
      header: header, entries: contents.entries, dialogue: logDialogue)
    for format in TranscriptFormat.allCases { _ = format.render(transcript) }
    let now = contents.entries.last?.at ?? header.startedAt
    guard
      var (runtime, _) = try? SessionRuntime.resume(
        logDialogue, header: header, entries: contents.entries, store: MemoryEventStore(), at: now)
    else { return }
    for event in [Event.answer("1"), .back, .answer("Tigers"), .park("x"), .skip] {
      _ = try? runtime.handle(event, at: now)
    }
    _ = runtime.plan(at: now)
  }

  /// The dialogue the log harness replays logs through.
  static let logDialogue: Dialogue = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Benchmarks/fuzz/log-dialogue.yaml").path
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return DialogueLoader().load(text: text, name: "log-dialogue.yaml").dialogue!
  }()

  /// What `TemplateFuzz.swift` does: read the text, render it in a session with a secret answer,
  /// and find nothing shown that no placeholder names.
  static func replayTemplate(_ bytes: [UInt8]) {
    let source = String(decoding: bytes, as: UTF8.self)
    let text = Text(source: source, location: SourceLocation(file: "fuzz.yaml", line: 1, column: 1))
    _ = text.problem?.description
    let rendered = templateSetting.engine.render(text, in: templateSetting.session)
    for leak in ["TemplateContext", "Session(", "Engine(", "trail:", "Facilitator only"]
    where !source.contains(leak) {
      XCTAssertFalse(rendered.contains(leak), "rendering showed \(leak)")
    }
    // `big` is worked out from the secret.
    if !text.names.contains(where: { ["secret", "big"].contains($0.name) }),
      !source.contains("SECRET")
    {
      XCTAssertFalse(rendered.contains("SECRET"), "rendering showed an answer it does not name")
    }
  }

  /// The finished session the template harness renders in.
  static let templateSetting: (engine: Engine, session: Session) = {
    let dialogue = DialogueLoader().load(
      text: DialogueText.oneSection(
        id: "fuzz",
        steps: """
          - id: secret
            ask: { type: text, prompt: Secret? }
            notes: Facilitator only
          - id: size
            ask: { type: number, prompt: How many? }
          - id: picks
            ask: { type: multi, prompt: Which?, options: [one, two, three] }
          - id: end
            say: done
            final: true
          """, rest: "computed:\n  big: repeat(secret, 3)"), name: "fuzz.yaml"
    ).dialogue!
    let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
    var (session, _) = engine.start()
    for answer in ["SECRET", "7", "1, 3"] { _ = engine.handle(.answer(answer), in: &session) }
    return (engine, session)
  }()

  static func corpus(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
    let folder = try XCTUnwrap(
      Bundle.module.url(forResource: "FuzzRegressions/\(target)", withExtension: nil))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    XCTAssertFalse(names.isEmpty, "no regression inputs for \(target)")
    return try names.map { name in
      (name, try file(target, name))
    }
  }

  static func file(_ target: String, _ name: String) throws -> [UInt8] {
    let url = try XCTUnwrap(
      Bundle.module.url(forResource: "FuzzRegressions/\(target)/\(name)", withExtension: nil))
    return [UInt8](try Data(contentsOf: url))
  }

  func within(
    _ name: String, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
  )
    rethrows
  {
    let start = Date()
    try body()
    let elapsed = Date().timeIntervalSince(start)
    XCTAssertLessThan(elapsed, Self.timeLimit, "\(name) took \(elapsed) s", file: file, line: line)
  }
}
