@testable import CoachKit
import Foundation
import XCTest

/// Facilitator mode in the engine and the transcript, with an injected clock: every event is
/// handled at an instant the test chooses, so nothing sleeps and nothing depends on timing.
final class FacilitationTests: XCTestCase {
  static let yaml = """
    id: team-test
    title: Team test
    duration: 5
    sections:
      - id: warmup
        title: Warm-up
        budget: 2
        steps:
          - id: safety
            ask:
              type: scale
              prompt: It is safe to admit a mistake here.
              min: 1
              max: 5
              team: true
            notes: Leaders rate this higher.
          - id: goal
            ask:
              type: text
              prompt: What is our goal?
      - id: close
        title: Close
        budget: 3
        steps:
          - id: action
            ask:
              type: text
              prompt: One action?
          - id: done
            say: "Parked: {{parking_lot}}"
            final: true
    """

  let start = Date(timeIntervalSince1970: 1_795_000_000)

  func minutes(_ count: Double) -> Date { start.addingTimeInterval(count * 60) }

  func makeEngine(
    participants: Participants? = Participants(count: 3, names: ["Ana", "Ben", "Chen"])
  )
    throws -> Engine
  {
    let result = DialogueLoader().load(text: Self.yaml, name: "team.yaml")
    let dialogue = try XCTUnwrap(result.dialogue)
    XCTAssertEqual(result.diagnostics + DialogueChecker().check(dialogue), [])
    var engine = Engine(dialogue: dialogue, clock: FixedClock(start))
    engine.participants = participants
    return engine
  }

  // MARK: - Aggregation

  let fivePoints = AnswerKind.Scale(min: 1, max: 5)

  func testSummaryGivesCountMedianRangeAndFavourable() {
    let summary = TeamSummary(values: [4, 3, 5, 2, 4], scale: fivePoints, leaderRating: nil)
    XCTAssertTrue(summary.isShown)
    XCTAssertEqual(summary.count, 5)
    XCTAssertEqual(summary.median, 4)
    XCTAssertEqual(summary.lowest, 2)
    XCTAssertEqual(summary.highest, 5)
    XCTAssertEqual(summary.favourableFrom, 4)
    XCTAssertEqual(summary.favourablePercent, 60)
    XCTAssertEqual(summary.histogram.map(\.count), [0, 1, 1, 2, 1])
    XCTAssertTrue(summary.isSplit, "a range of 3")
    XCTAssertFalse(summary.isBlindSpot)
  }

