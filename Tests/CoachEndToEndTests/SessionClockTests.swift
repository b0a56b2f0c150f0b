import Foundation
import XCTest

/// The clock measures the conversation, not the calendar: `coach run`, `/quit`, a day away and
/// `coach resume`, in process, with a clock the test moves as the person answers.
final class SessionClockTests: XCTestCase {
  func testAfterQuitAndADayAwayTimeShowsTheMinutesSpent() throws {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_795_942_800))  // 2026-11-29T09:00:00Z
    let data = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-clock-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: data) }
    let environment = ["XDG_DATA_HOME": data.path, "COACH_SESSION_ID": "away"]
    // Three lines, thirty seconds each, the last one /quit: 1:30 spent.
    let first = try CoachProcess.runInProcess(
      ["run", "Dialogues/examples/tour"], stdin: "Tigers\n4\n/quit\n", environment: environment,
      clock: clock, beforeEachLine: { clock.advance(by: 30) })
    XCTAssertEqual(first.status, 0, first.description)
    XCTAssertTrue(first.stdout.contains("Stopped. Nothing more will be asked."))
    clock.advance(by: 86_400)
    // Back a day later: thirty seconds more before /time.
    let back = try CoachProcess.runInProcess(
      ["resume", "away"], stdin: "/time\n", environment: environment, clock: clock,
      beforeEachLine: { clock.advance(by: 30) })
    XCTAssertEqual(back.status, 65, "the input ended: \(back.description)")
    XCTAssertTrue(back.stdout.contains("Welcome back."), back.stdout)
    XCTAssertTrue(back.stdout.contains("Session: 2:00 of 5:00."), back.stdout)
    XCTAssertFalse(back.stdout.contains("1442:"), "a day away is not counted")
    // The export states the minutes spent and both days.
    let export = try CoachProcess.runInProcess(
      ["export", "away", "--format", "markdown"], environment: environment, clock: clock)
    XCTAssertTrue(
      export.stdout.contains(
        "- Time spent: 2 min, on 2026-11-29 and 2026-11-30 (time away not counted)"),
      export.stdout)
  }
}
