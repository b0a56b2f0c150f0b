import Foundation
import XCTest

@testable import CoachKit

/// `{{placeholders}}` are limited to coach's Mustache subset: `{{name}}`, `{{#name}}`,
/// `{{^name}}`, `{{/name}}`, comments; everything else is refused where it is written, and
/// renders as nothing should it ever run.
final class TemplateTests: XCTestCase {
  let here = SourceLocation(file: "t.yaml", line: 3, column: 10)

  func problem(_ source: String) -> String? {
    Text(source: source, location: here).problem?.description
  }

  /// A text rendered by an engine whose session answered `focus` and `picks`.
  func rendered(_ source: String) throws -> String {
    let loaded = DialogueLoader().load(
      text: DialogueText.oneSection(
        id: "t",
        steps: """
          - id: focus
            ask: { type: text, prompt: Focus? }
            notes: Facilitator only
          - id: picks
            ask: { type: multi, prompt: Which?, options: [one, two, three] }
          - id: end
            say: done
            final: true
          """), name: "t.yaml")
    let dialogue = try XCTUnwrap(loaded.dialogue, "\(loaded.diagnostics)")
    let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
    var (session, _) = engine.start()
    _ = engine.handle(.answer("my secret answer"), in: &session)
    _ = engine.handle(.answer("1, 3"), in: &session)
    return engine.render(Text(source: source, location: here), in: session)
  }

  // MARK: - What is refused, and where

  func testTheWholeContextIsRefusedAndRendersNothing() throws {
    XCTAssertEqual(
      problem("Everything: {{.}}"),
      "t.yaml:3:22: error: {{.}} is not supported: it would show every answer and the notes; name the value to show, like {{focus}}"
    )
    XCTAssertEqual(problem("{{#focus}}{{ . }}{{/focus}}").map { $0.contains("{{.}}") }, true)
    // It printed every answer (free text included) and the facilitator's notes.
    XCTAssertEqual(try rendered("Everything: [{{.}}] {{{.}}} {{&.}}"), "Everything: []  ")
    XCTAssertEqual(try rendered("{{#focus}}Focus: {{focus}}{{/focus}}"), "Focus: my secret answer")
  }

  func testPartialsAreRefused() {
    XCTAssertEqual(
      problem("Intro\n{{> header}}"),
      "t.yaml:4:10: error: partials ({{> name}}) are not supported: write the text here (the plan may come from a template_file)"
    )
  }

  func testOtherTagsOutsideTheSubsetAreRefused() throws {
    let cases: [(String, String)] = [
      ("{{focus.count}}", "'{{focus.count}}': a placeholder names one value, like {{focus}}"),
      ("{{#focus.x}}a{{/focus.x}}", "'{{focus.x}}': a placeholder names one value"),
      ("{{.focus}}", "'{{.focus}}': a placeholder names one value, like {{focus}}"),
      ("{{uppercased(focus)}}", "'{{uppercased(focus)}}': transforms like uppercased(…) are not"),
      ("{{=<% %>=}}", "changing the delimiters ({{=…=}}) is not supported"),
      ("{{%CONTENT_TYPE: HTML}}", "'{{%…}}' pragmas are not supported"),
      ("{{$block}}x{{/block}}", "template inheritance ({{$…}}, {{<…}}) is not supported"),
      ("{{<parent}}{{/parent}}", "template inheritance ({{$…}}, {{<…}}) is not supported"),
    ]
    for (source, message) in cases {
      let found = try XCTUnwrap(problem(source), source)
      XCTAssertTrue(found.contains(message), "\(source): \(found)")
    }
    // Whatever slips through is cut out before rendering: it shows nothing, and after new
    // delimiters, text stays text (the fuzzer found `{{.focus}}` showing the answer).
    XCTAssertEqual(
      try rendered("[{{focus.value}}][{{focus.text}}][{{uppercased(focus)}}][{{.focus}}]"),
      "[][][][]")
    XCTAssertEqual(try rendered("{{=<% %>=}}<% focus %> {{> header}}!"), "<% focus %> !")
  }

