import Foundation
import XCTest

@testable import CoachKit

/// The keys issue 12 added, written in a dialogue file: a `moment` question with `earliest` and
/// `latest`, a calendar list of events, and a step's `likely`.
final class MomentQuestionTests: XCTestCase {
  static let yaml = """
    format: 1
    id: t
    title: T
    duration: 3
    sections:
      - id: s
        title: S
        budget: 3
        steps:
          - id: first
            ask: {type: text, prompt: What is the very first step?}
          - id: first_at
            ask:
              type: moment
              prompt: When exactly? By {{by_text}}.
              earliest: now
              latest: first_step_by
          - id: later
            when: first_at > now + 1
            likely: 0.2
            say: That is more than a day away.
          - id: end
            say: Done.
            final: true
    computed:
      first_step_by: workday(today + 2)
      by_text: date_text(first_step_by)
    plan:
      template: "First step: {{first}}, {{first_at}}."
      calendar:
        - id: a1-first-step
          at: first_at
          minutes: 15
          summary: "{{first}}"
        - id: check-in
          date: today + 14
          when: answered(first)
          summary: Check-in
    """

  /// Monday 30 November 2026, 10:00 UTC.
  static let monday = Date(timeIntervalSince1970: 1_796_032_800)

  func load(_ text: String) -> (Dialogue?, [String]) {
    let result = DialogueLoader().load(text: text, name: "t.yaml")
    var findings = result.diagnostics
    if let dialogue = result.dialogue { findings += DialogueChecker().check(dialogue) }
    return (result.dialogue, findings.map(\.description))
  }

  func engine() throws -> Engine {
    let (dialogue, findings) = load(Self.yaml)
    XCTAssertEqual(findings, [])
    return Engine(dialogue: try XCTUnwrap(dialogue), clock: FixedClock(Self.monday))
  }

  func testAMomentIsReadAsTypedAndHeldToItsBounds() throws {
    let engine = try engine()
    var (session, _) = engine.start()
    _ = engine.handle(.answer("Book the room"), in: &session)
    XCTAssertEqual(
      engine.currentPrompt(in: session)?.text, "When exactly? By Wednesday 2 December 2026.")
    // Past the latest: refused, with the deadline in the reason.
    let late = engine.handle(.answer("next Monday 9:30"), in: &session)
    let reason = try XCTUnwrap(late.rejection?.reason)
    XCTAssertTrue(reason.contains("Wednesday 2 December"), reason)
    // Before the earliest (this morning has passed): refused.
    XCTAssertNotNil(engine.handle(.answer("today at 8"), in: &session).rejection)
    // Impossible: refused with the reason.
    XCTAssertNotNil(engine.handle(.answer("Tue 99:99"), in: &session).rejection)
    _ = engine.handle(.answer("tomorrow morning at 9"), in: &session)
    XCTAssertEqual(session.answers["first_at"], .moment(Moment(iso: "2026-12-01T09:00")!))
    XCTAssertTrue(session.isFinished)
    XCTAssertEqual(
      engine.renderedPlan(in: session),
      "First step: Book the room, Tuesday 1 December at 09:00.")
  }

  func testACalendarListGivesEveryEventWithItsID() throws {
    let engine = try engine()
    var (session, _) = engine.start()
    _ = engine.handle(.answer("Book the room"), in: &session)
    _ = engine.handle(.answer("Tue 9am"), in: &session)
    let zone = TimeZone(identifier: "UTC")!
    XCTAssertEqual(
      engine.calendarEvents(in: session),
      [
        CalendarEvent(
          id: "a1-first-step",
          start: .time(Moment(iso: "2026-12-01T09:00")!, timeZone: zone, minutes: 15),
          summary: "Book the room", description: nil),
        CalendarEvent(
          id: "check-in", start: .day(Day(year: 2026, month: 12, day: 14)!), summary: "Check-in",
          description: nil),
      ])
  }

  func testLikelyWeighsAStepOnTheExpectedPath() throws {
    let (dialogue, _) = load(Self.yaml)
    let timing = try XCTUnwrap(PathTiming(try XCTUnwrap(dialogue)))
    let (plain, _) = load(Self.yaml.replacingOccurrences(of: "        likely: 0.2\n", with: ""))
    let guessed = try XCTUnwrap(PathTiming(try XCTUnwrap(plain)))
    // The `when` step says 7 words (2 s): taken a fifth of the time, not half.
    let step = 7 * 60 / StepTiming.wordsPerMinute
    XCTAssertEqual(guessed.expected - timing.expected, step * (0.5 - 0.2), accuracy: 0.001)
  }

  func testMistakesInTheNewKeysAreNamedWhereTheyAre() {
    func findings(_ old: String, _ new: String) -> [String] {
      XCTAssertTrue(Self.yaml.contains(old), old)
      return load(Self.yaml.replacingOccurrences(of: old, with: new)).1
    }
    XCTAssertEqual(
      findings("latest: first_step_by", "latest: first"),
      [
        "t.yaml:17:19: error: earliest and latest should give a date or a day and time, but this gives text"
      ])
    XCTAssertEqual(
      findings("likely: 0.2", "likely: 20"),
      ["t.yaml:20:17: error: likely should be from 0 (hardly anyone) to 1 (everyone), like 0.3"])
    XCTAssertEqual(
      findings("        when: first_at > now + 1\n", ""),
      ["t.yaml:19:9: error: likely says how often the step's 'when' holds; this step has no 'when'"])
    XCTAssertEqual(
      findings("- id: check-in", "- id: a1-first-step"),
      [
        "t.yaml:35:7: error: the event id 'a1-first-step' is used twice (first at line 31); an event's id makes its calendar UID, so each needs its own"
      ])
    XCTAssertEqual(
      findings("    - id: check-in\n      date:", "    - date:"),
      ["t.yaml:35:7: error: each event in a calendar list needs 'id': a name that makes its UID"])
    XCTAssertEqual(
      findings("at: first_at", "at: today"),
      ["t.yaml:32:11: error: this should give a day and time, but it gives a date"])
    XCTAssertEqual(
      findings("      minutes: 15\n", "      minutes: 15\n      date: today\n"),
      ["t.yaml:31:7: error: an event takes 'date' (all day) or 'at' (a day and time), not both"])
    XCTAssertEqual(
      findings("when: answered(first)", "minutes: 10"),
      [
        "t.yaml:37:7: error: minutes is for an event 'at' a day and time; an event on a 'date' lasts all day"
      ])
    XCTAssertEqual(
      findings("earliest: now", "earliest: now\n          options: [a, b]"),
      ["t.yaml:17:11: error: a moment question has no 'options'; only choice and multi questions do"])
  }

  /// A single mapping, as before issue 12, is one all-day event with the id `event`.
  func testASingleEventStillReads() throws {
    let listed = try XCTUnwrap(Self.yaml.range(of: "  calendar:\n"))
    let single =
      Self.yaml[..<listed.upperBound] + "    date: today + 14\n    summary: Check-in\n"
    let (dialogue, findings) = load(String(single))
    XCTAssertEqual(findings, [])
    XCTAssertEqual(dialogue?.plan?.calendar.map(\.id), ["event"])
  }
}
