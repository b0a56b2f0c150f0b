import Foundation
import XCTest

/// `coach sessions`: the list for people and `--json` for scripts (validated against
/// docs/sessions.schema.json), and `sessions delete`, which a script must confirm with --yes and
/// which says exactly what it deleted and what it did not.
final class SessionsCommandTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/sessions.schema.json")

  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-sessions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func environment(_ id: String, at now: String = "2026-11-29T09:00:00Z") -> [String: String] {
    [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "COACH_NOW": now, "COACH_SESSION_ID": id,
    ]
  }

  func fixture(_ path: String) throws -> String {
    try String(contentsOf: Self.fixtures.appendingPathComponent(path), encoding: .utf8)
  }

  /// A finished default session with a check-in, and an unfinished session of another dialogue.
  func makeSessions() throws {
    let first = try CoachProcess.runInProcess(
      [], stdin: try fixture("golden/self.in"), environment: environment("first"))
    XCTAssertEqual(first.status, 0, first.description)
    let checkin = try CoachProcess.runInProcess(
      ["checkin"], stdin: try fixture("checkin/after-14-days.in"),
      environment: environment("later", at: "2026-12-13T09:00:00Z"))
    XCTAssertEqual(checkin.status, 0, checkin.description)
    let unfinished = try CoachProcess.runInProcess(
      ["run", "every-type.yaml"], in: Self.fixtures.appendingPathComponent("transcripts"),
      stdin: "Tigers\n4\nno\n", environment: environment("halfway"))
    XCTAssertEqual(unfinished.status, 65, unfinished.description)
  }

  func testJSONListsEverySessionAsTheSchemaSays() throws {
    try makeSessions()
    let listed = try CoachProcess.runInProcess(
      ["sessions", "--json"], environment: environment("x"))
    XCTAssertEqual(listed.status, 0, listed.description)
    try JSONSchemaCheck.validate(listed.stdout, against: Self.schema)

    let entries = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    XCTAssertEqual(entries.map { $0["id"] as? String }, ["first", "later", "halfway"])
    let first = entries[0]
    XCTAssertEqual(first["dialogue"] as? String, "trust-first")
    XCTAssertEqual(first["title"] as? String, "Elevate Your Team in Twenty Minutes")
    XCTAssertEqual(first["state"] as? String, "finished")
    XCTAssertEqual(first["startedAt"] as? String, "2026-11-29T09:00:00.000Z")
    XCTAssertEqual(first["checkins"] as? [String], ["later"])
    XCTAssertTrue(first["waitingIn"] is NSNull)
    XCTAssertTrue(first["follows"] is NSNull)
    XCTAssertGreaterThan(try XCTUnwrap(first["answers"] as? Int), 30)
    XCTAssertEqual(entries[1]["follows"] as? String, "first")
    let halfway = entries[2]
    XCTAssertEqual(halfway["state"] as? String, "unfinished")
    XCTAssertEqual(halfway["answers"] as? Int, 2)
    let place = try XCTUnwrap(halfway["waitingIn"] as? [String: Any])
    XCTAssertEqual(place["section"] as? Int, 1)
    XCTAssertEqual(place["sections"] as? Int, 3)
    XCTAssertEqual(place["title"] as? String, "About you")

    // The table for people says the same, with the section an unfinished one waits in.
    let table = try CoachProcess.runInProcess(["sessions"], environment: environment("x"))
    XCTAssertTrue(table.stdout.contains("└ later"), table.stdout)
    XCTAssertTrue(table.stdout.contains("section 1 of 3, 2 answers so far"), table.stdout)

    // No sessions at all: an empty array, still valid.
    try FileManager.default.removeItem(at: root.appendingPathComponent("data"))
    let none = try CoachProcess.runInProcess(["sessions", "--json"], environment: environment("x"))
    XCTAssertEqual(none.stdout.trimmingCharacters(in: .whitespacesAndNewlines), "[\n\n]")
    try JSONSchemaCheck.validate(none.stdout, against: Self.schema)
  }

  func testAScriptMustSayYesAndIsToldExactlyWhatWentAndWhatStayed() throws {
    try makeSessions()
    let sessions = root.appendingPathComponent("data/coach/sessions")
    let before = try FileManager.default.contentsOfDirectory(atPath: sessions.path).sorted()

    for arguments in [["sessions", "delete", "--all"], ["sessions", "delete", "first"]] {
      let refused = try CoachProcess.runInProcess(arguments, environment: environment("x"))
      XCTAssertEqual(refused.status, 64, refused.description)
      XCTAssertTrue(refused.stderr.contains("cannot be undone"), refused.stderr)
      XCTAssertTrue(refused.stderr.contains("add --yes"), refused.stderr)
      XCTAssertEqual(
        try FileManager.default.contentsOfDirectory(atPath: sessions.path).sorted(), before)
    }

    // A transcript exported next to the plans goes with its session; one written elsewhere stays.
    let plans = root.appendingPathComponent("data/coach/plans")
    let beside = try CoachProcess.runInProcess(
      [
        "export", "first", "--format", "html", "-o",
        plans.appendingPathComponent("first.html").path,
      ],
      environment: environment("x"))
    XCTAssertEqual(beside.status, 0, beside.description)
    let elsewhere = root.appendingPathComponent("mine.md")
    _ = try CoachProcess.runInProcess(
      ["export", "first", "-o", elsewhere.path], environment: environment("x"))

    let deleted = try CoachProcess.runInProcess(
      ["sessions", "delete", "first", "--yes"], environment: environment("x"))
    XCTAssertEqual(deleted.status, 0, deleted.description)
    XCTAssertEqual(
      deleted.stdout,
      """
      Deleted session first and its check-in: the answers, and 2 transcripts exported next to your plans (first.html, later.md).
      Not deleted: your plans and calendar files (in \(plans.path)), and any transcript you wrote elsewhere with 'coach export -o'.

      """)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: sessions.path), ["halfway.jsonl"])
    XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere.path))
    let left = try FileManager.default.contentsOfDirectory(atPath: plans.path)
    XCTAssertFalse(left.contains { $0.hasPrefix("first.") || $0.hasPrefix("later.") }, "\(left)")
    XCTAssertTrue(left.contains("2026-11-29-trust-first.md"), "\(left)")

    let all = try CoachProcess.runInProcess(
      ["sessions", "delete", "--all", "-y"], environment: environment("x"))
    XCTAssertEqual(all.status, 0, all.description)
    XCTAssertTrue(
      all.stdout.hasPrefix("Deleted the only saved session (halfway): the answers.\n"), all.stdout)
    let none = try CoachProcess.runInProcess(
      ["sessions", "delete", "--all", "--yes"], environment: environment("x"))
    XCTAssertEqual(none.stdout, "There are no saved sessions, so nothing was deleted.\n")
  }
}
