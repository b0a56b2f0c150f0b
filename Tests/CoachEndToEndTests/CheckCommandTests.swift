import Foundation
import XCTest

/// `coach check` as a person runs it: the built binary, on real files, checked for its exact
/// output and exit status.
final class CheckCommandTests: XCTestCase {
  /// The copied `Fixtures` folder: `broken/` holds one mistake per file or folder, `valid/` the
  /// tiny dialogue they are near-copies of.
  static var fixtures: URL {
    get throws {
      try XCTUnwrap(
        Bundle.module.url(forResource: "Fixtures", withExtension: nil),
        "Fixtures are not in the test bundle")
    }
  }

  /// The package's root folder, for the examples under `Dialogues/`.
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Each broken fixture, run as `coach check FIXTURE` in `Fixtures/broken`, and the exact
  /// findings it must print before the summary. One mistake each, so one finding each.
  static let broken: [(fixture: String, findings: [String])] = [
    (
      "budgets-dont-add-up.yaml",
      [
        "budgets-dont-add-up.yaml:5:1: error: the section budgets add up to 5 minutes (1 + 4), but the duration is 4; change a budget or the duration so that they match"
      ]
    ),
    (
      "computed-cycle.yaml",
      ["computed-cycle.yaml:43:3: error: 'score' depends on itself: score → bonus → score"]
    ),
    (
      "condition-not-bool.yaml",
      [
        "condition-not-bool.yaml:22:17: error: a condition should be true or false, but this gives a number"
      ]
    ),
    (
      "default-does-not-fit.yaml",
      [
        "default-does-not-fit.yaml:38:20: error: the default '12' does not fit this question: 12 is more than 5; enter a whole number from 1 to 5"
      ]
    ),
    (
      "duplicate-option.yaml",
      [
        "duplicate-option.yaml:41:15: error: the option value 'good' is used twice (first at line 37)"
      ]
    ),
    (
      "duplicate-section-id.yaml",
      [
        "duplicate-section-id.yaml:28:5: error: a section with id 'opening' already exists at duplicate-section-id.yaml:9"
      ]
    ),
    (
      "duplicate-step-id.yaml",
      [
        "duplicate-step-id.yaml:38:9: error: a step with id 'hello' already exists at duplicate-step-id.yaml:13; give one of them another id"
      ]
    ),
    (
      "duplicate-variable.yaml",
      [
        "duplicate-variable.yaml:34:11: error: the variable 'team_size' is already set by step 'team_size' at duplicate-variable.yaml:17; give this question its own 'var'"
      ]
    ),
    (
      "expression-syntax.yaml",
      ["expression-syntax.yaml:22:34: error: expected a value after 'and'"]
    ),
    (
      "expression-type.yaml",
      [
        "expression-type.yaml:22:27: error: '+' needs two numbers, two texts, or a date (or day and time) and a number; got a number and text"
      ]
    ),
    (
      "invalid-pattern.yaml",
      ["invalid-pattern.yaml:30:27: error: pattern: '(' is never closed with ')'"]
    ),
    (
      "last-step-not-final.yaml",
      [
        "last-step-not-final.yaml:38:9: error: step 'done' is the last step but is not final; add 'final: true' or a 'next'"
      ]
    ),
    (
      "loop-without-exit.yaml",
      [
        "loop-without-exit.yaml:25:9: error: from step 'big' the session can never reach a final step; every path from here loops or stops"
      ]
    ),
    (
      "missing-include",
      [
        "missing-include/dialogue.yaml:9:5: error: cannot include 'feelings.yml': no such file next to missing-include/dialogue.yaml; did you mean 'feelings.yaml'?"
      ]
    ),
    (
      "missing-prompt.yaml",
      [
        "missing-prompt.yaml:34:11: error: this question needs 'prompt': the question as the person reads it"
      ]
    ),
    ("missing-step-id.yaml", ["missing-step-id.yaml:21:9: error: this step needs an 'id'"]),
    (
      "mistake-in-included-file",
      [
        "mistake-in-included-file/feelings.yaml:13:15: error: no step has the id 'dne'; did you mean 'done'?"
      ]
    ),
    (
      "next-without-fallback.yaml",
      [
        "next-without-fallback.yaml:24:17: error: step 'team_size' has no way forward when no condition holds; end 'next' with a '- goto: …' that has no 'if'"
      ]
    ),
    (
      "read-before-set-condition.yaml",
      [
        "read-before-set-condition.yaml:22:35: error: 'mood' is not set yet here: no path reaches step 'team_size' after asking step 'mood'"
      ]
    ),
    (
      "read-before-set-say.yaml",
      [
        "read-before-set-say.yaml:42:34: error: 'timebox' may not be set yet here: some paths reach step 'done' without asking step 'big'"
      ]
    ),
    (
      "scale-max-not-above-min.yaml",
      ["scale-max-not-above-min.yaml:37:16: error: max (5) should be more than min (5)"]
    ),
    (
      "silent-loop.yaml",
      [
        "silent-loop.yaml:25:9: error: step 'big' is on a loop of steps that ask nothing; the session would never stop talking"
      ]
    ),
    (
      "unclosed-section.yaml",
      [
        "unclosed-section.yaml:26:19: error: malformed {{placeholder}}: {{#team_size}} is never closed with {{/team_size}}"
      ]
    ),
    (
      "unknown-function.yaml",
      ["unknown-function.yaml:22:17: error: unknown function 'mx'; did you mean 'max'?"]
    ),
    (
      "unknown-goto.yaml",
      ["unknown-goto.yaml:24:19: error: no step has the id 'mod'; did you mean 'mood'?"]
    ),
    (
      "unknown-name-in-text.yaml",
      [
        "unknown-name-in-text.yaml:26:19: error: unknown name 'team_sise'; did you mean 'team_size'?"
      ]
    ),
    (
      "unknown-question-key.yaml",
      [
        "unknown-question-key.yaml:21:11: error: a number question has no 'options'; only choice and multi questions do"
      ]
    ),
    (
      "unknown-question-type.yaml",
      [
        "unknown-question-type.yaml:17:17: error: unknown question type 'nubmer'; did you mean 'number'?"
      ]
    ),
    (
      "unknown-start.yaml",
      ["unknown-start.yaml:6:8: error: start: no step has the id 'helo'; did you mean 'hello'?"]
    ),
    (
      "unknown-step-key.yaml",
      ["unknown-step-key.yaml:15:9: error: unknown key 'note' in a step; did you mean 'notes'?"]
    ),
    (
      "unknown-top-level-key.yaml",
      [
        "unknown-top-level-key.yaml:4:1: error: unknown key 'titel' in the dialogue; did you mean 'title'?"
      ]
    ),
    (
      "unreachable-step.yaml",
      [
        "unreachable-step.yaml:25:9: error: step 'warm_up' can never be reached: no step leads to it; add a 'goto: warm_up' or remove it"
      ]
    ),
    (
      "wrong-value-type.yaml",
      ["wrong-value-type.yaml:30:13: error: budget (minutes) should be a number, not 'three'"]
    ),
    (
      "yaml-syntax.yaml",
      [
        "yaml-syntax.yaml:4:19: error: YAML reads this ': ' as the start of a key and value, which cannot stand here; if the text holds ': ', put the whole text in quotes"
      ]
    ),
    // A place inside a text or an expression, on whatever line of the value it is.
    (
      "name-inside-block-text.yaml",
      [
        "name-inside-block-text.yaml:29:16: error: unknown name 'team_sise'; did you mean 'team_size'?"
      ]
    ),
    (
      "name-inside-folded-text.yaml",
      [
        "name-inside-folded-text.yaml:29:18: error: unknown name 'team_sise'; did you mean 'team_size'?"
      ]
    ),
    (
      "name-in-text-over-lines.yaml",
      [
        "name-in-text-over-lines.yaml:27:15: error: unknown name 'team_sise'; did you mean 'team_size'?"
      ]
    ),
    (
      "name-in-quoted-text-with-escapes.yaml",
      [
        "name-in-quoted-text-with-escapes.yaml:26:40: error: unknown name 'team_sise'; did you mean 'team_size'?"
      ]
    ),
    (
      "expression-over-lines.yaml",
      ["expression-over-lines.yaml:23:19: error: unknown name 'moood'; did you mean 'mood'?"]
    ),
    // Indentation mistakes, in words that say what to line up with.
    (
      "indentation-key-too-deep.yaml",
      [
        "indentation-key-too-deep.yaml:16:10: error: line 16 starts at column 10, right of 'id' on line 15 (column 9), so YAML reads it as more of the value of 'id'; to make it a key of its own, start it at column 9 like 'id'; if it is text that holds ': ', put the text in quotes"
      ]
    ),
    (
      "indentation-between-levels.yaml",
      [
        "indentation-between-levels.yaml:21:8: error: line 21 starts at column 8, which lines up with neither 'ask' on line 16 (column 9) nor the '- ' items of the list on line 13 (column 7); line it up with the one it belongs with"
      ]
    ),
    (
      "indentation-list-item.yaml",
      [
        "indentation-list-item.yaml:24:12: error: line 24 starts at column 12, which lines up with neither 'goto' on line 23 (column 13) nor the '- ' items of the list on line 22 (column 11); line it up with the one it belongs with"
      ]
    ),
    // Escape sequences written in a dialogue never reach the terminal (they would retitle it).
    (
      "escape-sequence-in-id.yaml",
      [
        "escape-sequence-in-id.yaml:23:19: error: no step has the id 'big'",
        "escape-sequence-in-id.yaml:25:13: error: the step's id 'big' (which holds control characters) should be a name made of letters, digits, '_' and '-', starting with a letter",
      ]
    ),
    (
      "escape-sequence-in-key.yaml",
      [
        "escape-sequence-in-key.yaml:26:9: error: unknown key 'colour' (which holds control characters) in a step; expected one of: id, when, say, ask, notes, next, final, estimate, likely, call, with, return"
      ]
    ),
  ]

