import Foundation
import XCTest

/// A panel of leaders checking in, each a different way a check-in goes: everything done,
/// nothing started, a mix, too early, late, a second check-in, and after a session run for a
/// room. Each updated plan is read aloud (``CheckinLeader/readAloud(_:file:line:)``) and its
/// sentences must be true to what was said.
final class CheckinPanelTests: XCTestCase {
  var leader: CheckinLeader!

  override func setUpWithError() throws {
    leader = try CheckinLeader()
  }

  override func tearDownWithError() throws {
    leader.remove()
  }

  /// Yourself, two actions (golden/self.in), both done two weeks later.
  func testEverythingDone() throws {
    try leader.session("golden/self.in", at: "2026-11-29T09:00:00Z", id: "first")
    let result = try leader.checkin(
      [
        "I keep my promises in the weekly meeting, and the team says so", "1", "1", "4", "5", "4",
        "2",
        "8", "4", "2", "4", "4", "4", "",
      ],
      at: "2026-12-14T09:00:00Z", id: "c1")
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertTrue(result.stdout.contains("Every action on your plan is done."), result.stdout)
    XCTAssertFalse(result.stdout.contains("or dropped"), "nothing was dropped")
    XCTAssertTrue(result.stdout.contains("Lowest now: Relationships."))
    let plan = try leader.plan("2026-12-14-trust-first-checkin.md")
    CheckinLeader.readAloud(plan)
    XCTAssertTrue(plan.contains("Of your 2 open actions: 2 done."), plan)
    XCTAssertFalse(plan.contains("planned again"), "nothing was planned again")
    XCTAssertFalse(plan.contains("## Dropped"))
    XCTAssertTrue(plan.contains("Every action is closed. Lowest now: **Relationships**."))
    let calendar = try leader.calendar("2026-12-14-trust-first-checkin.ics")
    // Every event of the plan leaves the calendar: both first steps, and the check-in.
    XCTAssertEqual(
      calendar.map { [$0["UID"], $0["STATUS"]] },
      [
        ["first-a1-first-step@coach", "CANCELLED"], ["first-a2-first-step@coach", "CANCELLED"],
        ["first-check-in@coach", "CANCELLED"],
      ])
  }

  /// Systems, three actions, none started: each gets a new first step; no praise for nothing.
  func testNothingStarted() throws {
    try leader.session("golden/tie.in", at: "2026-11-29T09:00:00Z", id: "first")
    var lines = ["Nothing yet, honestly"]
    for (step, when) in [
      ("Book the room", "Tue 9:00"), ("Draft the list", "Tue 10:00"),
      ("Ask in planning", "Wed 9:30"),
    ] {
      lines += ["3", "If the week fills up, then I will do it at 8 before meetings", step, when]
    }
    lines += ["2", "3", "6", "2", ""]
    let result = try leader.checkin(lines, at: "2026-12-07T09:00:00Z", id: "c1")
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertFalse(result.stdout.contains("Well done"), "nothing was done")
    let plan = try leader.plan("2026-12-07-trust-first-checkin.md")
    CheckinLeader.readAloud(plan)
    XCTAssertTrue(
      plan.contains(
        "Of your 3 open actions: 3 planned again, with a new first step. Most plans need a second start; this one has it."
      ), plan)
    XCTAssertFalse(plan.contains("## Done"))
    XCTAssertTrue(plan.contains("Next check-in on **Wednesday 6 January 2027**"), "in a month")
    let calendar = try leader.calendar("2026-12-07-trust-first-checkin.ics")
    XCTAssertEqual(
      calendar.map { $0["UID"] },
      [
        "first-check-in@coach", "first-a1-first-step@coach", "first-a2-first-step@coach",
        "first-a3-first-step@coach",
      ])
    XCTAssertEqual(calendar.compactMap { $0["STATUS"] }, [])
    XCTAssertEqual(
      calendar.dropFirst().map { $0["DTSTART"] },
      ["20261208T090000Z", "20261208T100000Z", "20261209T093000Z"])
  }

  /// Yourself, two actions: one partly done, one dropped; a first step past the deadline is
  /// refused and typed again.
  func testAMix() throws {
    try leader.session("golden/self.in", at: "2026-11-29T09:00:00Z", id: "first")
    let result = try leader.checkin(
      [
        "The newer people ask for feedback now", "2",
        "If a deadline crowds it out, then I will keep the list on paper",
        "Go through the list with my deputy", "next Friday at 10", "Wednesday at 10",
        "4", "3", "3", "3", "3", "7", "", "",
      ],
      at: "2026-12-14T09:00:00Z", id: "c1")
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertTrue(result.stdout.contains("Wednesday 16 December 2026"), "the deadline is said")
    XCTAssertTrue(
      result.stdout.contains(
        "Dropped: \"Name one recent mistake to the people it affected, say what I'll do differently, and do it\"."
      ))
    let plan = try leader.plan("2026-12-14-trust-first-checkin.md")
    CheckinLeader.readAloud(plan)
    XCTAssertTrue(
      plan.contains("Of your 2 open actions: 1 planned again, with a new first step, 1 dropped."),
      plan)
    XCTAssertTrue(
      plan.contains(
        "- **Next step:** Go through the list with my deputy, on Wednesday 16 December at 10:00"))
    XCTAssertTrue(plan.contains("## Dropped\n\n- Name one recent mistake"))
  }

