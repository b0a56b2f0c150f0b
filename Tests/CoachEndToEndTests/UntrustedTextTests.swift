import Foundation
import XCTest

/// Text from a dialogue file, a test file, a session log or a person reaches every output through
/// the one sanitiser: escape sequences, C1 controls, bidirectional and invisible characters are fed
/// to every command, and nothing of them comes out raw, on the terminal or in a file.
final class UntrustedTextTests: XCTestCase {
  /// Everything hostile at once, as YAML's double-quoted escapes: a window title (OSC 0), a
  /// cleared screen, an 8-bit CSI, a right-to-left override, an isolate, a zero-width space, an
  /// Arabic letter mark, a tag character and DEL.
  static let yamlPayload = #"\e]0;PWNED\a\e[2J\u009B31m\u202E\u2066\u200B\u061C\U000E0041\x7F"#
  /// The same, as the characters themselves (for answers and logs).
  static let payload =
    "\u{1B}]0;PWNED\u{7}\u{1B}[2J\u{9B}31m\u{202E}\u{2066}\u{200B}\u{61C}\u{E0041}\u{7F}"

  /// The commands that show a saved session: the listing and every export.
  static let commandsReadingTheLog = [
    ["sessions"], ["export", "hostile-session"],
    ["export", "hostile-session", "--format", "text"],
    ["export", "hostile-session", "--format", "json"],
    ["export", "hostile-session", "--format", "html"],
  ]

  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-untrusted-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("hostile/tests"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("broken"), withIntermediateDirectories: true)
    let p = Self.yamlPayload
    try """
    id: hostile
    title: "Title \(p) end"
    duration: 3
    sections:
      - id: one
        title: "Section \(p) one"
        budget: 3
        steps:
          - id: hello
            say: "Say \(p) hello"
            notes: "Notes \(p)"
          - id: name
            ask:
              type: text
              var: team
              prompt: "Prompt \(p) name?"
              help: "Help \(p) text"
              pattern_hint: "Hint \(p)"
          - id: pick
            ask:
              type: choice
              prompt: "Pick \(p) one"
              help: "Help \(p) pick"
              options:
                - value: a
                  label: "Label \(p) A"
                - value: b
                  label: "Label \(p) B"
          - id: done
            say: "Done {{team}} \(p)"
            final: true
    plan:
      file_name: hostile.md
      template: |
        # Plan
        Team: {{team}}
      calendar:
        date: today + 7
        summary: "Check in with {{team}} \(p)"
        description: "{{team}} {{team}} {{team}} {{team}}"

    """.write(
      to: root.appendingPathComponent("hostile/dialogue.yaml"), atomically: true, encoding: .utf8)
    try """
    cases:
      - name: "Case \(p) name"
        answers: ["Tigers", "1"]
        expect:
          values:
            team: "Expected \(p) value"
            pick: "Label \(p) X"
          plan_contains: ["Missing \(p) text"]

    """.write(
      to: root.appendingPathComponent("hostile/tests/case \(Self.payload).yaml"), atomically: true,
      encoding: .utf8)
    // Mistakes whose messages quote what the author wrote.
    try """
    id: "x\(p)"
    title: T
    duration: 1
    "key\(p)": 1
    sections:
      - id: "s\(p)"
        title: S
        budget: 1
        "other\(p)": 2
        steps:
          - id: "step\(p)"
            when: "n\(p) > 1"
            say: "Hi {{name\(p)}}"
            next:
              - goto: "nowhere\(p)"
          - id: ask
            ask:
              type: "kind\(p)"
              prompt: P

    """.write(
      to: root.appendingPathComponent("broken/dialogue.yaml"), atomically: true, encoding: .utf8)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  func environment(_ id: String = "hostile-session") -> [String: String] {
    [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "COACH_NOW": "2026-11-29T09:00:00Z", "COACH_SESSION_ID": id,
    ]
  }

  /// The characters that must never come out: controls but the line break, and the characters
  /// that reorder or hide text.
  static func raw(in text: String) -> [String] {
    text.unicodeScalars.filter { scalar in
      switch scalar.value {
      case 0x0A: false
      case 0x00...0x1F, 0x7F...0x9F: true
      case 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF,
        0xE0000...0xE007F:
        true
      default: false
      }
    }.map { String(format: "U+%04X", $0.value) }
  }

