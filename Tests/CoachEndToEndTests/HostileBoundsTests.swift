import Foundation
import XCTest

/// Dialogues that passed `coach check` and then hung or crashed coach (issue 18): each is now
/// either refused by `check` with its reason, or runs. The hostile files are in
/// `Fixtures/hostile`; the largest are written by the tests. A run that hangs is killed at the
/// timeout and fails the test; no test measures time.
final class HostileBoundsTests: XCTestCase {
  static var hostile: URL {
    get throws {
      try CheckCommandTests.fixtures.appendingPathComponent("hostile")
    }
  }

  /// `coach check` on a hostile fixture: its one finding, and exit 65.
  func assertRefused(
    _ fixture: String, _ finding: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let result = try CoachProcess.run(["check", fixture], in: Self.hostile, timeout: 60)
    XCTAssertFalse(result.timedOut, "\(fixture) hung", file: file, line: line)
    XCTAssertEqual(result.status, 65, "\(result)", file: file, line: line)
    XCTAssertEqual(result.stdoutLines.first, finding, "\(result)", file: file, line: line)
    // `run` refuses it the same way, before asking anything.
    let run = try CoachProcess.run(["run", fixture], in: Self.hostile, timeout: 60)
    XCTAssertEqual(run.status, 65, "\(run)", file: file, line: line)
    XCTAssertTrue(run.stderr.contains(finding), "\(run)", file: file, line: line)
  }

