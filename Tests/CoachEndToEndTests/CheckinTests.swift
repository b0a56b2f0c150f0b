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
      "Your session was on Sunday 29 November 2026, 14 days ago.",
      "before  ██████░░░░░░░░░░░░░░ 31", "now     ███████████████░░░░░ 75",
      "Trust overall (0–10): 6 then, 8 now (up 2).",
      "| Yourself (0–100) | 31 | 75 | up 44 |", "| Trust overall (0–10) | 6 | 8 | up 2 |",
      "- From here on: Adjust it: When the weekly meeting ends, I will name one thing I got wrong",
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

  func testASecondCheckInStartsFromTheFirst() throws {
    let session = try String(
      contentsOf: Self.fixtures.appendingPathComponent("golden/self.in"), encoding: .utf8)
    _ = try CoachProcess.runInProcess(
      [], stdin: session, environment: environment("2026-11-29T09:00:00Z", "first"))
    let first = try String(
      contentsOf: Self.fixtures.appendingPathComponent("checkin/after-14-days.in"), encoding: .utf8)
    _ = try CoachProcess.runInProcess(
      ["checkin"], stdin: first, environment: environment("2026-12-14T09:00:00Z", "one"))
    let second = try CoachProcess.runInProcess(
      ["checkin"], stdin: "1\n1\n4\n4\n4\n4\n9\n\n\n\n\n\n",
      environment: environment("2027-01-13T09:00:00Z", "two"))
    XCTAssertEqual(second.status, 0, second.description)
    for figure in [
      "Your session was on Monday 14 December 2026, 30 days ago.",
      "Action 2: \"When the weekly meeting ends, I will name one thing I got wrong\". How did it go?",
      "(Last time you said 8.)", "before  ███████████████░░░░░ 75",
    ] {
      XCTAssertTrue(second.stdout.contains(figure), "missing: \(figure)")
    }
  }

  func testACheckInNeedsAFinishedSession() throws {
    let result = try CoachProcess.runInProcess(
      ["checkin"], environment: environment("2026-12-13T09:00:00Z", "x"))
    XCTAssertEqual(result.status, 66)
    XCTAssertEqual(
      result.stderr,
      "coach: there is no finished trust-first session; 'coach sessions' lists the saved ones\n")
  }

  func testTheCheckInDialogueChecksClean() throws {
    let result = try CoachProcess.runInProcess(
      ["check", Self.repository.appendingPathComponent("Dialogues/trust-first-checkin").path])
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertTrue(
      result.stdout.hasSuffix(
        ": 0 errors, 0 warnings (5 sections, 33 steps, 29 questions); paths take 1–7.3 min (expected 3.6)\n"
      ),
      result.stdout)
    let cases = try CoachProcess.runInProcess([
      "test", Self.repository.appendingPathComponent("Dialogues/trust-first-checkin").path,
      "--coverage",
    ])
    XCTAssertEqual(cases.status, 0, cases.description)
    XCTAssertTrue(
      cases.stdout.contains("steps 33 of 33 (100 %), transitions 32 of 32 (100 %)"), cases.stdout)
  }
}
