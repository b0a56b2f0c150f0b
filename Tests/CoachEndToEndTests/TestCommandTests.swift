import Foundation
import XCTest

/// `coach test` and the timing check of `coach check`, as a person runs them.
final class TestCommandTests: XCTestCase {
  static let packageRoot = CheckCommandTests.packageRoot

  static var authoring: URL {
    get throws { try CheckCommandTests.fixtures.appendingPathComponent("authoring") }
  }

  func testTheDefaultSessionsCasesPassWithFullCoverage() throws {
    let result = try CoachProcess.run(
      ["test", "Dialogues/trust-first", "--coverage"], in: Self.packageRoot)
    XCTAssertEqual(result.status, 0, "\(result)")
    XCTAssertEqual(result.stderr, "")
    let lines = result.stdoutLines
    XCTAssertFalse(lines.contains { $0.hasPrefix("FAILED") }, "\(result)")
    XCTAssertGreaterThanOrEqual(lines.filter { $0.hasPrefix("passed  ") }.count, 6)
    XCTAssertEqual(
      lines.last,
      "coverage: steps 75 of 75 (100 %), transitions 76 of 76 (100 %), 'when' steps also passed over 22 of 22 (100 %)"
    )
  }

  func testAWrongExpectationFailsWithItsFileLineAndTheDifference() throws {
    let fixture = try Self.authoring.appendingPathComponent("wrong-expectation.yaml").path
    let result = try CoachProcess.run(
      ["test", "Dialogues/trust-first", fixture], in: Self.packageRoot)
    XCTAssertEqual(result.status, 1, "\(result)")
    XCTAssertEqual(
      result.stdoutLines,
      [
        "FAILED  Stops after the baseline, expecting the wrong things (\(fixture):4)",
        "    \(fixture):13:9: baseline is '7', expected '8'",
        "    \(fixture):15:13: the dialogue did not finish: it is waiting at step 'baseline_why'",
        "Dialogues/trust-first: 1 case, 0 passed, 1 failed",
      ])
  }

  func testAMalformedCaseFileExits65WithEachMistakeAtItsPlace() throws {
    let dialogue = Self.packageRoot.appendingPathComponent("Dialogues/trust-first").path
    let run = try CoachProcess.run(
      ["test", dialogue, "malformed-case.yaml"], in: try Self.authoring)
    XCTAssertEqual(run.status, 65, "\(run)")
    XCTAssertEqual(run.stdout, "")
    XCTAssertEqual(
      run.stderr,
      """
      malformed-case.yaml:3:21: error: unknown command '/undo'; a case may use /back, /skip, /restart
      malformed-case.yaml:5:7: error: unknown key 'visted' in expect; did you mean 'visited'?
      coach: the test cases have mistakes; none was run

      """)
  }

  func testADialogueWithoutCasesExits66() throws {
    // The retro fixture keeps no tests/ folder next to it.
    let fixtures = Self.packageRoot.appendingPathComponent("Tests/CoachEndToEndTests/Fixtures")
    let result = try CoachProcess.run(["test", "valid/retro.yaml"], in: fixtures)
    XCTAssertEqual(result.status, 66, "\(result)")
    XCTAssertEqual(
      result.stderr, "coach: no test cases at 'valid/tests': no such file or folder\n")
  }

  func testCheckWarnsWhenTheExpectedPathOverruns() throws {
    let result = try CoachProcess.run(["check", "overrun.yaml"], in: try Self.authoring)
    XCTAssertEqual(result.status, 0, "\(result)")
    XCTAssertEqual(
      result.stdoutLines,
      [
        "overrun.yaml:6:1: warning: the expected path through the dialogue takes about 3.6 minutes, more than its duration of 2 (paths take 0.1–4 min (expected 3.6)); ask fewer questions on that path, give quicker steps a smaller 'estimate' (only where they really are quicker), or raise 'duration'",
        "overrun.yaml: 0 errors, 1 warning (1 section, 6 steps, 5 questions); paths take 0.1–4 min (expected 3.6)",
      ])
  }

  func testCheckGivesTheTimingAsJSON() throws {
    let result = try CoachProcess.run(
      ["check", "Dialogues/trust-first", "--format", "json"], in: Self.packageRoot)
    XCTAssertEqual(result.status, 0, "\(result)")
    struct Report: Decodable {
      struct Timing: Decodable {
        let shortest: Double
        let expected: Double
        let longest: Double
        let duration: Double
      }
      let timing: Timing
    }
    let timing = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8)).timing
    XCTAssertEqual(timing.duration, 20)
    XCTAssertLessThan(timing.shortest, timing.expected)
    XCTAssertLessThan(timing.expected, timing.longest)
    // One action, the default, fits the twenty minutes; three actions and every detour do not.
    XCTAssertLessThanOrEqual(timing.expected, 20)
    XCTAssertEqual(timing.shortest, 17.1, accuracy: 0.05)
    XCTAssertEqual(timing.longest, 40.8, accuracy: 0.05)
  }
}
