import Foundation
import XCTest

@testable import CoachKit

/// Expressions are bounded: `coach check` refuses one that could give a huge text, or a default
/// outside its question's range, and evaluation never builds a text past the limit or offers a
/// default the question cannot take.
final class ValueBoundsTests: XCTestCase {
  /// A dialogue with a text answer `t` (up to 2,000 characters), a 1–10 scale `current`, a
  /// number `n` from 1 to 80, these computed values and a last question with these keys.
  func dialogue(computed: [String] = [], last: String = "type: yesno", plan: String = "")
    -> String
  {
    DialogueText.oneSection(
      id: "bounds",
      steps: """
        - id: t
          ask: { type: text, prompt: Say something }
        - id: current
          ask: { type: scale, prompt: How is it?, min: 1, max: 10 }
        - id: n
          ask: { type: number, prompt: How many?, min: 1, max: 80 }
        - id: last
          ask:
            prompt: And?
            \(last)
        - id: end
          say: "{{t}}"
          final: true
        """,
      rest: (computed.isEmpty
        ? "" : "computed:\n" + computed.map { "  " + $0 }.joined(separator: "\n"))
        + "\n" + plan)
  }

  func findings(_ text: String) -> [String] {
    DialogueText.findings(text, name: "bounds.yaml").filter { !$0.contains("warning:") }
  }

  // MARK: - Sizes, at check time

  /// `c1: repeat(c0,1000)`, `c2: repeat(c1,1000)`… passed check, then `run` and `test` aborted
  /// allocating 10 GB. Reported once, where the text first grows too large.
  func testARepeatChainIsRefusedWhereItGrowsTooLarge() {
    let text = dialogue(
      computed: [
        "c0: '\"ab\"'", "c1: repeat(c0, 1000)", "c2: repeat(c1, 1000)", "c3: repeat(c2, 1000)",
        "c4: c3 + \"!\"",
      ], last: "type: text\n    default: =c4")
    XCTAssertEqual(
      findings(text),
      [
        "bounds.yaml:26:7: error: this could give a text of 2000000 characters; a value may have at most 100000"
      ])
  }

  func testDoublingIsRefusedAtTheLevelThatOutgrowsTheLimit() {
    let levels = ["d0: t"] + (1...10).map { "d\($0): d\($0 - 1) + d\($0 - 1)" }
    XCTAssertEqual(
      findings(dialogue(computed: levels + ["shown: text(d10)"])),
      [
        "bounds.yaml:29:7: error: this could give a text of 128000 characters; a value may have at most 100000"
      ])
  }

  func testBoundedTextsPass() {
    let text = dialogue(computed: [
      "bar: repeat(\"█\", current)", "bars: join(\", \", bar, bar, t, text(n), date_text(today))",
      "many: repeat(\"-\", 1000)", "labels: label(t, t)",
    ])
    XCTAssertEqual(findings(text), [])
  }

  /// Each within the limit, but together more than a session should hold.
  func testManyLargeComputedValuesAreRefusedTogether() {
    let many = (1...50).map { "big\($0): repeat(t, 50)" }
    XCTAssertEqual(
      findings(dialogue(computed: many)),
      [
        "bounds.yaml:63:3: error: the computed values up to this one could hold 4100000 characters together; a dialogue's computed values may hold at most 4000000"
      ])
  }

  func testATextThatCouldShowMillionsOfCharactersIsRefused() {
    let text = dialogue(
      computed: ["big: repeat(t, 40)"],
      plan: "plan:\n  template: \"\(String(repeating: "{{big}}", count: 60))\"")
    XCTAssertEqual(
      findings(text),
      [
        "bounds.yaml:25:13: error: once its {{placeholders}} are filled in, this text could have 4800000 characters; a text may show at most 4000000"
      ])
  }

  // MARK: - Sizes, at run time

