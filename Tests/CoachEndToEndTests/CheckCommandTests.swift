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

  func testTheValidFixtureHasNoFindings() throws {
    let result = try CoachProcess.run(
      ["check", "retro.yaml"], in: Self.fixtures.appendingPathComponent("valid"))
    XCTAssertEqual(result.status, 0, "\(result)")
    XCTAssertEqual(
      result.stdoutLines, ["retro.yaml: 0 errors, 0 warnings (2 sections, 5 steps, 2 questions)"])
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
