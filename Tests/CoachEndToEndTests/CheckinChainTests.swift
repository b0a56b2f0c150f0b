import Foundation
import XCTest

/// A session and the check-ins that follow it, one after another, as a leader lives them: each
/// check-in reads the plan as the one before left it. Asserts on meaning: the updated plan's
/// sentences, each action's history, the calendar file read back (UID, SEQUENCE, CANCELLED),
/// and that a dropped action is never asked about again.
final class CheckinChainTests: XCTestCase {
  var leader: CheckinLeader!

  override func setUpWithError() throws {
    leader = try CheckinLeader()
  }

  override func tearDownWithError() throws {
    leader.remove()
  }

  /// Systems, three actions (golden/tie.in), check-in planned a week later. Check-in 1: one done,
  /// one partly done and planned again, one dropped. Check-in 2: the open one not started,
  /// planned again. Check-in 3: done; every action closed, so the next focus is offered and the
  /// calendar's events are cancelled. Check-in 4: nothing left to ask.
  func testASessionAndThreeCheckInsInARow() throws {
    try leader.session("golden/tie.in", at: "2026-11-29T09:00:00Z", id: "first")
    let session = try leader.calendar("2026-11-29-trust-first.ics")
    XCTAssertEqual(
      session.map { $0["UID"] },
      [
        "first-a1-first-step@coach", "first-a2-first-step@coach", "first-a3-first-step@coach",
        "first-check-in@coach",
      ])
    XCTAssertEqual(session[3]["DTSTART;VALUE=DATE"], "20261207")

    // Check-in 1, on the day planned.
    let one = try leader.checkin(
      [
        "Two of the seniors now flag broken builds the same day",
        "1",  // action 1: done
        "2",  // action 2: partly done
        "If the owner is away, then I will ask their deputy the same day",
        "Send the list to the platform lead",
        "Tuesday at 9",
        "4",  // action 3: dropped
        "3", "3", "7", "", "",
      ], at: "2026-12-07T09:00:00Z", id: "c1")
    XCTAssertEqual(one.status, 0, one.description)
    for asked in ["Action 1: \"", "Action 2: \"", "Action 3: \""] {
      XCTAssertTrue(one.stdout.contains(asked), "missing: \(asked)")
    }
    XCTAssertFalse(one.stdout.contains("It has only been"), "a week later is not early")
    let plan1 = try leader.plan("2026-12-07-trust-first-checkin.md")
    CheckinLeader.readAloud(plan1)
    for sentence in [
      "Check-in 1 on Monday 7 December 2026, 8 days after your session of Sunday 29 November 2026.",
      "> Two of the seniors now flag broken builds the same day",
      "Of your 3 open actions: 1 done, 1 planned again, with a new first step, 1 dropped.",
      "## Still on my list\n\n### Write down which decisions the team can make without me, and share it",
      "- **Next step:** Send the list to the platform lead, on Tuesday 8 December at 09:00",
      "- **Obstacle plan:** If the owner is away, then I will ask their deputy the same day",
      "- **So far:** planned on Sunday 29 November 2026; planned again on Monday 7 December 2026.",
      "- **Take the problem with our tools and equipment to whoever owns it, and come back with a fix or a date for one**: planned on Sunday 29 November 2026; done by Monday 7 December 2026.",
      "- Ask my team which tool fails them most, and fix that one first: planned on Sunday 29 November 2026; dropped on Monday 7 December 2026.",
      "Next check-in on **Monday 21 December 2026**",
    ] {
      XCTAssertTrue(plan1.contains(sentence), "missing: \(sentence)\n\(plan1)")
    }
    let calendar1 = try leader.calendar("2026-12-07-trust-first-checkin.ics")
    // The check-in and the re-planned first step move; the done and the dropped action's first
    // steps leave the calendar.
    XCTAssertEqual(
      calendar1.map { [$0["UID"], $0["SEQUENCE"], $0["STATUS"]] },
      [
        ["first-check-in@coach", "1", nil], ["first-a2-first-step@coach", "1", nil],
        ["first-a1-first-step@coach", "1", "CANCELLED"],
        ["first-a3-first-step@coach", "1", "CANCELLED"],
      ])
    XCTAssertEqual(calendar1[0]["DTSTART;VALUE=DATE"], "20261221", "the check-in event moved")
    XCTAssertEqual(calendar1[1]["DTSTART"], "20261208T090000Z")
    XCTAssertEqual(calendar1[1]["SUMMARY"], "First step: Send the list to the platform lead")

    // Check-in 2: only the open action is asked about.
    let two = try leader.checkin(
      [
        "Nothing new yet",
        "3",  // action 2: not started
        "If a release week eats my time, then I will do it the Monday after",
        "Book 15 minutes with the platform lead",
        "tomorrow at 14:00",
        "3", "3", "6", "", "",
      ], at: "2026-12-21T09:00:00Z", id: "c2")
    XCTAssertEqual(two.status, 0, two.description)
    XCTAssertTrue(
      two.stdout.contains(
        "It has been 14 days since your last check-in, on Monday 7 December 2026."))
    XCTAssertTrue(two.stdout.contains("Action 2: \""))
    XCTAssertFalse(two.stdout.contains("Action 1: \""), "a done action is not asked again")
    XCTAssertFalse(two.stdout.contains("Action 3: \""), "a dropped action is not asked again")
    let plan2 = try leader.plan("2026-12-21-trust-first-checkin.md")
    CheckinLeader.readAloud(plan2)
    for sentence in [
      "Check-in 2 on Monday 21 December 2026, 14 days after your last check-in of Monday 7 December 2026.",
      "Your one open action: planned again, with a new first step. Most plans need a second start; this one has it. Done at an earlier check-in: 1.",
      "- **Next step:** Book 15 minutes with the platform lead, on Tuesday 22 December at 14:00",
      "- **So far:** planned on Sunday 29 November 2026; planned again 2 times, first on Monday 7 December 2026, last on Monday 21 December 2026.",
      "dropped on Monday 7 December 2026.",
      "| Systems (0–100) | 50 | 50 | no change |",
    ] {
      XCTAssertTrue(plan2.contains(sentence), "missing: \(sentence)\n\(plan2)")
    }
    let calendar2 = try leader.calendar("2026-12-21-trust-first-checkin.ics")
    XCTAssertEqual(
      calendar2.map { [$0["UID"], $0["SEQUENCE"], $0["STATUS"]] },
      [["first-check-in@coach", "2", nil], ["first-a2-first-step@coach", "2", nil]])
    XCTAssertEqual(calendar2[0]["DTSTART;VALUE=DATE"], "20270104")
    XCTAssertEqual(calendar2[1]["DTSTART"], "20261222T140000Z", "the first step moved in place")

    // Check-in 3: the last open action done; the next focus.
    let three = try leader.checkin(
      [
        "The team decides its own on-call swaps now", "1", "4", "4", "8", "4", "3", "2", "4", "3",
        "",
      ],
      at: "2027-01-04T09:00:00Z", id: "c3")
    XCTAssertEqual(three.status, 0, three.description)
    XCTAssertTrue(
      three.stdout.contains(
        "Well done: \"Write down which decisions the team can make without me, and share it\" is done, after a second start."
      ))
    XCTAssertTrue(three.stdout.contains("Every action on your plan is done or dropped."))
    XCTAssertTrue(three.stdout.contains("Lowest now: Safe haven."))
    XCTAssertFalse(three.stdout.contains("When shall we check in again?"))
    let plan3 = try leader.plan("2027-01-04-trust-first-checkin.md")
    CheckinLeader.readAloud(plan3)
    for sentence in [
      "Your one open action: done. Done at an earlier check-in: 1.",
      "planned again 2 times, first on Monday 7 December 2026, last on Monday 21 December 2026; done by Monday 4 January 2027.",
      "Every action is closed. Lowest now: **Safe haven**.",
    ] {
      XCTAssertTrue(plan3.contains(sentence), "missing: \(sentence)\n\(plan3)")
    }
    XCTAssertFalse(plan3.contains("## Still on my list"))
    XCTAssertFalse(plan3.contains("Next check-in on"))
    let calendar3 = try leader.calendar("2027-01-04-trust-first-checkin.ics")
    XCTAssertEqual(
      calendar3.map { [$0["UID"], $0["SEQUENCE"], $0["STATUS"]] },
      [
        ["first-check-in@coach", "3", "CANCELLED"],
        ["first-a2-first-step@coach", "3", "CANCELLED"],
      ])
    XCTAssertNil(calendar3[0]["TRIGGER;RELATED=START"], "a cancelled event reminds no one")

    // Check-in 4: nothing open, nothing asked about an action; the calendar has nothing to take out.
    let four = try leader.checkin(
      ["Still good", "4", "4", "8", "4", "3", "3", "4", "3", ""], at: "2027-01-18T09:00:00Z",
      id: "c4")
    XCTAssertEqual(four.status, 0, four.description)
    XCTAssertFalse(four.stdout.contains("How did it go?"), four.stdout)
    XCTAssertTrue(
      four.stdout.contains(
        "Five minutes on Systems: what got better, and a fresh rating. Every action on your plan is already done or dropped."
      ), four.stdout)
    let plan4 = try leader.plan("2027-01-18-trust-first-checkin.md")
    CheckinLeader.readAloud(plan4)
    XCTAssertTrue(plan4.contains("There were no open actions to look at."))
    XCTAssertTrue(plan4.contains("dropped on Monday 7 December 2026."), "still dropped")
    XCTAssertFalse(
      FileManager.default.fileExists(
        atPath: leader.plans.appendingPathComponent("2027-01-18-trust-first-checkin.ics").path))

    // `coach export` without an id: the session, with its check-ins, as one transcript.
    let exported = try leader.coach(["export"], at: "2027-01-18T10:00:00Z")
    XCTAssertEqual(exported.status, 0, exported.description)
    let markdown = exported.stdout
    let order = [
      "Elevate Your Team", "Two of the seniors", "Nothing new yet", "on-call swaps", "Still good",
    ]
    .map { markdown.range(of: $0)?.lowerBound }
    XCTAssertFalse(order.contains(nil), markdown)
    XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), "in order")
  }
}

