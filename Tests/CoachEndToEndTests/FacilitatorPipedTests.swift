import Foundation
import XCTest

/// Facilitator mode through pipes: plain text without escapes, resume, the presenter view once,
/// and exports of a facilitated session (checked against the JSON schema).
final class FacilitatorPipedTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-facilitated-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func environment(now: String = "2026-11-29T09:00:00Z") -> [String: String] {
    [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "COACH_NOW": now, "COACH_SESSION_ID": "room", "NO_COLOR": "1",
    ]
  }

  func run(_ arguments: [String], _ input: String, now: String = "2026-11-29T09:00:00Z") throws
    -> CoachProcess.Result
  {
    try CoachProcess.runInProcess(
      arguments, in: Self.fixtures, stdin: input, environment: environment(now: now))
  }

  func testAPipedSharedScreenIsPlainTextWithSeparatorsAndKeepsRatingsAndNotesOff() throws {
    let result = try run(
      ["run", "--facilitator", "--participants", "4", "team"],
      "2\n4\n/skip\n5\n4\n/park Hiring freeze\n/next\n/extend 2\n/jump Act\nTalk weekly\n")
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertFalse(result.stdout.contains("\u{1B}"), "no escape sequences when piped")
    XCTAssertTrue(result.stdout.contains(String(repeating: "-", count: 72)))
    XCTAssertFalse(result.stdout.contains("SECRET-NOTE"))
    XCTAssertTrue(result.stdout.contains("Rating from Participant 2 (2 of 4)"))
    XCTAssertTrue(result.stdout.contains("> (rating taken, not shown)"))
    XCTAssertTrue(result.stdout.contains("Participant 3 passes."))
    XCTAssertTrue(result.stdout.contains("Team ratings: 3 responses"))
    XCTAssertTrue(result.stdout.contains("Split: the ratings are 3 points apart."))
    XCTAssertTrue(result.stdout.contains("Talk: 0:00 of 4:00 · session 0:00 of 8:00"))
    XCTAssertTrue(result.stdout.contains("## Parking lot\n\n- Hiring freeze"), result.stdout)

    let json = try run(["export", "room", "--format", "json"], "")
    XCTAssertEqual(json.status, 0, json.description)
    let schema = Self.fixtures.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/transcript.schema.json")
    try JSONSchemaCheck.validate(json.stdout, against: schema)
    XCTAssertTrue(json.stdout.contains(#""participant" : "3""#), json.stdout)
    XCTAssertTrue(json.stdout.contains(#""kind" : "team-summary""#))
    let markdown = try run(["export", "room", "--format", "markdown"], "")
    XCTAssertTrue(markdown.stdout.contains("| Talk | 4 | 0 |"), markdown.stdout)
    XCTAssertTrue(markdown.stdout.contains("_participant 3: passed"), markdown.stdout)
    XCTAssertFalse(markdown.stdout.contains("SECRET-NOTE"))
  }

  func testResumingGoesOnWithTheRoundTheClockAndTheParkingLot() throws {
    let first = try run(
      ["run", "--facilitator", "--participants", "Ana,Ben,Chen", "team"],
      "4\n/pause\n/park Budget\n")
    XCTAssertEqual(first.status, 65, first.description)
    let notes = try run(["notes", "--once"], "", now: "2026-11-29T09:05:00Z")
    XCTAssertEqual(notes.status, 0, notes.description)
    XCTAssertTrue(notes.stdout.contains("Waiting for: Ben (2 of 3)"), notes.stdout)
    XCTAssertTrue(notes.stdout.contains("SECRET-NOTE-safety"))
    XCTAssertTrue(notes.stdout.contains("session 0:00 of 6:00 · CLOCK PAUSED"), notes.stdout)
    XCTAssertTrue(notes.stdout.contains("- Budget"))
    XCTAssertTrue(notes.stdout.contains("safety: Ana 4"))

    let resumed = try run(
      ["resume", "--facilitator"], "/resume\n3\n5\n4\n2 3 4\n3\nTalk\n",
      now: "2026-11-29T09:08:00Z")
    XCTAssertEqual(resumed.status, 0, resumed.description)
    XCTAssertTrue(resumed.stdout.contains("Rating from Ben (2 of 3)"), resumed.stdout)
    XCTAssertTrue(resumed.stdout.contains("- Budget"))
    XCTAssertFalse(resumed.stdout.contains("SECRET-NOTE"))
    let text = try run(["export", "room", "--format", "text"], "")
    XCTAssertTrue(text.stdout.contains("(the clock was paused at 09:00:00)"), text.stdout)
    XCTAssertTrue(text.stdout.contains("(the clock started again at 09:08:00)"), text.stdout)
    XCTAssertTrue(text.stdout.contains("Warm-up: 2 / 0"), "the paused eight minutes do not count")
  }

  func testFacilitatorCommandsNeedFacilitatorMode() throws {
    let solo = try run(["run", "team"], "/pause\n/help\n4\n3\nTalk\n")
    XCTAssertEqual(solo.status, 0, solo.description)
    XCTAssertTrue(solo.stdout.contains("/pause is a facilitator's command"))
    XCTAssertFalse(solo.stdout.contains("/extend N"), "solo /help lists no facilitator commands")
    let usage = try run(["run", "--participants", "3", "team"], "")
    XCTAssertEqual(usage.status, 64, usage.description)
  }
}
