import Foundation
import XCTest

/// The follow-up check-in: a scripted session, then `coach checkin` with the clock 14 days
/// later, against the recorded conversation and the figures it must show.
///
/// Record again after an intended change with `COACH_UPDATE_GOLDEN=1 swift test --filter CheckinTests`.
final class CheckinTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-checkin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func environment(_ now: String, _ id: String) -> [String: String] {
    [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path, "COACH_NOW": now,
      "COACH_SESSION_ID": id,
    ]
  }

  var plans: URL { root.appendingPathComponent("data/coach/plans") }

  func testACheckInFourteenDaysLaterShowsBeforeAndAfterAndUpdatesThePlan() throws {
    let session = try String(
      contentsOf: Self.fixtures.appendingPathComponent("golden/self.in"), encoding: .utf8)
    let first = try CoachProcess.runInProcess(
      [], stdin: session, environment: environment("2026-11-29T09:00:00Z", "first"))
    XCTAssertEqual(first.status, 0, first.description)
    let calendar = try String(
      contentsOf: plans.appendingPathComponent("2026-11-29-trust-first.ics"), encoding: .utf8)
    XCTAssertTrue(calendar.contains("coach checkin first"), "the reminder says how to check in")

    let script = try String(
      contentsOf: Self.fixtures.appendingPathComponent("checkin/after-14-days.in"), encoding: .utf8)
    let checkin = try CoachProcess.runInProcess(
      ["checkin"], stdin: script, environment: environment("2026-12-13T09:00:00Z", "checkin"))
    XCTAssertEqual(checkin.status, 0, checkin.description)
    let recorded = Self.fixtures.appendingPathComponent("checkin/after-14-days.out")
    // File paths name this test's temporary folder.
    let shown = checkin.stdout.replacingOccurrences(of: root.path, with: "$ROOT")
    if ProcessInfo.processInfo.environment["COACH_UPDATE_GOLDEN"] == "1" {
      try shown.write(to: recorded, atomically: true, encoding: .utf8)
    }
    XCTAssertEqual(shown, try String(contentsOf: recorded, encoding: .utf8))

    for figure in [
      "Welcome back. It has been 14 days since your session, on Sunday 29 November 2026.",
      "Five minutes on Yourself: what got better, how your 2 actions went, and a fresh rating.",
      "Well done: \"For two weeks, write down every promise I make, and keep or openly renegotiate each one\" is done.",
      "Taken as Monday 14 December at 10:00.",
      "2026-11-29  ██████░░░░░░░░░░░░░░ 31", "now         ███████████████░░░░░ 75",
      "Trust overall (0–10): 6 then, 8 now (up 2).",
      "| Yourself (0–100) | 31 | 75 | up 44 |", "| Trust overall (0–10) | 6 | 8 | up 2 |",
      "Of your 2 open actions: 1 done, 1 planned again, with a new first step.",
      "- **Next step:** Write the three questions down, on Monday 14 December at 10:00",
    ] {
      XCTAssertTrue(checkin.stdout.contains(figure), "missing: \(figure)")
    }
    let updated = try String(
      contentsOf: plans.appendingPathComponent("2026-12-13-trust-first-checkin.md"), encoding: .utf8
    )
    XCTAssertTrue(updated.contains("| Yourself (0–100) | 31 | 75 | up 44 |"))
    XCTAssertFalse(updated.contains("{{"))
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: plans.appendingPathComponent("checkin.md").path))

    let listed = try CoachProcess.runInProcess(
      ["sessions"], environment: environment("2026-12-13T09:00:00Z", "x"))
    XCTAssertTrue(listed.stdout.contains("first "), listed.stdout)
    XCTAssertTrue(listed.stdout.contains("└ checkin"), listed.stdout)

    let exported = try CoachProcess.runInProcess(
      ["export", "first", "--format", "json"], environment: environment("2026-12-13T09:00:00Z", "x")
    )
    XCTAssertEqual(exported.status, 0)
    XCTAssertTrue(exported.stdout.contains("\"checkins\""))
    try JSONSchemaCheck.validate(
      exported.stdout,
      against: Self.repository.appendingPathComponent("docs/transcript.schema.json"))
  }

  func testACheckInNeedsAFinishedSession() throws {
    let result = try CoachProcess.runInProcess(
      ["checkin"], environment: environment("2026-12-13T09:00:00Z", "x"))
    XCTAssertEqual(result.status, 66)
    XCTAssertEqual(
      result.stderr,
      "coach: there is no finished trust-first session; 'coach sessions' lists the saved ones\n")
  }

  /// `coach check` on the check-in: clean, and its expected path (timed for a plan of three
  /// actions, all open) within the five minutes it promises.
  func testTheCheckInDialogueChecksCleanInFiveMinutes() throws {
    let path = Self.repository.appendingPathComponent("Dialogues/trust-first-checkin").path
    let result = try CoachProcess.runInProcess(["check", path, "--format", "json"])
    XCTAssertEqual(result.status, 0, result.description)
    struct Report: Decodable {
      struct Timing: Decodable {
        let expected: Double
        let duration: Double
      }
      let errors: Int
      let warnings: Int
      let timing: Timing
    }
    let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    XCTAssertEqual(report.errors, 0)
    XCTAssertEqual(report.warnings, 0)
    XCTAssertEqual(report.timing.duration, 5)
    XCTAssertLessThanOrEqual(report.timing.expected, 5.0)
    let cases = try CoachProcess.runInProcess(["test", path, "--coverage"])
    XCTAssertEqual(cases.status, 0, cases.description)
    XCTAssertTrue(cases.stdout.contains("(100 %), transitions"), cases.stdout)
  }
}