/// A leader with scratch folders who runs sessions and check-ins at given times.
final class CheckinLeader {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  let root: URL

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-checkin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  var plans: URL { root.appendingPathComponent("data/coach/plans") }

  func environment(_ now: String, _ id: String) -> [String: String] {
    [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "COACH_NOW": now,
      "COACH_SESSION_ID": id,
    ]
  }

  /// A whole session from a fixture's answers.
  @discardableResult
  func session(_ fixture: String, at now: String, id: String, arguments: [String] = [])
    throws -> CoachProcess.Result
  {
    let answers = try String(
      contentsOf: Self.fixtures.appendingPathComponent(fixture), encoding: .utf8)
    let result = try CoachProcess.runInProcess(
      arguments, stdin: answers, environment: environment(now, id))
    XCTAssertEqual(result.status, 0, result.description)
    return result
  }

  func checkin(_ lines: [String], at now: String, id: String) throws -> CoachProcess.Result {
    try CoachProcess.runInProcess(
      ["checkin"], stdin: lines.joined(separator: "\n") + "\n", environment: environment(now, id))
  }

  func coach(_ arguments: [String], stdin: String = "", at now: String) throws
    -> CoachProcess.Result
  {
    try CoachProcess.runInProcess(arguments, stdin: stdin, environment: environment(now, "x"))
  }