  func testTheSubsetIsAccepted() throws {
    for source in [
      "{{focus}}", "{{ focus }}", "{{{focus}}}", "{{&focus}}", "{{! a comment }}",
      "{{#focus}}yes{{/focus}}{{^focus}}no{{/focus}}",
    ] {
      XCTAssertNil(problem(source), source)
    }
    XCTAssertEqual(
      try rendered("{{{focus}}} / {{&focus}}{{! not shown }}"),
      "my secret answer / my secret answer")
  }

  /// A section over a list shows its text once, not once per item.
  func testSectionsOverAListDoNotRepeat() throws {
    XCTAssertEqual(try rendered("{{#picks}}[{{picks}}]{{/picks}}"), "[one, three]")
  }

  // MARK: - Nesting

  func testSectionsNestTwentyDeep() throws {
    let twenty =
      (0..<20).map { _ in "{{#focus}}" }.joined() + "deep"
      + (0..<20).map { _ in "{{/focus}}" }.joined()
    XCTAssertNil(problem(twenty))
    XCTAssertEqual(try rendered(twenty), "deep")
  }

  /// 3,000 nested sections (36 KB) crashed `check` and `run` with a stack overflow inside
  /// swift-mustache's parser; now they are refused before it sees them.
  func testDeeperSectionsAreRefusedBeforeMustacheParsesThem() throws {
    let deep =
      String(repeating: "{{#focus}}", count: 3000) + "x"
      + String(repeating: "{{/focus}}", count: 3000)
    XCTAssertEqual(
      problem(deep),
      "t.yaml:3:210: error: {{#…}} and {{^…}} sections nest more than 20 deep here; close some before opening more"
    )
    let text = Text(source: deep, location: here)
    guard case .plain = text.body else { return XCTFail("a text too deep is never parsed") }
    XCTAssertEqual(text.names.count, 3000)
    _ = try rendered(deep)
  }

  // MARK: - Placeholder checking is linear

  /// A 1.8 MB plan of `{{today}}` took 76 s to check: every placeholder's column was counted
  /// from the start of its line. (This test took minutes before.)
  func testAMegabyteOfPlaceholdersIsCheckedInOnePass() throws {
    let source = String(repeating: "{{today}}", count: 200_000)
    let text = Text(source: source, location: here)
    XCTAssertEqual(text.names.count, 200_000)
    XCTAssertEqual(text.names.last?.location.column, 10 + 9 * 199_999)
  }

  /// swift-mustache's parser measures the rest of the text at every tag: 50,000 lines of
  /// sections would take an hour. A text that needs it is limited to 32 KB and 1,000 tags, and
  /// one over is reported without being parsed.
  func testATextWithSectionsIsLimitedBeforeMustacheParsesIt() throws {
    let many = String(repeating: "{{#today}}{{today}}{{/today}}\n", count: 50_000)
    let text = Text(source: many, location: here)
    XCTAssertEqual(text.names.last?.location.line, 3 + 49_999)
    XCTAssertEqual(
      text.problem?.description,
      "t.yaml:3:10: error: a text with {{#sections}} may be at most 32 KB with 1000 {{tags}}; this one is 1465 KB with 150000"
    )
    let tags = String(repeating: "{{#today}}x{{/today}}", count: 501)
    XCTAssertEqual(
      Text(source: tags, location: here).problem?.message,
      "a text with {{#sections}} may be at most 32 KB with 1000 {{tags}}; this one is 11 KB with 1002"
    )
    let large = "{{#today}}" + String(repeating: "x", count: 40_000) + "{{/today}}"
    XCTAssertEqual(
      Text(source: large, location: here).problem?.message,
      "a text with {{#sections}} may be at most 32 KB with 1000 {{tags}}; this one is 40 KB with 2")
    let within = String(repeating: "{{#today}}{{today}}{{/today}}\n", count: 333)
    XCTAssertNil(Text(source: within, location: here).problem)
  }
}