  /// Two days after the session: said, and the leader may put it off, which keeps nothing; or
  /// go on.
  func testEarly() throws {
    try leader.session("golden/self.in", at: "2026-11-29T09:00:00Z", id: "first")
    let later = try leader.checkin(["2"], at: "2026-12-01T09:00:00Z", id: "early")
    XCTAssertEqual(later.status, 0, later.description)
    XCTAssertTrue(
      later.stdout.contains(
        "It has only been 2 days. A check-in works best after a week or two, once the actions have had time to happen. Go on anyway?"
      ), later.stdout)
    XCTAssertTrue(
      later.stdout.contains(
        "Good. Run `coach checkin` again on or after Monday 7 December 2026. Nothing of this check-in\nwas kept."
      ), later.stdout)
    XCTAssertFalse(later.stdout.contains("Updated trust plan"), "no plan of an empty check-in")
    XCTAssertFalse(later.stdout.contains("Your one open action: ."), later.stdout)
    let listed = try leader.coach(["sessions", "--json"], at: "2026-12-01T09:05:00Z")
    XCTAssertFalse(listed.stdout.contains("\"early\""), "nothing kept: \(listed.stdout)")
    XCTAssertFalse(
      FileManager.default.fileExists(
        atPath: leader.plans.appendingPathComponent("2026-12-01-trust-first-checkin.md").path))

    let same = try leader.checkin(
      ["1", "Too soon to say", "1"], at: "2026-11-29T15:00:00Z", id: "x")
    XCTAssertTrue(
      same.stdout.contains("You made your plan today. A check-in works best"), same.stdout)
    XCTAssertTrue(same.stdout.contains("What is better since your session"), "went on")
  }

  /// Forty days after the session, 25 after the day planned for the check-in.
  func testLate() throws {
    try leader.session("golden/self.in", at: "2026-11-29T09:00:00Z", id: "first")
    let result = try leader.checkin(
      [
        "People bring problems earlier", "1", "3",
        "If I forget again, then I will put it on the Monday agenda",
        "Put it on the agenda", "tomorrow at 9", "4", "4", "4", "2", "7", "", "",
      ],
      at: "2027-01-08T09:00:00Z", id: "c1")
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertTrue(
      result.stdout.contains(
        "Your check-in was planned for Monday 14 December 2026; it is 25 days later, and that is fine: the plan is still here."
      ), result.stdout)
    XCTAssertFalse(result.stdout.contains("It has only been"))
    let plan = try leader.plan("2027-01-08-trust-first-checkin.md")
    CheckinLeader.readAloud(plan)
    XCTAssertTrue(plan.contains("40 days after your session"), plan)
  }

  /// A second check-in: it starts from the first one's ratings and plan, asks only about the
  /// open action, and names the last check-in, not the session.
  func testASecondCheckIn() throws {
    try leader.session("golden/self.in", at: "2026-11-29T09:00:00Z", id: "first")
    _ = try leader.checkin(
      [
        "The newer people ask for feedback now", "1", "2",
        "If the meeting runs over, then I will do it after lunch", "Write the three questions",
        "tomorrow at 10", "4", "4", "4", "2", "8", "", "",
      ],
      at: "2026-12-14T09:00:00Z", id: "c1")
    let second = try leader.checkin(
      [
        "Two people admitted mistakes in the retro", "1", "5", "4", "5", "1", "9", "2", "3", "4",
        "3", "3", "",
      ],
      at: "2026-12-28T09:00:00Z", id: "c2")
    XCTAssertEqual(second.status, 0, second.description)
    for figure in [
      "It has been 14 days since your last check-in, on Monday 14 December 2026.",
      "Five minutes on Yourself: what got better, how your action went, and a fresh rating.",
      "Action 2: \"Name one recent mistake", "(Last time you said 8.)",
      "2026-12-14  ███████████████░░░░░ 75",
    ] {
      XCTAssertTrue(second.stdout.contains(figure), "missing: \(figure)\n\(second.stdout)")
    }
    XCTAssertFalse(second.stdout.contains("Action 1: \""), "done at the first check-in")
    let plan = try leader.plan("2026-12-28-trust-first-checkin.md")
    CheckinLeader.readAloud(plan)
    XCTAssertTrue(plan.contains("Check-in 2 on Monday 28 December 2026"), plan)
    XCTAssertTrue(plan.contains("Your one open action: done. Done at an earlier check-in: 1."))
    XCTAssertTrue(
      plan.contains(
        "planned on Sunday 29 November 2026; planned again on Monday 14 December 2026; done by Monday 28 December 2026."
      ))
  }

  /// After a session run for a room (facilitator mode, three participants rating the team
  /// questions): the check-in is the leader's own and reads the session's answers the same way.
  func testAfterAFacilitatedSession() throws {
    try leader.session(
      "checkin/facilitated-session.in", at: "2026-11-29T09:00:00Z", id: "room",
      arguments: ["run", "--facilitator", "--participants", "3"])
    let result = try leader.checkin(
      [
        "The team flags broken tools in stand-up now", "1", "4", "1", "3", "3", "6", "4", "4", "3",
        "3", "4", "",
      ],
      at: "2026-12-07T09:00:00Z", id: "c1")
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertTrue(result.stdout.contains("Five minutes on Systems"), result.stdout)
    let plan = try leader.plan("2026-12-07-trust-first-checkin.md")
    CheckinLeader.readAloud(plan)
    XCTAssertTrue(plan.contains("Of your 3 open actions: 2 done, 1 dropped."), plan)
    XCTAssertTrue(plan.contains("> The team flags broken tools in stand-up now"))
    // Ties go inside-out, as in the session: safe haven before systems.
    XCTAssertTrue(plan.contains("Every action is closed. Lowest now: **Safe haven**."), plan)
  }
}