  func plan(_ name: String) throws -> String {
    try String(contentsOf: plans.appendingPathComponent(name), encoding: .utf8)
  }

  func calendar(_ name: String) throws -> [[String: String]] {
    try CalendarParser.events(Data(contentsOf: plans.appendingPathComponent(name)))
  }

  /// What a leader reading the plan aloud would stumble over: placeholders left behind, empty
  /// labels, doubled words and stops, praise for nothing done, counts that cannot be.
  static func readAloud(_ plan: String, file: StaticString = #filePath, line: UInt = #line) {
    for bad in [
      "{{", "}}", "..", " .", " ,", ",,", ": .", "If If", "If When", "then I will then",
      "0 of ", "0 done", "great work", "Great work", "None done yet; ", "  planned",
      "**:**", "; ;", "()",
    ] where plan.contains(bad) {
      XCTFail("the plan reads '\(bad)':\n\(plan)", file: file, line: line)
    }
    for text in plan.split(separator: "\n") {
      let trimmed = text.trimmingCharacters(in: .whitespaces)
      // A label with nothing after it: "- **Next step:**".
      if trimmed.hasPrefix("- **"), trimmed.hasSuffix(":**") {
        XCTFail("an empty label: '\(trimmed)'", file: file, line: line)
      }
      if trimmed.hasSuffix("on ,") || trimmed.hasSuffix(", on") {
        XCTFail("a date left out: '\(trimmed)'", file: file, line: line)
      }
    }
  }
}
