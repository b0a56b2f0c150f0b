import Foundation
import XCTest

/// Saved sessions confined to their folder and healing themselves: ids that cannot name a file
/// elsewhere, a plan written from the log when it never was, damaged and duplicated lines
/// skipped and said, every session exportable and deletable, the lock honoured, no file
/// replaced that was not meant to be.
final class SessionRepairTests: XCTestCase {
  static let now = "2026-11-29T09:00:00Z"
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-repair-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    // A short dialogue with a plan and a calendar event, kept only with consent.
    try """
    id: planned
    title: Planned
    duration: 2
    keep_answers_if: keep
    sections:
      - id: one
        title: One
        budget: 2
        steps:
          - id: consent
            ask:
              type: yesno
              var: keep
              prompt: Keep your answers?
          - id: name
            ask:
              type: text
              var: team
              prompt: What is your team called?
          - id: saving
            ask:
              type: yesno
              var: save
              prompt: Save the plan?
          - id: done
            say: Done.
            final: true
    plan:
      file_name: planned.md
      save_if: save
      template: |
        # Plan for {{team}}
      calendar:
        date: today + 7
        summary: Check in with {{team}}

    """.write(to: root.appendingPathComponent("planned.yaml"), atomically: true, encoding: .utf8)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func environment(_ id: String = "planned-session") -> [String: String] {
    [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "COACH_NOW": Self.now, "COACH_SESSION_ID": id,
    ]
  }

  var sessions: URL { root.appendingPathComponent("data/coach/sessions") }
  var plans: URL { root.appendingPathComponent("data/coach/plans") }
  func log(_ id: String = "planned-session") -> URL {
    sessions.appendingPathComponent("\(id).jsonl")
  }

  func coach(_ arguments: [String], stdin: String = "", id: String = "planned-session") throws
    -> CoachProcess.Result
  {
    try CoachProcess.runInProcess(arguments, in: root, stdin: stdin, environment: environment(id))
  }

  func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