  func assertNothingRaw(
    _ result: CoachProcess.Result, _ what: String, file: StaticString = #filePath,
    line: UInt = #line
  ) {
    XCTAssertFalse(result.timedOut, what, file: file, line: line)
    XCTAssertLessThan(result.status, 100, "\(what): \(result)", file: file, line: line)
    XCTAssertEqual(
      Self.raw(in: result.stdout), [], "\(what), stdout: \(result.stdout.debugDescription)",
      file: file, line: line)
    XCTAssertEqual(
      Self.raw(in: result.stderr), [], "\(what), stderr: \(result.stderr.debugDescription)",
      file: file, line: line)
    XCTAssertFalse(
      result.stdout.contains("PWNED") || result.stderr.contains("PWNED"), what, file: file,
      line: line)
  }

  func coach(_ arguments: [String], stdin: String = "", id: String = "hostile-session") throws
    -> CoachProcess.Result
  {
    try CoachProcess.runInProcess(arguments, in: root, stdin: stdin, environment: environment(id))
  }

  // MARK: - Dialogue and test files

  func testCheckGraphAndTestShowHostileDialogueTextCleaned() throws {
    for format in ["text", "json"] {
      let broken = try coach(["check", "broken", "--format", format])
      XCTAssertEqual(broken.status, 65, broken.description)
      XCTAssertTrue(broken.stdout.contains("error"), broken.stdout)
      assertNothingRaw(broken, "check --format \(format) of a broken dialogue")
    }
    let clean = try coach(["check", "hostile"])
    XCTAssertEqual(clean.status, 0, clean.description)
    assertNothingRaw(clean, "check of a clean dialogue")
    for format in ["dot", "mermaid"] {
      let graph = try coach(["graph", "hostile", "--format", format])
      XCTAssertEqual(graph.status, 0, graph.description)
      XCTAssertTrue(graph.stdout.contains("Title  end"), graph.stdout)
      assertNothingRaw(graph, "graph --format \(format)")
      let file = root.appendingPathComponent("graph.\(format)")
      _ = try coach(["graph", "hostile", "--format", format, "-o", file.path])
      XCTAssertEqual(Self.raw(in: try String(contentsOf: file, encoding: .utf8)), [], format)
      try FileManager.default.removeItem(at: file)
    }
    let tests = try coach(["test", "hostile"])
    XCTAssertEqual(tests.status, 1, tests.description)
    XCTAssertTrue(tests.stdout.contains("FAILED  Case  name (hostile/tests/case"), tests.stdout)
    XCTAssertTrue(tests.stdout.contains("expected 'Expected  value'"), tests.stdout)
    assertNothingRaw(tests, "test")
  }

  /// The binary itself, where the failure and argument parser's messages are printed by `main`.
  func testMessagesPrintedByTheProgramItselfAreCleaned() throws {
    for arguments in [
      ["check", "broken"], ["check", "missing\(Self.payload)"], ["--plan-out\(Self.payload)"],
      ["export", "no\(Self.payload)"], ["run", "--color", Self.payload],
    ] {
      let result = try CoachProcess.run(arguments, in: root, environment: environment())
      assertNothingRaw(result, arguments.joined(separator: " "))
    }
  }

  // MARK: - A session