  /// A fresh folder for a test's files, removed when the test ends.
  func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
  }

  /// A one-minute dialogue of one section with these steps (as under `steps:`, unindented), then
  /// `rest` (top-level keys), written to `file`.
  func writeDialogue(_ file: URL, steps: String, rest: String) throws {
    let indented = steps.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n")
    try """
    id: hostile
    title: Hostile
    duration: 1
    sections:
      - id: s
        title: S
        budget: 1
        steps:
    \(indented)
    \(rest)
    """.write(to: file, atomically: true, encoding: .utf8)
  }

  // MARK: - Patterns

  /// `(a|a)*b`, `(a|aa)*c`, `(a+){20}b`, `[a-z]*` six times, `.*` seven times: a 22-character
  /// answer took 2.1 s, each more character doubled it. Now 40-character answers are answered
  /// at once, and the session goes on.
  func testCatastrophicPatternsRefuseNearMissesAtOnce() throws {
    let check = try CoachProcess.run(
      ["check", "catastrophic-patterns.yaml"], in: Self.hostile, timeout: 60)
    XCTAssertEqual(check.status, 0, "\(check)")
    let nearMiss = String(repeating: "a", count: 40) + "!"
    let letters = String(repeating: "abcdefghijklmnopqrstuvwxyz", count: 2) + "!"
    let answers = [
      nearMiss, "aab", nearMiss, "aac", nearMiss, String(repeating: "a", count: 20) + "b",
      letters, "abc1", letters, "x1",
    ]
    let run = try CoachProcess.run(
      ["run", "catastrophic-patterns.yaml"], in: Self.hostile,
      stdin: answers.joined(separator: "\n") + "\n", timeout: 60)
    XCTAssertFalse(run.timedOut, "a near miss hung the session: \(run)")
    XCTAssertEqual(run.status, 0, "\(run)")
    for hint in [
      "a's then b", "a's then c", "at least twenty a's then b", "letters then 1",
      "something ending in 1",
    ] {
      XCTAssertTrue(run.stdout.contains("Sorry, expected \(hint)."), "\(hint): \(run)")
    }
    XCTAssertTrue(
      run.stdout.contains("Done: aab aac aaaaaaaaaaaaaaaaaaaab abc1 x1."), "\(run)")
  }

  /// As a default, `(a|a)*b` kept `coach check` busy past 60 s.
  func testACatastrophicDefaultIsFoundNotToFit() throws {
    try assertRefused(
      "catastrophic-default.yaml",
      "catastrophic-default.yaml:15:20: error: the default 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' does not fit this question: that does not have the expected form"
    )
  }

  // MARK: - Templates

  /// 3,000 nested sections crashed `check` and `run` with a stack overflow (exit 139).
  func testDeeplyNestedSectionsAreRefusedNotCrashed() throws {
    try assertRefused(
      "deep-sections.yaml",
      "deep-sections.yaml:15:135: error: {{#…}} and {{^…}} sections nest more than 20 deep here; close some before opening more"
    )
  }

  /// `{{.}}` printed every answer and the facilitator's notes.
  func testTheWholeContextIsRefused() throws {
    try assertRefused(
      "whole-context.yaml",
      "whole-context.yaml:16:35: error: {{.}} is not supported: it would show every answer and the notes; name the value to show, like {{focus}}"
    )
  }

  func testPartialsAreRefused() throws {
    try assertRefused(
      "partial.yaml",
      "partial.yaml:11:15: error: partials ({{> name}}) are not supported: write the text here (the plan may come from a template_file)"
    )
  }

  /// A 1.8 MB plan of `{{today}}` took 76 s to check (quadratic); it is checked in one pass, and
  /// a session with it ends with the plan.
  func testAMegabytePlanOfPlaceholdersIsCheckedAndRun() throws {
    let folder = try temporaryFolder()
    try writeDialogue(
      folder.appendingPathComponent("dialogue.yaml"),
      steps: "- id: end\n  say: Done.\n  final: true",
      rest: "plan:\n  template_file: plan.md.mustache")
    try String(repeating: "{{today}}", count: 200_000).write(
      to: folder.appendingPathComponent("plan.md.mustache"), atomically: true, encoding: .utf8)
    let check = try CoachProcess.run(["check", "."], in: folder, timeout: 120)
    XCTAssertFalse(check.timedOut, "checking hung")
    XCTAssertEqual(check.status, 0, "\(check)")
    let plan = folder.appendingPathComponent("plan.md")
    let run = try CoachProcess.run(
      ["run", ".", "--plan-out", plan.path], in: folder,
      environment: ["COACH_NOW": "2026-11-29T09:00:00Z"], timeout: 120)
    XCTAssertEqual(run.status, 0, "\(run.stderr)")
    let written = try String(contentsOf: plan, encoding: .utf8)
    XCTAssertEqual(written.utf8.count, 200_000 * 10 + 1)
    XCTAssertTrue(written.hasPrefix("2026-11-292026-11-29"))
  }

  // MARK: - Expressions

  /// `c1: repeat(c0,1000)`, `c2: repeat(c1,1000)`… passed `check`, then `run` and `test`
  /// aborted allocating 10 GB.
  func testARepeatChainIsRefused() throws {
    try assertRefused(
      "repeat-chain.yaml",
      "repeat-chain.yaml:19:7: error: this could give a text of 2000000 characters; a value may have at most 100000"
    )
  }

  /// When only the plan blew up, the session was saved first, and afterwards `coach sessions`
  /// and `coach resume` crashed every time. Here the dialogue is edited into the chain after the
  /// session began: it is listed, resuming with the edit is refused with the finding, and with
  /// the dialogue the session saved it ends. (The engine's own limit, for a dialogue no check
  /// stopped, is tested in ValueBoundsTests.)
  func testASavedSessionOfADialogueThatBlowsUpStillOpens() throws {
    let folder = try temporaryFolder()
    let data = folder.appendingPathComponent("data").path
    let dialogue = folder.appendingPathComponent("chain.yaml")
    func write(times: Int) throws {
      try writeDialogue(
        dialogue,
        steps: """
          - id: name
            ask: { type: text, prompt: Your name? }
          - id: mood
            ask: { type: scale, prompt: Mood?, min: 1, max: 5 }
          - id: end
            say: Done.
            final: true
          """,
        rest: """
          computed:
            c1: repeat(name, \(times))
            c2: repeat(c1, \(times))
            c3: repeat(c2, \(times))
          plan:
            template: "{{c3}}"
          """)
    }
    try write(times: 2)
    let started = try CoachProcess.run(
      ["run", "chain.yaml"], in: folder, stdin: "Sam\n", environment: ["XDG_DATA_HOME": data])
    XCTAssertEqual(started.status, 65, "stopped at the unanswered question: \(started)")
    try write(times: 1000)
    let listed = try CoachProcess.run(
      ["sessions"], in: folder, environment: ["XDG_DATA_HOME": data])
    XCTAssertEqual(listed.status, 0, "\(listed)")
    XCTAssertTrue(listed.stdout.contains("test-session"), "\(listed)")
    // Resuming with the edited dialogue is refused with its finding; with the dialogue as the
    // session saved it, the session ends with its plan.
    let refused = try CoachProcess.run(
      ["resume", "test-session"], in: folder, stdin: "3\n", environment: ["XDG_DATA_HOME": data],
      timeout: 60)
    XCTAssertEqual(refused.status, 65, "\(refused)")
    XCTAssertTrue(
      refused.stderr.contains(
        "chain.yaml:17:7: error: this could give a text of 2000000 characters"), "\(refused)")
    let plan = folder.appendingPathComponent("plan.md")
    let resumed = try CoachProcess.run(
      ["resume", "test-session", "--dialogue", "saved", "--plan-out", plan.path], in: folder,
      stdin: "3\n", environment: ["XDG_DATA_HOME": data], timeout: 60)
    XCTAssertFalse(resumed.timedOut)
    XCTAssertEqual(resumed.status, 0, "\(resumed)")
    XCTAssertEqual(
      try String(contentsOf: plan, encoding: .utf8), String(repeating: "Sam", count: 8) + "\n")
  }

  func testAPlanFileNameWithAFolderIsRefused() throws {
    try assertRefused(
      "file-name-slash.yaml",
      "file-name-slash.yaml:19:14: error: file_name is the name of one file, without folders ('/'); the plan goes to the plans folder, or where --plan-out says"
    )
  }

  /// `default: =current + 2` offered 11 on a 1–10 scale, and Enter stored it.
  func testADefaultOutsideItsScaleIsRefused() throws {
    try assertRefused(
      "default-out-of-range.yaml",
      "default-out-of-range.yaml:22:21: error: this default can be as much as 12, more than the scale's highest (10); keep it from 1 to 10, e.g. min(…, 10)"
    )
  }
}
