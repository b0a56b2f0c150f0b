import Foundation
import XCTest

@testable import CoachKit

/// A step's `when`, the plan's `save_if` and `calendar`, and the reference documenting every key.
final class WhenAndPlanOutputTests: XCTestCase {
  static let yaml = """
    format: 1
    id: t
    title: T
    duration: 2
    sections:
      - id: s
        title: S
        budget: 2
        steps:
          - id: keep
            ask: {type: yesno, prompt: Keep it?}
          - id: picks
            ask: {type: multi, prompt: Pick, options: [{value: a, label: Apple}, {value: b, label: Bean}]}
          - id: second
            when: count(picks) >= 2
            say: Two picks.
            ask:
              type: text
              prompt: "Second: {{picks}}"
              default: =label(item(picks, 2), picks)
          - id: own
            when: '"b" in picks'
            ask:
              type: text
              prompt: Own?
              default: =if(keep, "", "x")
          - id: end
            say: "Done {{second}}."
            final: true
    computed:
      in_a_week: today + 7
    plan:
      template: "Plan {{second}}"
      save_if: keep
      calendar:
        date: in_a_week
        summary: "Check {{picks}}"
        description: Second was {{second}}
    """

  func load(_ text: String) throws -> (Dialogue, [Diagnostic]) {
    let result = DialogueLoader().load(text: text, name: "t.yaml")
    let dialogue = try XCTUnwrap(result.dialogue)
    return (dialogue, result.diagnostics + DialogueChecker().check(dialogue))
  }

  func engine() throws -> Engine {
    let (dialogue, findings) = try load(Self.yaml)
    XCTAssertEqual(findings.map(\.description), [])
    return Engine(
      dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 86_400 * 20_000)))
  }

  func testAStepWhoseConditionFailsIsPassedOver() throws {
    let engine = try engine()
    var (session, _) = engine.start()
    _ = engine.handle(.answer("y"), in: &session)
    let reply = engine.handle(.answer("1"), in: &session)
    // Neither 'second' (one pick) nor 'own' (no "b"): straight to the end.
    XCTAssertTrue(reply.isFinished)
    XCTAssertEqual(reply.lines, [.say("Done .", stepID: "end")])
    XCTAssertNil(session.answers["second"])
    XCTAssertEqual(engine.renderedPlan(in: session), "Plan ")
  }

  func testAStepWhoseConditionHoldsIsTaken() throws {
    let engine = try engine()
    var (session, _) = engine.start()
    _ = engine.handle(.answer("y"), in: &session)
    let reply = engine.handle(.answer("1 2"), in: &session)
    XCTAssertEqual(reply.lines, [.say("Two picks.", stepID: "second")])
    XCTAssertEqual(reply.prompt?.text, "Second: Apple, Bean")
    XCTAssertEqual(reply.prompt?.defaultText, "Bean")
    _ = engine.handle(.answer(""), in: &session)
    XCTAssertEqual(session.answers["second"], .text("Bean"))
    // An expression default that works out to "" is no default.
    let own = engine.currentPrompt(in: session)
    XCTAssertEqual(own?.stepID, "own")
    XCTAssertNil(own?.defaultText)
    let rejected = engine.handle(.answer(""), in: &session)
    XCTAssertNotNil(rejected.rejection)
  }

  func testSaveIfAndCalendarEvent() throws {
    let engine = try engine()
    var (session, _) = engine.start()
    _ = engine.handle(.answer("n"), in: &session)
    _ = engine.handle(.answer("1 2"), in: &session)
    _ = engine.handle(.answer("Beans"), in: &session)
    _ = engine.handle(.answer(""), in: &session)  // default "x", since keep is false
    XCTAssertTrue(session.isFinished)
    XCTAssertFalse(engine.shouldSavePlan(in: session))
    XCTAssertEqual(
      engine.calendarEvents(in: session),
      [
        CalendarEvent(
          id: "event", start: .day(Day(daysSince1970: 20_007)), summary: "Check Apple, Bean",
          description: "Second was Beans")
      ])
  }

  func testCheckerFindsMistakesInTheNewKeys() throws {
    var text = Self.yaml.replacingOccurrences(
      of: "when: count(picks) >= 2", with: "when: count(picks)")
    text = text.replacingOccurrences(of: "save_if: keep", with: "save_if: kep")
    text = text.replacingOccurrences(of: "date: in_a_week", with: "date: 7")
    text = text.replacingOccurrences(
      of: "summary: \"Check {{picks}}\"", with: "summary: \"Check {{pick}}\"")
    let (_, findings) = try load(text)
    let messages = findings.map(\.description)
    XCTAssert(
      messages.contains(
        "t.yaml:15:15: error: a condition should be true or false, but this gives a number"),
      "\(messages)")
    XCTAssert(
      messages.contains("t.yaml:34:12: error: unknown name 'kep'; did you mean 'keep'?"),
      "\(messages)")
    XCTAssert(
      messages.contains("t.yaml:36:11: error: this should give a date, but it gives a number"),
      "\(messages)")
    XCTAssert(
      messages.contains("t.yaml:37:21: error: unknown name 'pick'; did you mean 'picks'?"),
      "\(messages)")
  }

  func testAConditionMayNotReadItsOwnStepsAnswer() throws {
    let text = Self.yaml.replacingOccurrences(
      of: "when: '\"b\" in picks'", with: "when: own == \"x\"")
    let (_, findings) = try load(text)
    XCTAssert(
      findings.map(\.description).contains {
        $0.contains("'own' is not set yet here")
      }, "\(findings)")
  }

  /// Every key the loader accepts is described in docs/dialogue-format.md.
  func testTheReferenceMentionsEveryKey() throws {
    let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/dialogue-format.md")
    let text = try String(contentsOf: docs, encoding: .utf8)
    for key in Schema.allKeys.sorted() {
      XCTAssert(text.contains("`\(key)`"), "docs/dialogue-format.md does not mention `\(key)`")
    }
    for function in Function.allCases {
      XCTAssert(
        text.contains("`\(function.name)("),
        "docs/dialogue-format.md does not describe \(function.name)()")
    }
  }
}
