@testable import CoachKit
import Foundation
import XCTest

/// The engine, driven event by event with no I/O: a dialogue in memory, a fixed clock.
final class EngineTests: XCTestCase {
  static let yaml = """
    id: engine-test
    title: Engine test
    duration: 3
    computed:
      score: (mean(keeps, listens) - 1) * 25
      follow_up: today + days
    sections:
      - id: one
        title: One
        budget: 2
        steps:
          - id: intro
            say: Hello.
          - id: name
            ask:
              type: text
              prompt: Team name?
              max_length: 10
          - id: size
            ask:
              type: number
              prompt: How many in {{name}}?
              min: 1
              max: 50
            next:
              - if: size > 10
                goto: big
              - goto: keeps
          - id: big
            say: That's a big team.
            ask:
              type: yesno
              var: split
              prompt: Split it?
              default: "no"
          - id: keeps
            ask:
              type: scale
              prompt: I keep my promises.
              min: 1
              max: 5
          - id: listens
            ask:
              type: scale
              prompt: I listen.
              min: 1
              max: 5
              optional: true
      - id: two
        title: Two
        budget: 1
        steps:
          - id: topics
            ask:
              type: multi
              prompt: Topics?
              options: [Status, Growth, Feedback]
              max_picks: 2
          - id: often
            ask:
              type: choice
              prompt: How often?
              options:
                - value: weekly
                  label: Every week
                  synonyms: [weekly]
                - value: monthly
                  label: Every month
              default: =if(score >= 50, "weekly", "monthly")
          - id: days
            ask:
              type: number
              prompt: Follow up in days?
              default: 14
          - id: end
            say: Score {{score}}, {{topics}}, {{often}}, follow-up {{follow_up}}.
            final: true
    """

  let clock = FixedClock(Date(timeIntervalSince1970: 1_795_000_000))  // 2026-11-18

  func makeEngine() throws -> Engine {
    let result = DialogueLoader().load(text: Self.yaml, name: "engine.yaml")
    let dialogue = try XCTUnwrap(result.dialogue)
    let findings = result.diagnostics + DialogueChecker().check(dialogue)
    XCTAssertEqual(findings, [], "the test dialogue is valid")
    return Engine(dialogue: dialogue, clock: clock)
  }

  func said(_ reply: Reply) -> [String] {
    reply.lines.compactMap {
      if case .say(let text, _) = $0 { return text }
      return nil
    }
  }

  func testStartShowsSectionSayAndFirstQuestion() throws {
    let engine = try makeEngine()
    let (session, reply) = engine.start()
    XCTAssertEqual(session.currentStepID, "name")
    XCTAssertEqual(
      reply.lines.first,
      .section(SectionHeading(id: "one", title: "One", number: 1, count: 2, budget: 2)))
    XCTAssertEqual(said(reply), ["Hello."])
    XCTAssertEqual(reply.prompt?.text, "Team name?")
    XCTAssertEqual(reply.prompt?.stepNumber, 2)
  }

  func testAnswerIsInterpolatedIntoTheNextPrompt() throws {
    let engine = try makeEngine()
    var (session, _) = engine.start()
    let reply = engine.handle(.answer("  Tigers "), in: &session)
    XCTAssertEqual(session.answers["name"], .text("Tigers"))
    XCTAssertEqual(reply.prompt?.text, "How many in Tigers?")
  }

  func testAnswerThatDoesNotFitIsAskedAgainWithReason() throws {
    let engine = try makeEngine()
    var (session, _) = engine.start()
    _ = engine.handle(.answer("Tigers"), in: &session)
    var reply = engine.handle(.answer("51"), in: &session)
    XCTAssertEqual(reply.rejection?.reason, "51 is more than 50; enter a whole number from 1 to 50")
    XCTAssertEqual(reply.prompt?.stepID, "size")
    XCTAssertEqual(session.currentStepID, "size")
    reply = engine.handle(.answer("a dozen"), in: &session)
    XCTAssertEqual(
      reply.rejection?.reason, "'a dozen' is not a number; enter a whole number from 1 to 50")
    reply = engine.handle(.answer(""), in: &session)
    XCTAssertEqual(reply.rejection?.reason, "an answer is needed")
    reply = engine.handle(.answer("this is far too long"), in: &session)
    XCTAssertNotNil(reply.rejection)
  }

  func testConditionalTransitionsFollowTheAnswers() throws {
    let engine = try makeEngine()
    var (small, _) = engine.start()
    _ = engine.handle(.answer("A"), in: &small)
    let smallReply = engine.handle(.answer("4"), in: &small)
    XCTAssertEqual(smallReply.prompt?.stepID, "keeps")

    var (big, _) = engine.start()
    _ = engine.handle(.answer("A"), in: &big)
    let bigReply = engine.handle(.answer("12"), in: &big)
    XCTAssertEqual(said(bigReply), ["That's a big team."])
    XCTAssertEqual(bigReply.prompt?.stepID, "big")
    XCTAssertEqual(bigReply.prompt?.defaultValue, .bool(false))
    let next = engine.handle(.answer(""), in: &big)
    XCTAssertEqual(big.answers["split"], .bool(false))
    XCTAssertEqual(next.prompt?.stepID, "keeps")
  }