  /// Evaluation never builds a text past the limit, even for a dialogue that was never checked.
  func testEvaluationCutsTextsAtTheLimit() throws {
    let chain = try Expression.parse("repeat(repeat(repeat(\"ab\", 1000), 1000), 1000)")
    guard case .text(let text) = chain.evaluate({ _ in .none }) else { return XCTFail() }
    XCTAssertEqual(text.utf8.count, ValueLimits.maxTextBytes)
    let wide = try Expression.parse("repeat(\"é\", 1000) + repeat(repeat(\"😀\", 1000), 1000)")
    guard case .text(let mixed) = wide.evaluate({ _ in .none }) else { return XCTFail() }
    XCTAssertLessThanOrEqual(mixed.utf8.count, ValueLimits.maxTextBytes)
    XCTAssertEqual(mixed.unicodeScalars.last, "😀", "cut between characters, never inside one")
    let joined = try Expression.parse("join(\", \", t, t, t, t, t)")
    let megabyte = String(repeating: "x", count: 1 << 20)
    guard case .text(let parts) = joined.evaluate({ _ in .text(megabyte) }) else {
      return XCTFail()
    }
    XCTAssertEqual(parts.utf8.count, ValueLimits.maxTextBytes)
    let listed = try Expression.parse("text(l)")
    let items = Array(repeating: String(repeating: "y", count: 1000), count: 10_000)
    guard case .text(let list) = listed.evaluate({ _ in .list(items) }) else { return XCTFail() }
    XCTAssertEqual(list.utf8.count, ValueLimits.maxTextBytes)
  }

  /// When only the plan blew up, the session was saved first and then `sessions` and `resume`
  /// crashed on it every time: the engine now renders such a plan, cut, without checking.
  func testAnUncheckedRepeatChainRunsInBoundedMemory() throws {
    let text = dialogue(
      computed: ["c1: repeat(t, 1000)", "c2: repeat(c1, 1000)", "c3: repeat(c2, 1000)"],
      plan: "plan:\n  template: \"{{c3}} {{c3}}\"")
    let dialogue = try XCTUnwrap(DialogueLoader().load(text: text, name: "b.yaml").dialogue)
    let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
    var (session, _) = engine.start()
    for answer in ["hello", "5", "3", "yes"] { _ = engine.handle(.answer(answer), in: &session) }
    XCTAssertTrue(session.isFinished)
    guard case .text(let c3) = engine.value(of: "c3", in: session) else { return XCTFail() }
    XCTAssertEqual(c3.utf8.count, ValueLimits.maxTextBytes)
    XCTAssertEqual(engine.renderedPlan(in: session)?.utf8.count, 2 * ValueLimits.maxTextBytes + 1)
  }

  // MARK: - Defaults in range

  func testAnExpressionDefaultOutsideTheScaleIsRefused() {
    func check(_ formula: String, on kind: String = "type: scale\n    min: 1\n    max: 10")
      -> [String]
    {
      findings(dialogue(last: "\(kind)\n    default: =\(formula)"))
    }
    XCTAssertEqual(
      check("current + 2"),
      [
        "bounds.yaml:21:21: error: this default can be as much as 12, more than the scale's highest (10); keep it from 1 to 10, e.g. min(…, 10)"
      ])
    XCTAssertEqual(
      check("current - 3"),
      [
        "bounds.yaml:21:21: error: this default can be as little as -2, less than the scale's lowest (1); keep it from 1 to 10, e.g. max(…, 1)"
      ])
    XCTAssertEqual(
      check("mean(current, 10)"),
      [
        "bounds.yaml:21:21: error: this default can be a fraction, but the question takes whole numbers; round it, e.g. round(…)"
      ])
    for fine in [
      "min(current + 2, 10)", "max(min(current + 2, 10), 1)", "round(mean(current, 10))",
      "if(answered(current), current, 5)", "match(n, 1, 2, 3, 4, 5)", "round(number(t))",
    ] {
      XCTAssertEqual(check(fine), [], fine)
    }
    XCTAssertEqual(
      check("n * 2", on: "type: number\n    max: 100"),
      [
        "bounds.yaml:20:21: error: this default can be as much as 160, more than the question's highest (100); keep it at most 100, e.g. min(…, 100)"
      ])
    XCTAssertEqual(check("n * 2", on: "type: number"), [], "no range to keep to")
    XCTAssertEqual(
      check("n / 3", on: "type: number\n    integer: true"),
      [
        "bounds.yaml:20:21: error: this default can be a fraction, but the question takes whole numbers; round it, e.g. round(…)"
      ])
    XCTAssertEqual(check("n / 3", on: "type: number\n    integer: false"), [])
  }

