import Foundation
import XCTest

@testable import CoachKit

/// A section that runs over its time is said once, with an offer to move on that leaves out only
/// its optional questions.
final class OverTimeTests: XCTestCase {
  static let start = Date(timeIntervalSince1970: 1_795_942_800)  // 2026-11-29T09:00:00Z

  static let text = """
    format: 1
    id: over
    title: Over time
    duration: 3
    sections:
      - id: warmup
        title: Warm-up
        budget: 1
        steps:
          - id: name
            ask: {type: text, prompt: Your team's name?}
          - id: extra
            ask: {type: text, prompt: Anything else?, optional: true}
          - id: more
            ask: {type: text, prompt: And more?, optional: true}
          - id: rating
            ask: {type: scale, prompt: How is it going?, min: 1, max: 5}
          - id: last_extra
            ask: {type: text, prompt: A last word?, optional: true}
      - id: plan
        title: Your plan
        budget: 2
        steps:
          - id: step
            ask: {type: text, prompt: Your first step?}
          - id: bye
            say: Thanks, {{name}}.
            final: true
    plan:
      template: "{{name}}: {{step}}{{#extra}} ({{extra}}){{/extra}}"
    """

  func dialogue() throws -> Dialogue {
    let result = DialogueLoader().load(text: Self.text, name: "over.yaml")
    XCTAssertEqual(result.diagnostics, [])
    return try XCTUnwrap(result.dialogue)
  }

  func header(_ dialogue: Dialogue) -> LogHeader {
    LogHeader(
      session: "s", dialogue: dialogue, source: "test", startedAt: Self.start,
      timeZone: TimeZone(identifier: "UTC")!)
  }

  func at(_ seconds: Double) -> Date { Self.start.addingTimeInterval(seconds) }

  func testSaidOnceWhenOverAndMovingOnLeavesOutOnlyTheOptionalQuestions() throws {
    let dialogue = try dialogue()
    let store = MemoryEventStore()
    var (runtime, _) = SessionRuntime.start(dialogue, header: header(dialogue), store: store)
    // Within the minute: nothing said.
    var reply = try runtime.handle(.answer("Tigers"), at: at(30))
    XCTAssertNil(reply.overTime)
    XCTAssertEqual(reply.prompt?.stepID, "extra")
    _ = try runtime.handle(.back, at: at(40))
    // Over the minute, with three optional questions ahead (the waiting one included).
    reply = try runtime.handle(.answer("Tigers"), at: at(70))
    let over = try XCTUnwrap(reply.overTime)
    XCTAssertEqual(over.sectionID, "warmup")
    XCTAssertEqual(over.title, "Warm-up")
    XCTAssertEqual(over.optionalLeft, 3)
    XCTAssertEqual(over.elapsed, 70, accuracy: 0.001)
    XCTAssertEqual(over.budget, 60)
    XCTAssertEqual(reply.prompt?.stepID, "extra")
    // Moving on: the required rating is still asked; the optional ones are passed over.
    reply = try runtime.handle(.moveOn, at: at(75))
    XCTAssertEqual(reply.notice, .movedOnInSection(sectionID: "warmup", leftOut: 3))
    XCTAssertEqual(reply.prompt?.stepID, "rating")
    reply = try runtime.handle(.answer("4"), at: at(80))
    XCTAssertNil(reply.overTime, "said once")
    XCTAssertEqual(reply.prompt?.stepID, "step", "the last optional question is left out too")
    reply = try runtime.handle(.answer("Book the room"), at: at(400))
    XCTAssertNil(reply.overTime, "a section without optional questions is never cut")
    XCTAssertTrue(runtime.isFinished)
    XCTAssertEqual(runtime.plan(at: at(400)), "Tigers: Book the room")
    XCTAssertNil(runtime.session.answers["extra"])

    // The log replays to the same session, and the transcript says what happened.
    let transcript = Transcript.replay(
      header: try XCTUnwrap(store.header), entries: store.entries, dialogue: dialogue)
    XCTAssertEqual(transcript.session, runtime.session)
    let notes = transcript.items.compactMap { item -> FacilitationEvent? in
      if case .facilitation(let event, _) = item { event } else { nil }
    }
    XCTAssertEqual(notes, [.sectionLeft(sectionID: "warmup", title: "Warm-up", leftOut: 3)])
    XCTAssertEqual(
      notes.first?.description, "moved on from Warm-up, over its time: 3 optional questions left out")
  }

  func testStayingKeepsAskingAndIsNotAskedAgain() throws {
    let dialogue = try dialogue()
    var (runtime, _) = SessionRuntime.start(
      dialogue, header: header(dialogue), store: MemoryEventStore())
    XCTAssertNotNil(try runtime.handle(.answer("Tigers"), at: at(90)).overTime)
    // The person answers the optional question instead of moving on.
    let reply = try runtime.handle(.answer("We are new"), at: at(100))
    XCTAssertNil(reply.overTime)
    XCTAssertEqual(reply.prompt?.stepID, "more")
  }

  func testBackAfterMovingOnRestoresWhatWasPassedOver() throws {
    let dialogue = try dialogue()
    var (runtime, _) = SessionRuntime.start(
      dialogue, header: header(dialogue), store: MemoryEventStore())
    _ = try runtime.handle(.answer("Tigers"), at: at(10))
    _ = try runtime.handle(.answer("We are new"), at: at(20))
    XCTAssertNotNil(try runtime.handle(.back, at: at(65)).undone)
    // Answered again after the minute: offered; moving on empties "extra".
    XCTAssertNotNil(try runtime.handle(.answer("We are new"), at: at(70)).overTime)
    _ = try runtime.handle(.moveOn, at: at(71))
    XCTAssertEqual(runtime.session.answers["extra"], .text("We are new"), "already answered")
    XCTAssertEqual(runtime.prompt(at: at(71))?.stepID, "rating")
  }

  func testNotInFacilitatorMode() throws {
    let dialogue = try dialogue()
    var engine = Engine(dialogue: dialogue, clock: FixedClock(Self.start))
    engine.participants = Participants(count: 3)
    var (session, _) = engine.start()
    let reply = engine.at(at(120)).handle(.answer("Tigers"), in: &session)
    XCTAssertNil(reply.overTime)
  }
}
