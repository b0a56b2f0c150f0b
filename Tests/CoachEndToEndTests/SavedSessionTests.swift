import Foundation
import XCTest

/// Sessions on disk: killed at any moment and resumed, damaged logs, edited dialogues, exports,
/// file modes and deletion.
final class SavedSessionTests: XCTestCase {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/golden")
  static let transcripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/transcripts")
  static let now = "2026-11-29T09:00:00Z"

  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-saved-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func environment(_ id: String) -> [String: String] {
    [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "COACH_NOW": Self.now, "COACH_SESSION_ID": id,
    ]
  }

  var sessions: URL { root.appendingPathComponent("data/coach/sessions") }

  func log(_ id: String) -> URL { sessions.appendingPathComponent("\(id).jsonl") }

  /// The JSON export of a session with the times taken out: what must not differ between runs.
  func comparableExport(_ id: String) throws -> String {
    let result = try CoachProcess.runInProcess(
      ["export", id, "--format", "json"], environment: environment(id))
    XCTAssertEqual(result.status, 0, result.description)
    var object = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let events = try XCTUnwrap(object["events"] as? [[String: Any]])
    object["events"] = events.map { event in event.filter { $0.key != "at" } }
    object.removeValue(forKey: "session")
    object.removeValue(forKey: "sections")
    let data = try JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
    return String(decoding: data, as: UTF8.self)
  }

  func testKilledAtTwentyFourPointsAndResumedGivesTheSameTranscript() throws {
    let lines = try String(
      contentsOf: Self.golden.appendingPathComponent("self.in"), encoding: .utf8
    )
    .components(separatedBy: "\n").dropLast()
    let whole = try CoachProcess.run(
      [], stdin: lines.joined(separator: "\n") + "\n", environment: environment("whole"))
    XCTAssertEqual(whole.status, 0, whole.description)
    let expected = try comparableExport("whole")
    XCTAssertTrue(expected.contains("\"kind\" : \"answer\""), expected)
    let wholePlan = try plan(of: "whole")

    let points = Array(
      stride(from: 1, to: lines.count - 1, by: max((lines.count - 2) / 24, 1)).prefix(24))
    XCTAssertGreaterThanOrEqual(points.count, 20)
    for point in points {
      let id = "killed-after-\(point)"
      let live = try LiveCoach([], environment: environment(id))
      XCTAssertTrue(live.waitForPrompts(1), "no first prompt: \(live.text)")
      for (index, line) in lines.prefix(point).enumerated() {
        live.send(line)
        XCTAssertTrue(
          live.waitForPrompts(index + 2), "line \(index + 1) was not acknowledged: \(live.text)")
      }
      live.kill()
      let rest = lines.dropFirst(point).joined(separator: "\n") + "\n"
      let resumed = try CoachProcess.run(["resume", id], stdin: rest, environment: environment(id))
      XCTAssertEqual(resumed.status, 0, "after line \(point): \(resumed)")
      XCTAssertTrue(resumed.stdout.contains("Welcome back."), "after line \(point)")
      XCTAssertEqual(try comparableExport(id), expected, "killed after line \(point)")
      XCTAssertEqual(try plan(of: id), wholePlan, "the plan after resuming at line \(point)")
    }

    // Killed after the last answer, before the plan: the state it leaves is a finished log
    // without the line that notes the plan, and no plan.
    let late = "killed-before-the-plan"
    let run = try CoachProcess.run(
      [], stdin: lines.joined(separator: "\n") + "\n", environment: environment(late))
    XCTAssertEqual(run.status, 0, run.description)
    let logged = try String(contentsOf: log(late), encoding: .utf8).split(separator: "\n")
    XCTAssertTrue(logged.last!.contains("\"kind\":\"plan\""), "the log notes the plan")
    try (logged.dropLast().joined(separator: "\n") + "\n").write(
      to: log(late), atomically: false, encoding: .utf8)
    for file in try planFiles(of: late) { try FileManager.default.removeItem(atPath: file) }
    let finished = try CoachProcess.run(["resume", late], environment: environment(late))
    XCTAssertEqual(finished.status, 0, finished.description)
    XCTAssertEqual(try plan(of: late), wholePlan, "the plan, written by resume")
    XCTAssertEqual(try comparableExport(late), expected)

    // And a real kill racing the last answer: whichever side of it the kill falls, after
    // `coach resume` the plan is on disk and the session is the same.
    for round in 1...3 {
      let id = "killed-racing-\(round)"
      let live = try LiveCoach([], environment: environment(id))
      XCTAssertTrue(live.waitForPrompts(1), "no first prompt: \(live.text)")
      for (index, line) in lines.dropLast().enumerated() {
        live.send(line)
        XCTAssertTrue(live.waitForPrompts(index + 2), "line \(index + 1): \(live.text)")
      }
      live.send(lines.last!)
      live.kill()
      let resumed = try CoachProcess.run(
        ["resume", id], stdin: lines.last! + "\n", environment: environment(id))
      XCTAssertTrue(
        resumed.status == 0 || resumed.stderr.contains("is finished; its plan is in"),
        resumed.description)
      XCTAssertEqual(try plan(of: id), wholePlan, "round \(round)")
      XCTAssertEqual(try comparableExport(id), expected, "round \(round)")
    }
  }