  func testBackUndoesAnswersAllTheWayToTheFirstQuestion() throws {
    let engine = try makeEngine()
    var (session, _) = engine.start()
    _ = engine.handle(.answer("A"), in: &session)
    _ = engine.handle(.answer("12"), in: &session)
    _ = engine.handle(.answer("y"), in: &session)
    XCTAssertEqual(session.currentStepID, "keeps")

    var reply = engine.handle(.back, in: &session)
    XCTAssertEqual(reply.notice, .wentBack(stepID: "big"))
    XCTAssertEqual(reply.prompt?.stepID, "big")
    XCTAssertNil(session.answers["split"])
    reply = engine.handle(.back, in: &session)
    XCTAssertEqual(reply.prompt?.stepID, "size")
    XCTAssertNil(session.answers["size"])
    reply = engine.handle(.back, in: &session)
    XCTAssertEqual(reply.prompt?.stepID, "name")
    reply = engine.handle(.back, in: &session)
    XCTAssertEqual(reply.notice, .nothingToUndo)
    XCTAssertEqual(reply.prompt?.stepID, "name")
    XCTAssertEqual(session.answers, [:])
    // A different answer now takes the other branch.
    _ = engine.handle(.answer("A"), in: &session)
    reply = engine.handle(.answer("3"), in: &session)
    XCTAssertEqual(reply.prompt?.stepID, "keeps")
  }

  func testOnlyOptionalQuestionsCanBeSkipped() throws {
    let engine = try makeEngine()
    var session = try sessionAt("keeps", engine)
    var reply = engine.handle(.skip, in: &session)
    XCTAssertEqual(reply.notice, .cannotSkip)
    XCTAssertEqual(session.currentStepID, "keeps")
    _ = engine.handle(.answer("5"), in: &session)
    reply = engine.handle(.skip, in: &session)
    XCTAssertEqual(reply.notice, .skipped(stepID: "listens"))
    XCTAssertEqual(session.answers["listens"], Value.none)
    // The mean leaves the skipped answer out: (5 - 1) * 25.
    XCTAssertEqual(engine.value(of: "score", in: session), .number(100))
  }

  func testChoiceDefaultFromAFormulaAndInterpolatedLabels() throws {
    let engine = try makeEngine()
    var session = try sessionAt("keeps", engine)
    _ = engine.handle(.answer("2"), in: &session)
    _ = engine.handle(.answer("2"), in: &session)
    let topics = engine.handle(.answer("1, 3"), in: &session)
    XCTAssertEqual(session.answers["topics"], .list(["Status", "Feedback"]))
    XCTAssertEqual(topics.prompt?.defaultValue, .text("monthly"), "score 25 is below 50")
    XCTAssertEqual(topics.prompt?.defaultText, "Every month")
    _ = engine.handle(.answer("weekly"), in: &session)
    let end = engine.handle(.answer(""), in: &session)
    XCTAssertEqual(said(end), ["Score 25, Status, Feedback, Every week, follow-up 2026-12-02."])
    XCTAssertTrue(end.isFinished)
    XCTAssertTrue(session.isFinished)
    XCTAssertEqual(engine.handle(.answer("more"), in: &session).notice, .alreadyFinished)
  }

  func testRestartForgetsEverything() throws {
    let engine = try makeEngine()
    var session = try sessionAt("keeps", engine)
    let reply = engine.handle(.restart, in: &session)
    XCTAssertEqual(reply.notice, .restarted)
    XCTAssertEqual(session.answers, [:])
    XCTAssertEqual(session.currentStepID, "name")
  }

  func testSessionRoundTripsThroughJSON() throws {
    let engine = try makeEngine()
    let session = try sessionAt("keeps", engine)
    let data = try JSONEncoder().encode(session)
    XCTAssertEqual(try JSONDecoder().decode(Session.self, from: data), session)
  }

  func testSameEventsGiveTheSameSession() throws {
    let engine = try makeEngine()
    let events: [Event] = [
      .answer("A"), .answer("12"), .back, .answer("3"), .answer("4"), .skip, .answer("2 3"),
    ]
    func replay() -> Session {
      var (session, _) = engine.start()
      for event in events { _ = engine.handle(event, in: &session) }
      return session
    }
    XCTAssertEqual(replay(), replay())
  }

  private func sessionAt(_ stepID: String, _ engine: Engine) throws -> Session {
    var (session, _) = engine.start()
    _ = engine.handle(.answer("A"), in: &session)
    _ = engine.handle(.answer("4"), in: &session)
    XCTAssertEqual(session.currentStepID, "keeps")
    return session
  }
}

/// Times in session logs round-trip to the millisecond, before 1970 too.
final class LogTimeTests: XCTestCase {
  func testFormatAndParse() {
    let date = Date(timeIntervalSince1970: 1_795_000_000.123)
    XCTAssertEqual(LogTime.format(date), "2026-11-18T11:06:40.123Z")
    XCTAssertEqual(
      LogTime.parse("2026-11-18T11:06:40.123Z")?.timeIntervalSince1970 ?? 0, 1_795_000_000.123,
      accuracy: 0.0005)
    XCTAssertEqual(LogTime.format(Date(timeIntervalSince1970: -1)), "1969-12-31T23:59:59.000Z")
    XCTAssertEqual(LogTime.parse("2026-11-29T09:00:00Z")?.timeIntervalSince1970, 1_795_942_800)
  }

  /// A dialogue that was never checked and leads to a step it does not have says so; it is not
  /// passed off as a loop.
  func testATargetThatNamesNoStepIsSaidAsSuch() throws {
    let yaml = DialogueText.retro(("goto: mood", "goto: nowhere"))
    let dialogue = try XCTUnwrap(DialogueLoader().load(text: yaml, name: "retro.yaml").dialogue)
    let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
    var (session, _) = engine.start()
    let reply = engine.handle(.answer("4"), in: &session)
    XCTAssertEqual(reply.notice, .stoppedAtUnknownStep("nowhere"))
  }
}