  func testASessionWithHostileDialogueTextAndAnswersShowsAndSavesNothingRaw() throws {
    let answers = [
      "Tig\(Self.payload)ers", "?", "/where", "/time", "/nope\(Self.payload)", "9\(Self.payload)",
      "Label \(Self.payload) A",
    ]
    let run = try coach(["run", "hostile"], stdin: answers.joined(separator: "\n") + "\n")
    XCTAssertEqual(run.status, 0, run.description)
    XCTAssertTrue(run.stdout.contains("Section  one"), run.stdout)
    XCTAssertTrue(run.stdout.contains("Help  pick"), run.stdout)
    XCTAssertTrue(run.stdout.contains("Done Tigers"), run.stdout)
    assertNothingRaw(run, "run")
    let plans = root.appendingPathComponent("data/coach/plans")
    for name in try FileManager.default.contentsOfDirectory(atPath: plans.path) {
      let text = try String(contentsOf: plans.appendingPathComponent(name), encoding: .utf8)
      XCTAssertEqual(
        Self.raw(in: text.replacingOccurrences(of: "\r\n", with: "\n")), [], "\(name): \(text)")
      if name.hasSuffix(".ics") {
        for line in text.components(separatedBy: "\r\n") {
          XCTAssertLessThanOrEqual(line.utf8.count, 75, line)
        }
      }
    }
    for arguments in Self.commandsReadingTheLog {
      assertNothingRaw(try coach(arguments), arguments.joined(separator: " "))
    }
    // The shared screen and the presenter view of a facilitated one.
    let room = try coach(
      ["run", "--facilitator", "hostile"], stdin: "Tig\(Self.payload)ers\n/park P\(Self.payload)\n",
      id: "room")
    assertNothingRaw(room, "run --facilitator")
    let notes = try coach(["notes", "room", "--once"], id: "room")
    XCTAssertTrue(notes.stdout.contains("PRESENTER VIEW"), notes.description)
    assertNothingRaw(notes, "notes")
  }

  /// A hand-edited log: hostile text in the header and in an answer is shown cleaned by every
  /// command that reads it.
  func testAHandEditedLogShowsNothingRaw() throws {
    _ = try coach(["run", "hostile"], stdin: "Tigers\n")
    let log = root.appendingPathComponent("data/coach/sessions/hostile-session.jsonl")
    let json = try JSONEncoder().encode(Self.payload)
    let escaped = String(decoding: json, as: UTF8.self).dropFirst().dropLast()
    let edited = try String(contentsOf: log, encoding: .utf8)
      .replacingOccurrences(of: "\"dialogue\":\"hostile\"", with: "\"dialogue\":\"d\(escaped)\"")
      .replacingOccurrences(of: "\"text\":\"Tigers\"", with: "\"text\":\"T\(escaped)\"")
    try edited.write(to: log, atomically: false, encoding: .utf8)
    for arguments in Self.commandsReadingTheLog {
      assertNothingRaw(try coach(arguments), arguments.joined(separator: " "))
    }
    let resumed = try coach(["resume", "hostile-session"], stdin: "1\n")
    assertNothingRaw(resumed, "resume")
  }

  // MARK: - Markdown

  /// Raw HTML and `javascript:` links typed as answers stay text in the plan and in the Markdown
  /// transcript (the HTML export escapes them too).
  func testRawHTMLAndLinksTypedAsAnswersStayTextInMarkdown() throws {
    let typed = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) <javascript:alert(2)>"
    let run = try coach(["run", "hostile"], stdin: "\(typed)\n1\n")
    XCTAssertEqual(run.status, 0, run.description)
    let plan = try String(
      contentsOf: root.appendingPathComponent("data/coach/plans/2026-11-29-hostile.md"),
      encoding: .utf8)
    let export = try coach(["export", "hostile-session", "--format", "markdown"])
    for (what, markdown) in [("plan", plan), ("transcript", export.stdout)] {
      for markup in ["<img", "<javascript:", "](javascript:", "[click]"] {
        // Markup that is not backslash-escaped: what a Markdown renderer would act on.
        XCTAssertNil(
          markdown.range(
            of: #"(?<!\\)"# + NSRegularExpression.escapedPattern(for: markup),
            options: .regularExpression), "\(what): \(markdown)")
      }
      XCTAssertTrue(markdown.contains(#"\<img src=x onerror=alert(1)\>"#), "\(what): \(markdown)")
    }
    // Rendered, the escapes read as what was typed.
    XCTAssertTrue(run.stdout.contains("Team: \(Self.markdownEscaped(typed))"), run.stdout)
  }

  static func markdownEscaped(_ text: String) -> String {
    text.map { "\\`*_{}[]<>#|".contains($0) ? "\\\($0)" : String($0) }.joined()
  }
}
