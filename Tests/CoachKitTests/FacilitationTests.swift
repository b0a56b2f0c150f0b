import Foundation
import XCTest

@testable import CoachKit

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
          - id: grudges
            ask:
              type: scale
              prompt: Mistakes are held against people here.
              min: 1
              max: 5
              team: true
              reverse: true
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

  func makeEngine(participants: Participants? = Participants(count: 3)) throws -> Engine {
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
    XCTAssertEqual(summary.favourable, 4...5)
    XCTAssertEqual(summary.favourablePercent, 60)
    XCTAssertEqual(summary.histogram.map(\.count), [0, 1, 1, 2, 1])
    XCTAssertTrue(summary.isSplit, "a range of 3")
    XCTAssertFalse(summary.isBlindSpot)
  }

  func testMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    XCTAssertEqual(
      TeamSummary(values: [1, 2, 4, 5], scale: fivePoints, leaderRating: nil).median, 3)
  }

  func testBelowThreeResponsesNothingIsKeptShownOrFlagged() {
    let ratings = TeamRatings(collected: [1, 5])
    XCTAssertEqual(ratings.count, 2)
    XCTAssertNil(ratings.values, "two ratings could each be told apart: only the count is kept")
    let summary = TeamSummary(ratings, scale: fivePoints, leaderRating: 5)
    XCTAssertFalse(summary.isShown)
    XCTAssertFalse(summary.isSplit)
    XCTAssertFalse(summary.isBlindSpot)
    XCTAssertEqual(summary.summaryLine, "2 ratings: fewer than 3, so no results were shown")
  }

  func testRatingsAreKeptLowestFirstSoTheirOrderSaysNothing() {
    XCTAssertEqual(TeamRatings(collected: [4, 2, 5, 3]).values, [2, 3, 4, 5])
    XCTAssertEqual(TeamRatings(count: 7, values: [5, 1, 3]).count, 3, "the values decide")
    XCTAssertEqual(TeamRatings(count: 2, values: [5, 1]).values, nil)
  }

  func testBlindSpotWhenTheLeaderIsAtLeastOnePointRosierThanTheMedian() {
    XCTAssertTrue(TeamSummary(values: [3, 3, 4], scale: fivePoints, leaderRating: 4).isBlindSpot)
    XCTAssertFalse(
      TeamSummary(values: [3, 4, 4], scale: fivePoints, leaderRating: 4.5).isBlindSpot)
    XCTAssertFalse(TeamSummary(values: [3, 4, 4], scale: fivePoints, leaderRating: 4).isSplit)
  }

  func testAReverseScoredItemCountsTheRightWayRoundInFavourableAndBlindSpots() {
    // "Mistakes are held against people": the team mostly agrees (bad), the leader disagrees.
    let team: [Double] = [4, 4, 5, 2, 1]
    let summary = TeamSummary(values: team, scale: fivePoints, reversed: true, leaderRating: 2)
    XCTAssertEqual(summary.favourable, 1...2, "disagreeing is favourable")
    XCTAssertEqual(summary.favourablePercent, 40, "2 and 1 of five ratings")
    XCTAssertEqual(summary.leaderRosierBy, 2, "the median 4 against the leader's 2")
    XCTAssertTrue(summary.isBlindSpot, "the leader sees it two points rosier than the team")
    XCTAssertTrue(summary.summaryLine.contains("40 % favourable (2 or less, reverse-scored)"))
    // Read the usual way, the same ratings would say the opposite on both counts.
    let wrongWay = TeamSummary(values: team, scale: fivePoints, leaderRating: 2)
    XCTAssertEqual(wrongWay.favourablePercent, 60)
    XCTAssertFalse(wrongWay.isBlindSpot)
    // A leader who sees it worse than the team is no blind spot.
    XCTAssertFalse(
      TeamSummary(values: team, scale: fivePoints, reversed: true, leaderRating: 5).isBlindSpot)
    let tenPoints = AnswerKind.Scale(min: 0, max: 10)
    XCTAssertEqual(
      TeamSummary(values: [1, 2, 9], scale: tenPoints, reversed: true, leaderRating: nil)
        .favourable, 0...2)
  }

  func testFavourableIsTheTopQuarterOfTheScale() {
    let tenPoints = AnswerKind.Scale(min: 0, max: 10)
    XCTAssertEqual(
      TeamSummary(values: [7, 8, 10], scale: tenPoints, leaderRating: nil).favourable, 8...10)
  }

  func testParticipantsAreANumberFromThreeForAnonymity() {
    XCTAssertEqual(Participants(parsing: " 5 "), Participants(count: 5))
    XCTAssertEqual(Participants(parsing: "3"), Participants(count: 3))
    XCTAssertNil(Participants(parsing: "1"), "one rating is that person's")
    XCTAssertNil(Participants(parsing: "2"))
    XCTAssertNil(Participants(parsing: "101"))
    XCTAssertNil(Participants(parsing: "Ana, Ben, Chen"), "names are not taken")
  }

  // MARK: - Team rounds in the engine

  func summaries(_ reply: Reply) -> [TeamSummary] {
    reply.lines.compactMap { line -> TeamSummary? in
      if case .teamSummary(let summary, _) = line { return summary }
      return nil
    }
  }

  func testTheRoomRatesThenTheLeaderAndTheSummaryFollows() throws {
    let engine = try makeEngine(participants: Participants(count: 5))
    var (session, reply) = engine.start()
    XCTAssertEqual(reply.prompt?.teamTurn, .room(expected: 5))
    reply = engine.handle(.teamRatings(TeamRatings(collected: [3, 2, 4, 3, 2])), in: &session)
    XCTAssertEqual(reply.notice, .teamRoundClosed(stepID: "safety", count: 5))
    XCTAssertEqual(reply.prompt?.teamTurn, .leader)
    XCTAssertEqual(reply.prompt?.stepID, "safety")
    XCTAssertNil(session.answers["safety"], "team ratings do not set the variable")
    XCTAssertEqual(session.teamRounds["safety"]?.ratings?.values, [2, 2, 3, 3, 4])
    XCTAssertEqual(summaries(reply), [], "nothing of the team's is shown before the leader rates")
    reply = engine.handle(.answer("5"), in: &session)
    XCTAssertEqual(session.answers["safety"], .number(5), "the leader's own rating sets it")
    let summary = try XCTUnwrap(summaries(reply).first)
    XCTAssertEqual(summary.count, 5)
    XCTAssertEqual(summary.median, 3)
    XCTAssertTrue(summary.isBlindSpot)
    XCTAssertEqual(reply.prompt?.stepID, "grudges")
  }

  func testARoundWithTwoRatingsKeepsOnlyTheCount() throws {
    let engine = try makeEngine()
    var (session, _) = engine.start()
    var reply = engine.handle(.teamRatings(TeamRatings(collected: [1, 5])), in: &session)
    XCTAssertEqual(reply.notice, .teamRoundClosed(stepID: "safety", count: 2))
    XCTAssertEqual(session.teamRounds["safety"]?.ratings, TeamRatings(count: 2, values: nil))
    reply = engine.handle(.answer("4"), in: &session)
    let summary = try XCTUnwrap(summaries(reply).first)
    XCTAssertFalse(summary.isShown)
  }

  func testRatingsOffTheScaleAreRefusedAndBackOpensTheRoundAgain() throws {
    let engine = try makeEngine()
    var (session, _) = engine.start()
    var reply = engine.handle(.teamRatings(TeamRatings(collected: [2, 3, 9])), in: &session)
    XCTAssertNotNil(reply.rejection)
    XCTAssertNil(session.teamRounds["safety"])
    _ = engine.handle(.teamRatings(TeamRatings(collected: [2, 3, 4])), in: &session)
    reply = engine.handle(.back, in: &session)
    XCTAssertEqual(reply.notice, .teamRoundReopened(stepID: "safety"))
    XCTAssertEqual(reply.prompt?.teamTurn, .room(expected: 3))
    XCTAssertNil(session.teamRounds["safety"])
  }

  func testWithoutParticipantsTheLeaderAnswersTeamQuestionsAlone() throws {
    let engine = try makeEngine(participants: nil)
    var (session, reply) = engine.start()
    XCTAssertNil(reply.prompt?.teamTurn)
    reply = engine.handle(.answer("4"), in: &session)
    XCTAssertEqual(reply.prompt?.stepID, "grudges")
    XCTAssertFalse(reply.lines.contains { if case .teamSummary = $0 { true } else { false } })
    XCTAssertEqual(engine.value(of: "team_safety_count", in: session), .number(0))
    XCTAssertEqual(engine.value(of: "team_safety", in: session), Value.none)
  }

  func testTheDialogueReadsTheTeamsViewByNameAndNothingBelowThree() throws {
    let engine = try makeEngine(participants: .counted)
    var (session, _) = engine.start()
    XCTAssertEqual(engine.value(of: "team_safety", in: session), Value.none)
    XCTAssertEqual(engine.value(of: "team_safety_blind_spot", in: session), .bool(false))
    _ = engine.handle(.teamRatings(TeamRatings(collected: [2, 3, 3, 5])), in: &session)
    _ = engine.handle(.answer("4"), in: &session)
    XCTAssertEqual(engine.value(of: "team_safety", in: session), .number(3.25))
    XCTAssertEqual(engine.value(of: "team_safety_median", in: session), .number(3))
    XCTAssertEqual(engine.value(of: "team_safety_count", in: session), .number(4))
    XCTAssertEqual(engine.value(of: "team_safety_blind_spot", in: session), .bool(true))
    // The reverse-scored item: the team agrees mistakes are held against people; the leader not.
    _ = engine.handle(.teamRatings(TeamRatings(collected: [4, 5])), in: &session)
    XCTAssertEqual(engine.value(of: "team_grudges_count", in: session), .number(2))
    XCTAssertEqual(engine.value(of: "team_grudges", in: session), Value.none, "two: hidden")
    _ = engine.handle(.back, in: &session)
    _ = engine.handle(.teamRatings(TeamRatings(collected: [4, 5, 4])), in: &session)
    _ = engine.handle(.answer("2"), in: &session)
    XCTAssertEqual(engine.value(of: "team_grudges_median", in: session), .number(4))
    XCTAssertEqual(
      engine.value(of: "team_grudges_blind_spot", in: session), .bool(true),
      "2 against the team's 4, in the item's own direction")
  }

  func testTheCheckerKnowsTheTeamsNamesAndRefusesToShadowThem() throws {
    let reading = Self.yaml.replacingOccurrences(
      of: "            say: \"Parked: {{parking_lot}}\"",
      with:
        "            say: \"Parked: {{parking_lot}} {{team_safety}} {{team_grudges_blind_spot}}\"")
    let dialogue = try XCTUnwrap(DialogueLoader().load(text: reading, name: "team.yaml").dialogue)
    XCTAssertEqual(DialogueChecker().check(dialogue), [])
    let shadowing = Self.yaml + "\ncomputed:\n  team_safety: 1\n"
    let result = DialogueLoader().load(text: shadowing, name: "team.yaml")
    let findings = DialogueChecker().check(try XCTUnwrap(result.dialogue))
    XCTAssertTrue(
      findings.contains { $0.message.contains("'team_safety' is the name of the team's ratings") },
      "\(result.diagnostics) \(findings)")
    let reverseText = Self.yaml.replacingOccurrences(
      of: "prompt: What is our goal?", with: "prompt: What is our goal?\n          reverse: true")
    let loaded = DialogueLoader().load(text: reverseText, name: "team.yaml")
    XCTAssertTrue(
      loaded.diagnostics.contains { $0.message.contains("a text question has no 'reverse'") },
      "\(loaded.diagnostics)")
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
    _ = engine.handle(.answer("2"), in: &session)
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
      .jump(section: "close"), .teamRatings(TeamRatings(collected: [3, 1, 4])),
      .teamRatings(TeamRatings(collected: [5, 2])),
    ]
    for event in events {
      let entry = LogEntry(at: start, event: event, step: "safety")
      let data = try JSONEncoder.logLine.encode(entry)
      XCTAssertEqual(try JSONDecoder.logLine.decode(LogEntry.self, from: data), entry)
    }
    func line(_ event: Event) throws -> String {
      String(
        decoding: try JSONEncoder.logLine.encode(LogEntry(at: start, event: event)), as: UTF8.self)
    }
    XCTAssertEqual(
      try line(.extend(minutes: 2)),
      #"{"at":"2026-11-18T11:06:40.000Z","kind":"extend","minutes":2}"#)
    XCTAssertEqual(
      try line(.teamRatings(TeamRatings(collected: [4, 2, 5]))),
      #"{"at":"2026-11-18T11:06:40.000Z","count":3,"kind":"ratings","values":[2,4,5]}"#)
    XCTAssertEqual(
      try line(.teamRatings(TeamRatings(collected: [4, 2]))),
      #"{"at":"2026-11-18T11:06:40.000Z","count":2,"kind":"ratings"}"#, "two: the count alone")
  }

  func header(for engine: Engine) -> LogHeader {
    var header = LogHeader(
      session: "s", dialogue: engine.dialogue, source: "team.yaml", startedAt: start,
      timeZone: TimeZone(identifier: "UTC")!)
    header.facilitated = true
    header.participants = engine.participants
    return header
  }

  func testTranscriptCountsPausesAndExtensionsAndKeepsNoIndividualRating() throws {
    let engine = try makeEngine(participants: Participants(count: 4))
    let entries = [
      LogEntry(
        at: minutes(0.5), event: .teamRatings(TeamRatings(collected: [4, 2, 5, 4])), step: "safety"),
      LogEntry(at: minutes(1), event: .pause, step: "safety"),
      LogEntry(at: minutes(4), event: .resume, step: "safety"),
      LogEntry(at: minutes(4.5), event: .extend(minutes: 1), step: "safety"),
      LogEntry(at: minutes(5), event: .answer("5"), step: "safety"),
      LogEntry(
        at: minutes(5.2), event: .teamRatings(TeamRatings(collected: [1, 2])), step: "grudges"),
      LogEntry(at: minutes(5.3), event: .answer("1"), step: "grudges"),
      LogEntry(at: minutes(5.5), event: .park("Hiring"), step: "goal"),
      LogEntry(at: minutes(6), event: .answer("Trust"), step: "goal"),
      LogEntry(at: minutes(8), event: .answer("Talk"), step: "action"),
    ]
    let transcript = Transcript.replay(
      header: header(for: engine), entries: entries, dialogue: engine.dialogue)
    XCTAssertTrue(transcript.isFinished)
    let times = transcript.sectionTimes
    XCTAssertEqual(times.map(\.heading.id), ["warmup", "close"])
    XCTAssertEqual(times.map(\.planned), [3, 3])
    XCTAssertEqual(times.map(\.actual), [3, 2], "six minutes less the three paused; then two")
    let counts = transcript.items.compactMap { item -> Int? in
      if case .facilitation(.teamRatings(_, _, let count), _) = item { return count }
      return nil
    }
    XCTAssertEqual(counts, [4, 2])
    XCTAssertEqual(transcript.finalAnswers.map(\.stepID), ["safety", "grudges", "goal", "action"])
    XCTAssertEqual(transcript.parkingLot.map(\.text), ["Hiring"])
    let markdown = MarkdownExport().render(transcript)
    XCTAssertTrue(markdown.contains("| Warm-up | 3 | 3 |"), markdown)
    XCTAssertTrue(markdown.contains("_4 team ratings for safety"), markdown)
    XCTAssertTrue(markdown.contains("4 ratings: median 4"), markdown)
    XCTAssertTrue(markdown.contains("2 team ratings for grudges (fewer than 3"), markdown)
    XCTAssertTrue(markdown.contains("## Parking lot"), markdown)
    XCTAssertTrue(markdown.contains("_the clock was paused"), markdown)
    XCTAssertFalse(markdown.contains("Leaders rate this higher"), "notes stay out of transcripts")
    let json = JSONExport().render(transcript)
    XCTAssertFalse(json.contains("participant"), json)
    XCTAssertTrue(json.contains(#""kind" : "ratings""#), json)
    XCTAssertTrue(json.contains(#""parkingLot" : ["#), json)
    for export in [
      markdown, json, TextExport().render(transcript), HTMLExport().render(transcript),
    ] {
      XCTAssertFalse(export.contains("2, 4, 4, 5"), "no list of ratings")
      XCTAssertFalse(
        export.contains("1, 2") && export.contains("grudges: 1"), "nothing below three")
    }
  }

  func testALogFromBeforeRatingsWereAnonymousReplaysIntoTheSameAnonymousRatings() throws {
    // Earlier versions kept each participant's rating as an answer at the team question.
    var engine = try makeEngine()
    engine.participants = Participants(count: 3)
    let entries = [
      LogEntry(at: minutes(0.5), event: .answer("4"), step: "safety"),
      LogEntry(at: minutes(0.6), event: .skip, step: "safety"),
      LogEntry(at: minutes(0.7), event: .answer("2"), step: "safety"),
      LogEntry(at: minutes(1), event: .answer("5"), step: "safety"),
      LogEntry(at: minutes(1.1), event: .answer("4 3 5"), step: "grudges"),
      LogEntry(at: minutes(1.2), event: .back, step: "grudges"),
      LogEntry(at: minutes(1.3), event: .answer("1"), step: "grudges"),
      LogEntry(at: minutes(1.4), event: .answer("2"), step: "grudges"),
      LogEntry(at: minutes(1.5), event: .next, step: "grudges"),
      LogEntry(at: minutes(1.6), event: .answer("3"), step: "grudges"),
    ]
    let transcript = Transcript.replay(
      header: header(for: engine), entries: entries, dialogue: engine.dialogue)
    XCTAssertEqual(transcript.session.currentStepID, "goal")
    XCTAssertEqual(transcript.session.answers["safety"], .number(5))
    XCTAssertEqual(transcript.session.teamRounds["safety"]?.ratings?.count, 2)
    XCTAssertNil(transcript.session.teamRounds["safety"]?.ratings?.values, "two: the count alone")
    XCTAssertEqual(transcript.session.teamRounds["grudges"]?.ratings?.count, 2)
    XCTAssertEqual(transcript.session.answers["grudges"], .number(3))
    let text = TextExport().render(transcript)
    XCTAssertFalse(text.contains("participant"), text)
  }
}