  /// The plan files a session wrote: the paths its log notes.
  func planFiles(of id: String) throws -> [String] {
    let last = try String(contentsOf: log(id), encoding: .utf8).split(separator: "\n").last ?? ""
    let record = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
    return ["plan", "calendar"].compactMap { record?[$0] as? String }
  }

  /// The text of the plan a session wrote.
  func plan(of id: String) throws -> String {
    let path = try XCTUnwrap(try planFiles(of: id).first, "no plan noted for \(id)")
    return try String(contentsOfFile: path, encoding: .utf8)
  }

  func testATornLastLineIsDroppedWithAWarning() throws {
    let script = "Tigers\n4\n"
    _ = try CoachProcess.runInProcess(
      ["run", "every-type.yaml"], in: Self.transcripts, stdin: script,
      environment: environment("torn"))
    let handle = try FileHandle(forWritingTo: log("torn"))
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("{\"at\":\"2026-11-29T09:00:00.000Z\",\"kind\":\"ans".utf8))
    try handle.close()
    let resumed = try CoachProcess.runInProcess(
      ["resume", "torn"], in: Self.transcripts, stdin: "remote\n4\n2\n50\n1\n",
      environment: environment("torn"))
    XCTAssertEqual(resumed.status, 0, resumed.description)
    XCTAssertTrue(
      // Line 4 is the stop kept when the input ended; the torn line comes after it.
      resumed.stderr.contains("torn.jsonl:5: the last line was cut short"), resumed.stderr)
    XCTAssertTrue(resumed.stdout.contains("Tigers (Remote): trust score"), resumed.stdout)
    let text = try String(contentsOf: log("torn"), encoding: .utf8)
    XCTAssertFalse(text.contains("\"kind\":\"ans\n"), "the torn line was cut off before appending")
  }

  /// A damaged line is skipped and said, naming file and line; the session is not hidden, and
  /// the answer after it (logged at a step the session is not at without the lost one) is not
  /// filed under the wrong question: it is skipped too, and the question asked again.
  func testADamagedMiddleLineIsSkippedAndSaidAndNothingIsMisfiled() throws {
    _ = try CoachProcess.runInProcess(
      ["run", "every-type.yaml"], in: Self.transcripts, stdin: "Tigers\n4\nremote\n",
      environment: environment("damaged"))
    var lines = try String(contentsOf: log("damaged"), encoding: .utf8).components(
      separatedBy: "\n")
    lines[2] = "{this is not json"
    try lines.joined(separator: "\n").write(to: log("damaged"), atomically: false, encoding: .utf8)
    let listed = try CoachProcess.runInProcess(["sessions"], environment: environment("x"))
    XCTAssertTrue(listed.stdout.contains("damaged"), listed.description)
    let resumed = try CoachProcess.runInProcess(
      ["resume", "damaged"], in: Self.transcripts, stdin: "12\nno\nremote\n4\n2\n50\n1\n",
      environment: environment("damaged"))
    XCTAssertEqual(resumed.status, 0, resumed.description)
    XCTAssertTrue(
      resumed.stderr.contains(
        "\(log("damaged").path):3: this line of the session log is damaged; it was skipped"),
      resumed.stderr)
    XCTAssertTrue(
      resumed.stderr.contains(
        "(an answer at step 'remote') came where the session was at another step"),
      resumed.stderr)
    XCTAssertTrue(resumed.stdout.contains("How many people are in Tigers?"), resumed.stdout)
    let export = try comparableExport("damaged")
    XCTAssertTrue(export.contains("\"size\" : 12"), export)
    XCTAssertTrue(export.contains("\"remote\" : \"remote\""), export)
  }

  func testAnEditedDialogueResumesWhenEveryAnsweredStepStillExists() throws {
    let (file, original) = try editableDialogue()
    _ = try CoachProcess.runInProcess(
      ["run", file.path], stdin: "Tigers\n4\n", environment: environment("edited"))

    try original.replacingOccurrences(of: "Hello! A few quick questions.", with: "Hi there.")
      .write(to: file, atomically: true, encoding: .utf8)
    let kept = try CoachProcess.runInProcess(
      ["resume", "edited"], stdin: "remote\n4\n2\n/skip\n1\n", environment: environment("edited"))
    XCTAssertEqual(kept.status, 0, kept.description)
    XCTAssertTrue(
      kept.stderr.contains(
        "the dialogue has changed since this session began; every answer still fits it"))

    _ = try CoachProcess.runInProcess(
      ["run", file.path], stdin: "Tigers\n4\n", environment: environment("broken"))
    try original.replacingOccurrences(of: "- id: size\n", with: "- id: headcount\n")
      .replacingOccurrences(of: "size >= 10", with: "headcount >= 10")
      .replacingOccurrences(of: "{{size}}", with: "{{headcount}}")
      .write(to: file, atomically: true, encoding: .utf8)
    let refused = try CoachProcess.runInProcess(
      ["resume", "broken"], stdin: "remote\n", environment: environment("broken"))
    XCTAssertEqual(refused.status, 65, refused.description)
    XCTAssertTrue(
      refused.stderr.contains("these answered steps no longer exist: size"), refused.stderr)
    XCTAssertTrue(refused.stderr.contains("coach export broken"), refused.stderr)
  }

  func testFilesAndFoldersArePrivateAndDeleteLeavesNoTrace() throws {
    _ = try CoachProcess.runInProcess(
      ["run", "every-type.yaml"], in: Self.transcripts, stdin: "Tigers\n4\n",
      environment: environment("private"))
    func mode(_ url: URL) throws -> Int {
      try XCTUnwrap(
        FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int)
    }
    XCTAssertEqual(try mode(log("private")), 0o600)
    XCTAssertEqual(try mode(sessions), 0o700)
    XCTAssertEqual(try mode(sessions.deletingLastPathComponent()), 0o700)
    let exported = root.appendingPathComponent("out.md")
    let export = try CoachProcess.runInProcess(
      ["export", "private", "-o", exported.path], environment: environment("private"))
    XCTAssertEqual(export.status, 0, export.description)
    XCTAssertEqual(try mode(exported), 0o600)

    let listed = try CoachProcess.runInProcess(["sessions"], environment: environment("x"))
    XCTAssertTrue(listed.stdout.contains("private"), listed.stdout)
    let deleted = try CoachProcess.runInProcess(
      ["sessions", "delete", "private", "--yes"], environment: environment("x"))
    XCTAssertEqual(deleted.status, 0, deleted.description)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: sessions.path), [])
    // What was written elsewhere with -o is the person's: it stays, and the message says so.
    XCTAssertTrue(FileManager.default.fileExists(atPath: exported.path))
    XCTAssertTrue(deleted.stdout.contains("Deleted session private: the answers."), deleted.stdout)
    XCTAssertTrue(
      deleted.stdout.contains("any transcript you wrote elsewhere with 'coach export -o'"),
      deleted.stdout)
    let again = try CoachProcess.runInProcess(["resume", "private"], environment: environment("x"))
    XCTAssertEqual(again.status, 66)
  }

  func testExportsEscapeWhatPeopleTyped() throws {
    let script = "<script>x</script>\n4\nremote\n4\n2\n50\n1\n"
    _ = try CoachProcess.runInProcess(
      ["run", "every-type.yaml"], in: Self.transcripts, stdin: script,
      environment: environment("html"))
    let html = try CoachProcess.runInProcess(
      ["export", "html", "--format", "html"], environment: environment("html"))
    XCTAssertEqual(html.status, 0, html.description)
    XCTAssertFalse(html.stdout.contains("<script>"))
    XCTAssertTrue(html.stdout.contains("&lt;script&gt;x&lt;/script&gt;"), html.stdout)
    for fetching in ["src=", "href=", "<link", "@import", "url("] {
      XCTAssertFalse(html.stdout.contains(fetching), "nothing is fetched from elsewhere")
    }
    XCTAssertTrue(try HTMLBalance.isWellFormed(html.stdout))

    let json = try CoachProcess.runInProcess(
      ["export", "html", "--format", "json"], environment: environment("html"))
    let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/transcript.schema.json")
    try JSONSchemaCheck.validate(json.stdout, against: schema)
    for format in ["markdown", "text"] {
      let result = try CoachProcess.runInProcess(
        ["export", "html", "--format", format], environment: environment("html"))
      XCTAssertEqual(result.status, 0)
      XCTAssertTrue(result.stdout.contains("script"), format)
      XCTAssertFalse(result.stdout.contains("\u{1B}"), format)
    }
  }

  func testFinalOnlyLeavesOutAnswersTakenBack() throws {
    let script = try String(
      contentsOf: Self.transcripts.appendingPathComponent("03-back-and-skip.in"), encoding: .utf8)
    _ = try CoachProcess.runInProcess(
      ["run", "every-type.yaml"], in: Self.transcripts, stdin: script,
      environment: environment("undo"))
    let all = try CoachProcess.runInProcess(
      ["export", "undo", "--format", "text"], environment: environment("undo"))
    XCTAssertTrue(all.stdout.contains("A: Tigers"), all.stdout)
    XCTAssertTrue(all.stdout.contains("(went back to"), all.stdout)
    let final = try CoachProcess.runInProcess(
      ["export", "undo", "--format", "text", "--final-only"], environment: environment("undo"))
    XCTAssertFalse(final.stdout.contains("Tigers"), final.stdout)
    XCTAssertFalse(final.stdout.contains("went back"), final.stdout)
    XCTAssertTrue(final.stdout.contains("A: Lions"), final.stdout)
  }

  // MARK: - A session keeps its dialogue

  /// A copy of `every-type.yaml` in the scratch folder, to edit after a session began.
  func editableDialogue() throws -> (file: URL, original: String) {
    let folder = root.appendingPathComponent("dialogue")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let original = try String(
      contentsOf: Self.transcripts.appendingPathComponent("every-type.yaml"), encoding: .utf8)
    let file = folder.appendingPathComponent("every-type.yaml")
    try original.write(to: file, atomically: true, encoding: .utf8)
    return (file, original)
  }

  func testResumingOnADialogueThatGainedABadTargetSaysWhereAndRunsNothing() throws {
    let (file, original) = try editableDialogue()
    _ = try CoachProcess.runInProcess(
      ["run", file.path], stdin: "Tigers\n4\n", environment: environment("target"))
    try original.replacingOccurrences(of: "goto: big", with: "goto: nowhere")
      .write(to: file, atomically: true, encoding: .utf8)
    let refused = try CoachProcess.runInProcess(
      ["resume", "target"], stdin: "remote\n", environment: environment("target"))
    XCTAssertEqual(refused.status, 65, refused.description)
    XCTAssertTrue(
      refused.stderr.hasPrefix("\(file.path):34:19: error: no step has the id 'nowhere'"),
      refused.stderr)
    XCTAssertTrue(refused.stderr.contains("--dialogue saved"), refused.stderr)
    XCTAssertEqual(refused.stdout, "", "nothing was run")
    // The session goes on as it began, if the person says so.
    let kept = try CoachProcess.runInProcess(
      ["resume", "target", "--dialogue", "saved"], stdin: "remote\n4\n2\n/skip\n1\n",
      environment: environment("target"))
    XCTAssertEqual(kept.status, 0, kept.description)
    XCTAssertTrue(kept.stdout.contains("The session is complete."), kept.stdout)
  }

  func testAnExportShowsWhatThePersonSawAfterTheDialogueChanged() throws {
    let (file, original) = try editableDialogue()
    _ = try CoachProcess.runInProcess(
      ["run", file.path], stdin: "Tigers\n4\nremote\n4\n2\n/skip\n1\n",
      environment: environment("seen"))
    try original.replacingOccurrences(of: "What is your team called?", with: "Team name?")
      .write(to: file, atomically: true, encoding: .utf8)
    let export = try CoachProcess.runInProcess(
      ["export", "seen", "--format", "text"], environment: environment("seen"))
    XCTAssertEqual(export.status, 0, export.description)
    XCTAssertTrue(export.stdout.contains("Q: What is your team called?"), export.stdout)
    XCTAssertFalse(export.stdout.contains("Team name?"), export.stdout)
  }

  func testADialogueIsKeptOncePerVersionPrivatelyAndGoesWithItsSessions() throws {
    for id in ["one", "two"] {
      _ = try CoachProcess.runInProcess(
        ["run", "every-type.yaml"], in: Self.transcripts, stdin: "Tigers\n",
        environment: environment(id))
    }
    let folder = root.appendingPathComponent("data/coach/dialogues")
    let copies = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    XCTAssertEqual(copies.count, 1, "\(copies)")
    let attributes = try FileManager.default.attributesOfItem(
      atPath: folder.appendingPathComponent(copies[0]).path)
    XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
    let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder.path)
    XCTAssertEqual((folderAttributes[.posixPermissions] as? NSNumber)?.intValue, 0o700)
    _ = try CoachProcess.runInProcess(
      ["sessions", "delete", "one", "--yes"], environment: environment("x"))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).count, 1)
    _ = try CoachProcess.runInProcess(
      ["sessions", "delete", "two", "--yes"], environment: environment("x"))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
  }
}