  func testMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    XCTAssertEqual(
      TeamSummary(values: [1, 2, 4, 5], scale: fivePoints, leaderRating: nil).median, 3)
  }

  func testBelowThreeResponsesNothingIsShownOrFlagged() {
    let summary = TeamSummary(values: [1, 5], scale: fivePoints, leaderRating: 5)
    XCTAssertFalse(summary.isShown)
    XCTAssertFalse(summary.isSplit)
    XCTAssertFalse(summary.isBlindSpot)
  }

  func testBlindSpotWhenTheLeaderIsAtLeastOneAboveTheMedian() {
    XCTAssertTrue(TeamSummary(values: [3, 3, 4], scale: fivePoints, leaderRating: 4).isBlindSpot)
    XCTAssertFalse(
      TeamSummary(values: [3, 4, 4], scale: fivePoints, leaderRating: 4.5).isBlindSpot)
    XCTAssertFalse(TeamSummary(values: [3, 4, 4], scale: fivePoints, leaderRating: 4).isSplit)
  }

  func testFavourableIsTheTopQuarterOfTheScale() {
    let tenPoints = AnswerKind.Scale(min: 0, max: 10)
    XCTAssertEqual(
      TeamSummary(values: [7, 8, 10], scale: tenPoints, leaderRating: nil).favourableFrom, 8)
  }

  func testParticipantsParseANumberOrNames() {
    XCTAssertEqual(Participants(parsing: "5"), Participants(count: 5))
    XCTAssertEqual(
      Participants(parsing: " Ana, Ben ,Chen"),
      Participants(count: 3, names: ["Ana", "Ben", "Chen"]))
    XCTAssertNil(Participants(parsing: "0"))
    XCTAssertNil(Participants(parsing: "Ana,ana"))
    XCTAssertNil(Participants(parsing: "Ana,,Ben"))
    XCTAssertEqual(Participants(count: 2).label(1), "Participant 2")
  }

  // MARK: - Team rounds in the engine

  func testEachParticipantRatesThenTheLeaderAndTheSummaryFollows() throws {
    let engine = try makeEngine()
    var (session, reply) = engine.start()
    XCTAssertEqual(reply.prompt?.participant?.label, "Ana")
    XCTAssertEqual(reply.prompt?.participant?.acceptsList, true)
    reply = engine.handle(.answer("4"), in: &session)
    XCTAssertEqual(reply.prompt?.participant?.label, "Ben")
    XCTAssertEqual(reply.prompt?.participant?.acceptsList, false)
    reply = engine.handle(.answer("3 4"), in: &session)
    XCTAssertNotNil(reply.rejection, "a list only at the first turn")
    reply = engine.handle(.answer("3"), in: &session)
    reply = engine.handle(.answer("2"), in: &session)
    XCTAssertNil(reply.prompt?.participant, "the leader's own turn")
    XCTAssertEqual(reply.prompt?.stepID, "safety")
    XCTAssertNil(session.answers["safety"], "team ratings do not set the variable")
    reply = engine.handle(.answer("5"), in: &session)
    XCTAssertEqual(session.answers["safety"], .number(5), "the leader's own rating sets it")
    let summary = try XCTUnwrap(
      reply.lines.compactMap { line -> TeamSummary? in
        if case .teamSummary(let summary, _) = line { return summary }
        return nil
      }.first)
    XCTAssertEqual(summary.count, 3)
    XCTAssertEqual(summary.median, 3)
    XCTAssertTrue(summary.isBlindSpot)
    XCTAssertEqual(
      session.teamRounds["safety"]?.answers.map(\.participant), ["Ana", "Ben", "Chen"])
    XCTAssertEqual(reply.prompt?.stepID, "goal")
  }

  func testAnAnonymousListClosesTheRoundAndBackTakesItBack() throws {
    let engine = try makeEngine(participants: Participants(count: 5))
    var (session, _) = engine.start()
    var reply = engine.handle(.answer("4 3 5 2 4"), in: &session)
    XCTAssertNil(reply.prompt?.participant)
    XCTAssertEqual(
      session.teamRounds["safety"]?.answers.map(\.participant), [nil, nil, nil, nil, nil])
    XCTAssertEqual(session.teamRounds["safety"]?.values, [4, 3, 5, 2, 4])
    reply = engine.handle(.back, in: &session)
    XCTAssertEqual(reply.notice, .teamAnswerUndone)
    XCTAssertEqual(session.teamRounds["safety"]?.answers, [])
    XCTAssertEqual(reply.prompt?.participant?.index, 0)
    reply = engine.handle(.answer("6 1"), in: &session)
    XCTAssertNotNil(reply.rejection, "6 is off the scale")
  }

  func testSkipPassesAndNextClosesTheRoundEarly() throws {
    let engine = try makeEngine()
    var (session, _) = engine.start()
    var reply = engine.handle(.skip, in: &session)
    XCTAssertEqual(reply.notice, .participantPassed("Ana"))
    _ = engine.handle(.answer("4"), in: &session)
    reply = engine.handle(.next, in: &session)
    XCTAssertEqual(reply.notice, .teamRoundClosed(stepID: "safety"))
    XCTAssertNil(reply.prompt?.participant)
    reply = engine.handle(.answer("4"), in: &session)
    guard case .teamSummary(let summary, _)? = reply.lines.first else {
      return XCTFail("\(reply.lines)")
    }
    XCTAssertEqual(summary.count, 1)
    XCTAssertFalse(summary.isShown)
  }

  func testWithoutParticipantsTheLeaderAnswersTeamQuestionsAlone() throws {
    let engine = try makeEngine(participants: nil)
    var (session, reply) = engine.start()
    XCTAssertNil(reply.prompt?.participant)
    reply = engine.handle(.answer("4"), in: &session)
    XCTAssertEqual(reply.prompt?.stepID, "goal")
    XCTAssertFalse(reply.lines.contains { if case .teamSummary = $0 { true } else { false } })
  }

  // MARK: - Facilitator events, with an injected clock

  func testPauseAndResumeStopTheClock() throws {
    let engine = try makeEngine(participants: nil)
    var (session, _) = engine.start()
    XCTAssertEqual(engine.at(minutes(1)).handle(.pause, in: &session).notice, .paused)
    XCTAssertEqual(
      engine.at(minutes(1.5)).handle(.pause, in: &session).notice, .clockUnchanged(isPaused: true))
    var clock = AgendaClock(at: minutes(4), session: session, dialogue: engine.dialogue)
    XCTAssertTrue(clock.isPaused)
    XCTAssertEqual(clock.sessionElapsed, 60)
    XCTAssertEqual(engine.at(minutes(4)).handle(.resume, in: &session).notice, .clockResumed)
    clock = AgendaClock(at: minutes(5), session: session, dialogue: engine.dialogue)
    XCTAssertFalse(clock.isPaused)
    XCTAssertEqual(clock.sessionElapsed, 120)
    XCTAssertEqual(clock.sectionElapsed, 120)
    XCTAssertEqual(session.pauses, [Pause(from: minutes(1), to: minutes(4))])
  }

  func testExtendAddsToTheSectionAndTheNudgesFollowTheNewBudget() throws {
    let engine = try makeEngine(participants: nil)
    var (session, _) = engine.start()
    var clock = AgendaClock(at: minutes(1.6), session: session, dialogue: engine.dialogue)
    XCTAssertEqual(clock.nudge, .almostUp(remaining: 24))
    clock = AgendaClock(at: minutes(2), session: session, dialogue: engine.dialogue)
    XCTAssertEqual(clock.nudge, .timeUp)
    let reply = engine.at(minutes(2)).handle(.extend(minutes: 2), in: &session)
    XCTAssertEqual(reply.notice, .extended(sectionID: "warmup", minutes: 2, budget: 4))
    clock = AgendaClock(at: minutes(2), session: session, dialogue: engine.dialogue)
    XCTAssertNil(clock.nudge)
    XCTAssertEqual(clock.sectionBudget, 240)
    XCTAssertEqual(clock.sessionPlanned, 7 * 60)
    XCTAssertEqual(
      AgendaClock(at: minutes(3.2), session: session, dialogue: engine.dialogue).nudge,
      .almostUp(remaining: 48))
  }

  func testParkedTopicsReachThePlanText() throws {
    let engine = try makeEngine(participants: nil)
    var (session, _) = engine.start()
    XCTAssertEqual(
      engine.handle(.park("  Hiring freeze "), in: &session).notice, .parked("Hiring freeze"))
    _ = engine.handle(.park("Budget"), in: &session)
    XCTAssertEqual(session.parkingLot.map(\.text), ["Hiring freeze", "Budget"])
    XCTAssertEqual(session.parkingLot.first?.sectionID, "warmup")
    _ = engine.handle(.jump(section: "close"), in: &session)
    let reply = engine.handle(.answer("Weekly check-ins"), in: &session)
    XCTAssertEqual(
      reply.lines.compactMap { if case .say(let text, _) = $0 { text } else { nil } },
      ["Parked: - Hiring freeze\n- Budget"])
    XCTAssertEqual(
      engine.value(of: "parking_lot", in: session), .list(["Hiring freeze", "Budget"]))
  }

  func testJumpGoesToASectionAndShowsItsHeadingEvenWhenVisitedBefore() throws {
    let engine = try makeEngine(participants: nil)
    var (session, _) = engine.start()
    var reply = engine.at(minutes(1)).handle(.jump(section: "close"), in: &session)
    XCTAssertEqual(reply.notice, .jumped(sectionID: "close"))
    XCTAssertEqual(session.currentStepID, "action")
    XCTAssertEqual(session.currentSection?.since, minutes(1))
    reply = engine.at(minutes(2)).handle(.jump(section: "warmup"), in: &session)
    XCTAssertEqual(session.currentStepID, "safety")
    XCTAssertTrue(
      reply.lines.contains {
        if case .section(let heading) = $0 { heading.id == "warmup" } else { false }
      })
    XCTAssertEqual(
      AgendaClock(at: minutes(3), session: session, dialogue: engine.dialogue).sectionElapsed, 60)
    reply = engine.handle(.jump(section: "nowhere"), in: &session)
    XCTAssertEqual(reply.notice, .noSuchSection("nowhere"))
    XCTAssertEqual(session.currentStepID, "safety")
  }

  func testNextLeavesAQuestionUnansweredAndBackUndoesIt() throws {
    let engine = try makeEngine(participants: nil)
    var (session, _) = engine.start()
    _ = engine.handle(.answer("3"), in: &session)
    var reply = engine.handle(.next, in: &session)
    XCTAssertEqual(reply.notice, .movedOn(stepID: "goal"))
    XCTAssertEqual(session.currentStepID, "action")
    XCTAssertEqual(session.answers["goal"], Value.none)
    reply = engine.handle(.back, in: &session)
    XCTAssertEqual(session.currentStepID, "goal")
  }

  // MARK: - The log and the transcript

  func testFacilitatorEventsRoundTripThroughTheLog() throws {
    let events: [Event] = [
      .next, .extend(minutes: 2.5), .pause, .resume, .park("Budget \"Q3\""),
      .jump(section: "close"),
    ]
    for event in events {
      let entry = LogEntry(at: start, event: event, step: "safety")
      let data = try JSONEncoder.logLine.encode(entry)
      XCTAssertEqual(try JSONDecoder.logLine.decode(LogEntry.self, from: data), entry)
    }
    let line = String(
      decoding: try JSONEncoder.logLine.encode(LogEntry(at: start, event: .extend(minutes: 2))),
      as: UTF8.self)
    XCTAssertEqual(line, #"{"at":"2026-11-18T11:06:40.000Z","kind":"extend","minutes":2}"#)
  }

  func testTranscriptCountsPausesAndExtensionsAndKeepsTeamRatingsPerParticipant() throws {
    let engine = try makeEngine()
    var header = LogHeader(
      session: "s", dialogue: engine.dialogue, source: "team.yaml", startedAt: start,
      timeZone: TimeZone(identifier: "UTC")!)
    header.facilitated = true
    header.participants = engine.participants
    let entries = [
      LogEntry(at: minutes(0.5), event: .answer("4"), step: "safety"),
      LogEntry(at: minutes(0.6), event: .skip, step: "safety"),
      LogEntry(at: minutes(0.7), event: .answer("2"), step: "safety"),
      LogEntry(at: minutes(1), event: .pause, step: "safety"),
      LogEntry(at: minutes(4), event: .resume, step: "safety"),
      LogEntry(at: minutes(4.5), event: .extend(minutes: 1), step: "safety"),
      LogEntry(at: minutes(5), event: .answer("5"), step: "safety"),
      LogEntry(at: minutes(5.5), event: .park("Hiring"), step: "goal"),
      LogEntry(at: minutes(6), event: .answer("Trust"), step: "goal"),
      LogEntry(at: minutes(8), event: .answer("Talk"), step: "action"),
    ]
    let transcript = Transcript.replay(header: header, entries: entries, dialogue: engine.dialogue)
    XCTAssertTrue(transcript.isFinished)
    let times = transcript.sectionTimes
    XCTAssertEqual(times.map(\.heading.id), ["warmup", "close"])
    XCTAssertEqual(times.map(\.planned), [3, 3])
    XCTAssertEqual(times.map(\.actual), [3, 2], "six minutes less the three paused; then two")
    let ratings = transcript.items.compactMap { item -> String? in
      if case .facilitation(.teamAnswer(_, _, let who, let rating), _) = item {
        return "\(who ?? "-")=\(rating.map { "\($0)" } ?? "passed")"
      }
      return nil
    }
    XCTAssertEqual(ratings, ["Ana=4.0", "Ben=passed", "Chen=2.0"])
    XCTAssertEqual(transcript.finalAnswers.map(\.stepID), ["safety", "goal", "action"])
    XCTAssertEqual(transcript.parkingLot.map(\.text), ["Hiring"])
    let markdown = MarkdownExport().render(transcript)
    XCTAssertTrue(markdown.contains("| Warm-up | 3 | 3 |"), markdown)
    XCTAssertTrue(markdown.contains("_Ben: passed"), markdown)
    XCTAssertTrue(markdown.contains("## Parking lot"), markdown)
    XCTAssertTrue(markdown.contains("_the clock was paused"), markdown)
    XCTAssertFalse(markdown.contains("Leaders rate this higher"), "notes stay out of transcripts")
    let json = JSONExport().render(transcript)
    XCTAssertTrue(json.contains(#""participant" : "Ana""#), json)
    XCTAssertTrue(json.contains(#""parkingLot" : ["#), json)
  }
}
