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

  /// The session's log, as written.
  func log() throws -> String {
    let folder = root.appendingPathComponent("data/coach/sessions")
    let name = try XCTUnwrap(
      FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".jsonl") })
    return try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
  }

  func testAPipedSharedScreenIsPlainTextAndKeepsTypedRatingsAndNotesOff() throws {
    let result = try run(
      ["run", "--facilitator", "--participants", "4", "team"],
      "2\n4\n4\n\n5\n\n3\n/park Hiring freeze\n/next\n/extend 2\n/jump Act\nTalk weekly\n")
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertFalse(result.stdout.contains("\u{1B}"), "no escape sequences when piped")
    XCTAssertTrue(result.stdout.contains(String(repeating: "-", count: 72)))
    XCTAssertFalse(result.stdout.contains("SECRET-NOTE"))
    XCTAssertTrue(result.stdout.contains("Each person types their rating here, unseen"))
    XCTAssertTrue(result.stdout.contains("> (rating taken, not shown)"))
    for typed in ["> 2\n", "> 4\n", "> 5\n"] {
      XCTAssertFalse(result.stdout.contains(typed), "a typed rating echoed: \(typed)")
    }
    XCTAssertTrue(result.stdout.contains("Rating taken, not shown: 3 of 4 rated."))
    XCTAssertTrue(result.stdout.contains("3 of 4 rated so far: wait for the others"))
    XCTAssertTrue(result.stdout.contains("The round is closed: 4 ratings are in."))
    XCTAssertTrue(result.stdout.contains("Team ratings: 4 responses"))
    XCTAssertTrue(result.stdout.contains("Split: the ratings are 3 points apart."))
    XCTAssertTrue(result.stdout.contains("The round is closed with 0 ratings: fewer than 3"))
    XCTAssertTrue(result.stdout.contains("Talk: 0:00 of 4:00 · session 0:00 of 8:00"))
    XCTAssertTrue(result.stdout.contains("## Parking lot\n\n- Hiring freeze"), result.stdout)

    // The log keeps the round as one anonymous event, lowest first.
    let log = try log()
    XCTAssertTrue(
      LoggedRatings.all(in: log).contains(.init(step: "safety", count: 4, values: [2, 4, 4, 5])),
      log)
    XCTAssertFalse(log.contains(#""kind":"answer","step":"safety","text":"2""#), log)

    let json = try run(["export", "room", "--format", "json"], "")
    XCTAssertEqual(json.status, 0, json.description)
    let schema = Self.fixtures.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/transcript.schema.json")
    try JSONSchemaCheck.validate(json.stdout, against: schema)
    XCTAssertTrue(json.stdout.contains(#""kind" : "ratings""#), json.stdout)
    XCTAssertTrue(json.stdout.contains(#""kind" : "team-summary""#))
    XCTAssertFalse(json.stdout.contains("participant"), json.stdout)
    let markdown = try run(["export", "room", "--format", "markdown"], "")
    XCTAssertTrue(markdown.stdout.contains("| Talk | 4 | 0 |"), markdown.stdout)
    XCTAssertTrue(markdown.stdout.contains("_4 team ratings for safety"), markdown.stdout)
    XCTAssertTrue(markdown.stdout.contains("4 ratings: median 4"), markdown.stdout)
    XCTAssertFalse(markdown.stdout.contains("2, 4, 4, 5"), "no list of ratings")
    XCTAssertFalse(markdown.stdout.contains("SECRET-NOTE"))
  }

  func testResumingOpensTheRoundAgainWithTheClockAndTheParkingLot() throws {
    // The input ends while the room rates: what was typed of the round is not kept.
    let first = try run(
      ["run", "--facilitator", "--participants", "3", "team"], "4\n/pause\n/park Budget\n")
    XCTAssertEqual(first.status, 65, first.description)
    XCTAssertFalse(try log().contains(#""kind":"ratings""#), "no rating before the round closes")
    let notes = try run(["notes", "--once"], "", now: "2026-11-29T09:05:00Z")
    XCTAssertEqual(notes.status, 0, notes.description)
    XCTAssertTrue(notes.stdout.contains("Waiting for: the room's ratings (3 people)"), notes.stdout)
    XCTAssertTrue(notes.stdout.contains("SECRET-NOTE-safety"))
    XCTAssertTrue(notes.stdout.contains("session 0:00 of 6:00 · CLOCK PAUSED"), notes.stdout)
    XCTAssertTrue(notes.stdout.contains("- Budget"))

    let resumed = try run(
      ["resume", "--facilitator"], "/resume\n3\n5\n4\n\n2\n2 3 4\n\n3\nTalk\n",
      now: "2026-11-29T09:08:00Z")
    XCTAssertEqual(resumed.status, 0, resumed.description)
    XCTAssertTrue(resumed.stdout.contains("Rating taken, not shown: 1 of 3 rated."), resumed.stdout)
    XCTAssertTrue(resumed.stdout.contains("- Budget"))
    XCTAssertFalse(resumed.stdout.contains("SECRET-NOTE"))
    XCTAssertTrue(try log().contains(#""values":[3,4,5]"#))
    let text = try run(["export", "room", "--format", "text"], "")
    XCTAssertTrue(text.stdout.contains("(the clock was paused at 09:00:00)"), text.stdout)
    XCTAssertTrue(text.stdout.contains("(the clock started again at 09:08:00)"), text.stdout)
    XCTAssertTrue(text.stdout.contains("Warm-up: 2 / 0"), "the paused eight minutes do not count")
  }

  func testFacilitatorCommandsNeedFacilitatorModeAndAnonymityNeedsThree() throws {
    let solo = try run(["run", "team"], "/pause\n/help\n4\n3\nTalk\n")
    XCTAssertEqual(solo.status, 0, solo.description)
    XCTAssertTrue(solo.stdout.contains("/pause is a facilitator's command"))
    XCTAssertFalse(solo.stdout.contains("/extend N"), "solo /help lists no facilitator commands")
    for arguments in [
      ["run", "--participants", "3", "team"], ["run", "--room", "team"],
      ["run", "--facilitator", "--participants", "1", "team"],
      ["run", "--facilitator", "--participants", "2", "team"],
      ["run", "--facilitator", "--participants", "Ana,Ben,Chen", "team"],
      ["run", "--facilitator", "--room-port", "8080", "team"],
    ] {
      let usage = try run(arguments, "")
      XCTAssertEqual(usage.status, 64, "\(arguments): \(usage.description)")
    }
    let one = try run(["run", "--facilitator", "--participants", "1", "team"], "")
    XCTAssertTrue(one.stderr.contains("from 3 to 100: ratings are anonymous"), one.stderr)
  }
}