  /// At run time a default the question cannot take is neither offered nor stored, even in a
  /// dialogue that was never checked: `=current + 2` offered 11 on a 1–10 scale and stored it.
  func testAnOutOfRangeDefaultIsNeverOfferedOrStored() throws {
    let text = dialogue(last: "type: scale\n    min: 1\n    max: 10\n    default: =current + 2")
    let dialogue = try XCTUnwrap(DialogueLoader().load(text: text, name: "b.yaml").dialogue)
    let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
    var (session, _) = engine.start()
    _ = engine.handle(.answer("hi"), in: &session)
    _ = engine.handle(.answer("9"), in: &session)
    var reply = engine.handle(.answer("3"), in: &session)
    XCTAssertNil(reply.prompt?.defaultValue, "11 is not offered")
    reply = engine.handle(.answer(""), in: &session)
    XCTAssertEqual(reply.rejection?.reason, "an answer is needed")
    XCTAssertNil(session.answers["last"])
    _ = engine.handle(.back, in: &session)
    _ = engine.handle(.back, in: &session)
    _ = engine.handle(.answer("5"), in: &session)
    reply = engine.handle(.answer("3"), in: &session)
    XCTAssertEqual(reply.prompt?.defaultValue, .number(7))
    _ = engine.handle(.answer(""), in: &session)
    XCTAssertEqual(session.answers["last"], .number(7))
  }

  func testWhatEachKindAccepts() {
    let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
    let options = [
      Option(value: "a", label: "A", location: here),
      Option(value: "b", label: "B", location: here),
    ]
    XCTAssertTrue(AnswerKind.choice(options).accepts(.text("a")))
    XCTAssertFalse(AnswerKind.choice(options).accepts(.text("A")))
    XCTAssertTrue(
      AnswerKind.multipleChoice(options, minPicks: 1, maxPicks: 2).accepts(.list(["b"])))
    XCTAssertFalse(AnswerKind.multipleChoice(options, minPicks: 1, maxPicks: 2).accepts(.list([])))
    XCTAssertFalse(
      AnswerKind.multipleChoice(options, minPicks: 0, maxPicks: 2).accepts(.list(["c"])))
    XCTAssertFalse(AnswerKind.number(.init(min: 0, max: 5, integer: true)).accepts(.number(2.5)))
    XCTAssertTrue(AnswerKind.number(.init(min: 0, max: 5, integer: false)).accepts(.number(2.5)))
    XCTAssertFalse(AnswerKind.text(.init(maxLength: 3)).accepts(.text("abcd")))
    XCTAssertFalse(AnswerKind.text(.init(pattern: "[0-9]+")).accepts(.text("x")))
    XCTAssertFalse(AnswerKind.yesNo.accepts(.text("yes")))
    XCTAssertTrue(AnswerKind.yesNo.accepts(.none))
  }

  // MARK: - The plan's file name

  func testThePlanFileNameIsOneFile() {
    func check(_ name: String) -> [String] {
      findings(dialogue(plan: "plan:\n  template: Plan\n  file_name: \"\(name)\""))
    }
    XCTAssertEqual(
      check("plans/trust.md"),
      [
        "bounds.yaml:25:15: error: file_name is the name of one file, without folders ('/'); the plan goes to the plans folder, or where --plan-out says"
      ])
    XCTAssertEqual(check("..").count, 1)
    XCTAssertEqual(check(" ").count, 1)
    XCTAssertEqual(check("a\\u0007b.md").count, 1)
    XCTAssertEqual(
      check(String(repeating: "x", count: 201)),
      ["bounds.yaml:25:15: error: file_name is 201 bytes long; keep it to 200"])
    XCTAssertEqual(check("trust-first.md"), [])
  }
}