  func testEachBrokenFixturePrintsItsFindingsAndExits65() throws {
    let folder = try Self.fixtures.appendingPathComponent("broken")
    for (fixture, expected) in Self.broken {
      let result = try CoachProcess.run(["check", fixture], in: folder)
      XCTAssertFalse(result.timedOut, fixture)
      XCTAssertEqual(result.status, 65, "\(fixture): \(result)")
      XCTAssertEqual(Array(result.stdoutLines.dropLast()), expected, fixture)
      let summary =
        "\(fixture): \(expected.count) error\(expected.count == 1 ? "" : "s"), 0 warnings"
      XCTAssertTrue(result.stdoutLines.last?.hasPrefix(summary) == true, "\(fixture): \(result)")
      XCTAssertEqual(result.stderr, "", fixture)
      let controls = result.stdout.unicodeScalars.filter {
        ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value)
      }
      XCTAssertEqual(
        controls.map(\.value), [], "\(fixture): a control character reached the output")
    }
  }

  func testEveryBrokenFixtureIsInTheTable() throws {
    let folder = try Self.fixtures.appendingPathComponent("broken")
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    XCTAssertEqual(onDisk, Self.broken.map(\.fixture).sorted())
    XCTAssertGreaterThanOrEqual(onDisk.count, 24)
  }

  func testTheValidFixtureHasNoFindings() throws {
    let result = try CoachProcess.run(
      ["check", "retro.yaml"], in: Self.fixtures.appendingPathComponent("valid"))
    XCTAssertEqual(result.status, 0, "\(result)")
    XCTAssertEqual(
      result.stdoutLines,
      [
        "retro.yaml: 0 errors, 0 warnings (2 sections, 5 steps, 2 questions); paths take 0.3–0.3 min (expected 0.3)"
      ])
    XCTAssertEqual(result.stderr, "")
  }

  func testTheTourExamplePrintsOnlyASummary() throws {
    let result = try CoachProcess.run(["check", "Dialogues/examples/tour"], in: Self.packageRoot)
    XCTAssertEqual(result.status, 0, "\(result)")
    XCTAssertEqual(result.stdoutLines.count, 1, "\(result)")
    XCTAssertTrue(
      result.stdout.hasPrefix("Dialogues/examples/tour: 0 errors, 0 warnings ("), "\(result)")
    XCTAssertEqual(result.stderr, "")
  }

  func testAMissingPathExits66WithAMessageOnStandardError() throws {
    let result = try CoachProcess.run(["check", "no/such/dialogue.yaml"], in: Self.fixtures)
    XCTAssertEqual(result.status, 66, "\(result)")
    XCTAssertEqual(result.stdout, "")
    XCTAssertEqual(
      result.stderr, "coach: no dialogue at 'no/such/dialogue.yaml': no such file or folder\n")
  }

  func testAFolderWithoutDialogueYAMLExits66() throws {
    let result = try CoachProcess.run(["check", "."], in: Self.fixtures)
    XCTAssertEqual(result.status, 66, "\(result)")
    XCTAssertEqual(result.stderr, "coach: no dialogue at 'dialogue.yaml': no such file or folder\n")
  }

  func testJSONFormatGivesEveryFindingWithItsPlace() throws {
    let result = try CoachProcess.run(
      ["check", "unknown-goto.yaml", "--format", "json"],
      in: Self.fixtures.appendingPathComponent("broken"))
    XCTAssertEqual(result.status, 65, "\(result)")
    struct Report: Decodable {
      struct Finding: Decodable {
        let file: String
        let line: Int
        let column: Int
        let severity: String
        let message: String
      }
      let path: String
      let errors: Int
      let warnings: Int
      let findings: [Finding]
    }
    let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
    XCTAssertEqual(report.path, "unknown-goto.yaml")
    XCTAssertEqual(report.errors, 1)
    XCTAssertEqual(report.warnings, 0)
    let finding = try XCTUnwrap(report.findings.first)
    XCTAssertEqual(report.findings.count, 1)
    XCTAssertEqual(finding.file, "unknown-goto.yaml")
    XCTAssertEqual(finding.line, 24)
    XCTAssertEqual(finding.column, 19)
    XCTAssertEqual(finding.severity, "error")
    XCTAssertEqual(finding.message, "no step has the id 'mod'; did you mean 'mood'?")
  }

  func testJSONFormatOfACleanDialogueHasNoFindings() throws {
    let result = try CoachProcess.run(
      ["check", "retro.yaml", "--format", "json"], in: Self.fixtures.appendingPathComponent("valid")
    )
    XCTAssertEqual(result.status, 0, "\(result)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    XCTAssertEqual(object?["errors"] as? Int, 0)
    XCTAssertEqual((object?["findings"] as? [Any])?.count, 0)
  }
}