  func lines(of url: URL) throws -> [String] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  func mode(_ url: URL) throws -> Int {
    try XCTUnwrap(
      FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
  }

  // MARK: - The plan

  /// What a kill between the last answer and the plan leaves on disk: a finished log without the
  /// line that notes the plan, no plan, a temporary file. `coach sessions` says so, and `coach
  /// resume` writes the plan, removes the temporary file, and notes it.
  func testAPlanNeverWrittenIsWrittenByResume() throws {
    let finished = try coach(["run", "planned.yaml"], stdin: "yes\nTigers\nyes\n")
    XCTAssertEqual(finished.status, 0, finished.description)
    let plan = plans.appendingPathComponent("2026-11-29-planned.md")
    let calendar = plans.appendingPathComponent("2026-11-29-planned.ics")
    XCTAssertTrue(try lines(of: log()).last!.contains("\"kind\":\"plan\""))
    // The state a kill in that moment leaves.
    try (lines(of: log()).dropLast().joined(separator: "\n") + "\n")
      .write(to: log(), atomically: false, encoding: .utf8)
    try FileManager.default.removeItem(at: plan)
    try FileManager.default.removeItem(at: calendar)
    let temporary = plans.appendingPathComponent(".2026-11-29-planned.md.4194305.tmp")
    try "half a plan".write(to: temporary, atomically: false, encoding: .utf8)

    let listed = try coach(["sessions"])
    XCTAssertTrue(
      listed.stdout.contains("plan not written: 'coach resume planned-session' writes it"),
      listed.stdout)
    let resumed = try coach(["resume"])
    XCTAssertEqual(resumed.status, 0, resumed.description)
    XCTAssertTrue(resumed.stderr.contains("its plan was never written"), resumed.stderr)
    XCTAssertTrue(resumed.stdout.contains("Plan saved to \(plan.path)"), resumed.stdout)
    XCTAssertEqual(try String(contentsOf: plan, encoding: .utf8), "# Plan for Tigers\n")
    XCTAssertTrue(exists(calendar))
    XCTAssertFalse(exists(temporary), "the temporary file a killed write left is removed")
    // Noted: resuming again writes nothing twice.
    let again = try coach(["resume", "planned-session"])
    XCTAssertEqual(again.status, 65, again.description)
    XCTAssertTrue(again.stderr.contains("its plan is in \(plan.path)"), again.stderr)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: plans.path).count, 2)
  }

  func testRepairWritesAMissingPlanAndCutsATornLine() throws {
    _ = try coach(["run", "planned.yaml"], stdin: "yes\nTigers\nyes\n")
    try (lines(of: log()).dropLast().joined(separator: "\n") + "\n{\"at\":\"2026-11-29T09:0")
      .write(to: log(), atomically: false, encoding: .utf8)
    try FileManager.default.removeItem(at: plans)
    let repaired = try coach(["sessions", "repair"])
    XCTAssertEqual(repaired.status, 0, repaired.description)
    XCTAssertTrue(repaired.stdout.contains("the last line was cut short"), repaired.stdout)
    XCTAssertTrue(repaired.stdout.contains("Plan saved to "), repaired.stdout)
    XCTAssertTrue(exists(plans.appendingPathComponent("2026-11-29-planned.md")))
    XCTAssertFalse(try String(contentsOf: log(), encoding: .utf8).contains("T09:0\n"))
    let again = try coach(["sessions", "repair"])
    XCTAssertEqual(again.stdout, "Nothing needed repairing.\n", again.description)
  }

  /// A plan that cannot be written (here: its folder cannot be made) ends with 73, says how to get
  /// it, and keeps the answers; resume then writes it where there is room.
  func testAPlanThatCannotBeWrittenIsWrittenLater() throws {
    try "a file".write(
      to: root.appendingPathComponent("blocker"), atomically: true, encoding: .utf8)
    let failed = try coach(
      ["run", "planned.yaml", "--plan-out", root.appendingPathComponent("blocker/plan.md").path],
      stdin: "yes\nTigers\nyes\n")
    XCTAssertEqual(failed.status, 73, failed.description)
    XCTAssertTrue(
      failed.stderr.contains("'coach resume planned-session' writes the plan"), failed.stderr)
    XCTAssertTrue(failed.stdout.contains("# Plan for Tigers"), "the plan was shown")
    let elsewhere = root.appendingPathComponent("room/plan.md")
    let resumed = try coach(["resume", "planned-session", "--plan-out", elsewhere.path])
    XCTAssertEqual(resumed.status, 0, resumed.description)
    XCTAssertEqual(try String(contentsOf: elsewhere, encoding: .utf8), "# Plan for Tigers\n")
    XCTAssertTrue(exists(root.appendingPathComponent("room/plan.ics")))
  }

  /// `--plan-out` names the Markdown plan; it never replaces the plan with its calendar file, nor
  /// a calendar file coach did not write. Coach's own calendar file is replaced on a second run.
  func testPlanOutNeverReplacesAnotherFile() throws {
    let ics = root.appendingPathComponent("x.ics")
    let refused = try coach(
      ["run", "planned.yaml", "--plan-out", ics.path], stdin: "yes\nT\nyes\n")
    XCTAssertEqual(refused.status, 64, refused.description)
    XCTAssertTrue(refused.stderr.contains("--plan-out names the plan, a Markdown file"))
    XCTAssertFalse(exists(ics))

    let notes = root.appendingPathComponent("notes.md")
    let theirs = root.appendingPathComponent("notes.ics")
    try "BEGIN:VCALENDAR\r\nPRODID:-//someone else//EN\r\n".write(
      to: theirs, atomically: true, encoding: .utf8)
    let kept = try coach(
      ["run", "planned.yaml", "--plan-out", notes.path], stdin: "yes\nT\nyes\n", id: "second")
    XCTAssertEqual(kept.status, 73, kept.description)
    XCTAssertTrue(kept.stderr.contains("is not a calendar file coach wrote"), kept.stderr)
    XCTAssertTrue(try String(contentsOf: theirs, encoding: .utf8).contains("someone else"))
    XCTAssertFalse(exists(notes), "nothing was written")

    try FileManager.default.removeItem(at: theirs)
    for id in ["third", "fourth"] {
      let run = try coach(
        ["run", "planned.yaml", "--plan-out", notes.path], stdin: "yes\nT\nyes\n", id: id)
      XCTAssertEqual(run.status, 0, run.description)
    }
    XCTAssertTrue(try String(contentsOf: theirs, encoding: .utf8).contains("PRODID:-//coach//"))
  }

  // MARK: - Ids

  /// An id that could name a file outside the sessions folder is refused, however it comes: the
  /// environment, the command line, a log's first line.
  func testSessionIdsCannotReachOutsideTheSessionsFolder() throws {
    let outside = root.appendingPathComponent("data/coach/outside.jsonl")
    let refused = try coach(["run", "planned.yaml"], stdin: "yes\n", id: "../outside")
    XCTAssertEqual(refused.status, 64, refused.description)
    XCTAssertFalse(exists(outside))
    XCTAssertFalse(exists(sessions))

    // A log whose first line names another session: the file's name is what counts, so
    // withdrawing consent deletes this log and nothing else.
    _ = try coach(["run", "planned.yaml"], stdin: "yes\nTigers\n")
    try "a victim".write(to: outside, atomically: true, encoding: .utf8)
    let edited = try String(contentsOf: log(), encoding: .utf8).replacingOccurrences(
      of: "\"session\":\"planned-session\"", with: "\"session\":\"..\\/outside\"")
    try edited.write(to: log(), atomically: false, encoding: .utf8)
    let withdrawn = try coach(["resume", "planned-session"], stdin: "/back\n/back\nno\nT\nyes\n")
    XCTAssertEqual(withdrawn.status, 0, withdrawn.description)
    XCTAssertFalse(exists(log()), "the session's own log went, as the person chose")
    XCTAssertEqual(try String(contentsOf: outside, encoding: .utf8), "a victim")

    // `coach sessions delete ""` deletes nothing, and says so.
    _ = try coach(["run", "planned.yaml"], stdin: "yes\nTigers\n", id: "only")
    for id in ["", "..", "../only", "/"] {
      let deleted = try coach(["sessions", "delete", id, "--yes"])
      XCTAssertEqual(deleted.status, 66, "\(id): \(deleted)")
      XCTAssertTrue(exists(log("only")))
    }
  }

  /// The folders and logs coach writes are private, but a folder is only ever made tighter, and
  /// only when it is this user's: a read-only sessions folder stays read-only, another user's
  /// folder keeps its mode. A resumed log readable by others becomes 0600.
  func testModesAreTightenedOnlyWhereTheyAreOurs() throws {
    try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
    chmod(sessions.path, 0o755)
    _ = try coach(["run", "planned.yaml"], stdin: "yes\nTigers\n")
    XCTAssertEqual(try mode(sessions), 0o700)
    chmod(log().path, 0o644)
    _ = try coach(["resume", "planned-session"], stdin: "")
    XCTAssertEqual(try mode(log()), 0o600)

    chmod(sessions.path, 0o500)
    _ = try coach(["resume", "planned-session"], stdin: "")
    XCTAssertEqual(try mode(sessions), 0o500, "a read-only folder is not made writable")
    chmod(sessions.path, 0o700)

    try XCTSkipUnless(getuid() == 0, "giving a folder to another user needs root")
    chown(sessions.path, 65534, 65534)
    chmod(sessions.path, 0o777)
    defer { chown(sessions.path, 0, 0) }
    _ = try coach(["run", "planned.yaml"], stdin: "yes\nTigers\n", id: "another")
    XCTAssertEqual(try mode(sessions), 0o777, "another user's folder keeps its mode")
  }

  // MARK: - Damaged logs

  /// However damaged, a log is listed, exported as JSON (what it holds, with what is missing)
  /// and deleted, alone or with --all.
  func testEveryDamagedLogCanBeListedExportedAndDeleted() throws {
    _ = try coach(["run", "planned.yaml"], stdin: "yes\nTigers\n", id: "whole")
    let text = try String(contentsOf: log("whole"), encoding: .utf8)
    try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
    let damaged: [String: String] = [
      "empty": "",
      "cut": String(text.prefix(40)),
      "garbage": "\u{0}\u{1}not a log at all\n\u{FF}",
      "headless": "{\"format\":1,\"kind\":\"hea\n"
        + text.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n",
    ]
    for (id, contents) in damaged {
      try contents.write(to: log(id), atomically: false, encoding: .utf8)
    }
    let listed = try coach(["sessions"])
    XCTAssertEqual(listed.status, 0, listed.description)
    for id in damaged.keys {
      XCTAssertTrue(listed.stdout.contains("\(id)  "), "\(id): \(listed.stdout)")
      XCTAssertTrue(listed.stderr.contains("session \(id) cannot be read"), listed.stderr)
      let export = try coach(["export", id, "--format", "json"])
      XCTAssertEqual(export.status, 0, "\(id): \(export)")
      try JSONSchemaCheck.validate(export.stdout, against: Self.schema)
      XCTAssertTrue(export.stdout.contains("\"problems\""), export.stdout)
      let markdown = try coach(["export", id])
      XCTAssertEqual(markdown.status, 65, markdown.description)
      XCTAssertTrue(markdown.stderr.contains("--format json"), markdown.stderr)
    }
    let headless = try coach(["export", "headless", "--format", "json"])
    XCTAssertTrue(headless.stdout.contains("\"answer\" : \"Tigers\""), headless.stdout)
    let one = try coach(["sessions", "delete", "empty", "--yes"])
    XCTAssertEqual(one.status, 0, one.description)
    XCTAssertFalse(exists(log("empty")))
    let all = try coach(["sessions", "delete", "--all", "--yes"])
    XCTAssertEqual(all.status, 0, all.description)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sessions.path), [])
  }

  static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("docs/transcript.schema.json")

  /// A line copied twice (an editor, a sync tool) does not move later answers to other
  /// questions: by its number in logs that number their events, by its step in older ones.
  func testADuplicatedLineNeverMisfilesLaterAnswers() throws {
    let answers = "Tigers\n4\nremote\n4\n2\n50\n1\n"
    let transcripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/transcripts")
    for numbered in [true, false] {
      let id = numbered ? "numbered" : "older"
      let run = try CoachProcess.runInProcess(
        ["run", "every-type.yaml"], in: transcripts, stdin: answers, environment: environment(id))
      XCTAssertEqual(run.status, 0, run.description)
      let expected = try coach(["export", id, "--format", "text"], id: id).stdout
      var lines = try lines(of: log(id))
      if !numbered {
        // As written before events were numbered.
        lines = lines.map {
          $0.replacingOccurrences(of: #","n":[0-9]+"#, with: "", options: .regularExpression)
        }
      }
      // The answer to the first scale, twice: the second scale would take it.
      lines.insert(lines[4], at: 5)
      try (lines.joined(separator: "\n") + "\n").write(
        to: log(id), atomically: false, encoding: .utf8)
      let export = try coach(["export", id, "--format", "text"], id: id)
      XCTAssertEqual(export.status, 0, export.description)
      XCTAssertEqual(export.stdout, expected, id)
      XCTAssertTrue(
        export.stderr.contains(
          numbered ? ":6: this line repeats event 4" : "came where the session was at another step"),
        "\(id): \(export.stderr)")
    }
  }

  /// A session keeps the dialogue it ran: moving (or deleting) the dialogue's folder loses
  /// nothing of its exports. With the kept copy gone too, JSON still gives what the log holds.
  func testASessionWhoseDialogueFolderMovedIsStillExported() throws {
    let folder = root.appendingPathComponent("mine")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.moveItem(
      at: root.appendingPathComponent("planned.yaml"),
      to: folder.appendingPathComponent("dialogue.yaml"))
    _ = try coach(["run", "mine"], stdin: "yes\nTigers\n")
    try FileManager.default.moveItem(at: folder, to: root.appendingPathComponent("elsewhere"))
    for format in ["markdown", "json", "html", "text"] {
      let export = try coach(["export", "planned-session", "--format", format])
      XCTAssertEqual(export.status, 0, "\(format): \(export)")
      XCTAssertTrue(export.stdout.contains("Tigers"), format)
    }
    try FileManager.default.removeItem(at: root.appendingPathComponent("data/coach/dialogues"))
    let json = try coach(["export", "planned-session", "--format", "json"])
    XCTAssertEqual(json.status, 0, json.description)
    try JSONSchemaCheck.validate(json.stdout, against: Self.schema)
    XCTAssertTrue(json.stdout.contains("\"answer\" : \"Tigers\""), json.stdout)
    XCTAssertTrue(json.stdout.contains("\"problems\""), json.stdout)
    let text = try coach(["export", "planned-session", "--format", "text"])
    XCTAssertEqual(text.status, 66, text.description)
    XCTAssertTrue(text.stderr.contains("--format json"), text.stderr)
  }

  // MARK: - The lock

  /// A session running in another coach is not deleted under it (75, nothing removed); a log
  /// deleted by other means is noticed by the running session, which says its answers are no
  /// longer saved rather than that they are.
  func testDeleteHonoursTheLockAndARunningSessionNoticesItsLogGone() throws {
    let live = try LiveCoach(["run", "planned.yaml"], environment: environment(), in: root)
    defer { live.kill() }
    XCTAssertTrue(live.waitForPrompts(1), live.text)
    live.send("yes")
    XCTAssertTrue(live.waitForPrompts(2), live.text)
    XCTAssertTrue(exists(log()))
    let refused = try coach(["sessions", "delete", "planned-session", "--yes"])
    XCTAssertEqual(refused.status, 75, refused.description)
    XCTAssertTrue(refused.stderr.contains("is running in another coach"), refused.stderr)
    XCTAssertTrue(exists(log()))
    let all = try coach(["sessions", "delete", "--all", "--yes"])
    XCTAssertEqual(all.status, 75, all.description)
    XCTAssertTrue(exists(log()))

    try FileManager.default.removeItem(at: log())
    live.send("Tigers")
    XCTAssertTrue(live.waitForExit(), live.text)
    XCTAssertTrue(
      live.errors.contains("the session's log was deleted while it ran"), live.errors)
    XCTAssertFalse(live.text.contains("Save the plan?"), "the answer was not taken: \(live.text)")
  }
}
