import Foundation
import XCTest

/// Golden transcripts: scripted answers piped into `coach run` (in process; one script also
/// through the binary), the whole conversation compared with the recorded one. Each `NAME.in` under `Fixtures/transcripts` has `NAME.out` (standard
/// output), `NAME.err` (standard error) and `NAME.status` (exit status) beside it.
///
/// After an intended change of wording, record them again with
/// `COACH_UPDATE_GOLDEN=1 swift test --filter TranscriptTests` and review the diff.
final class TranscriptTests: XCTestCase {
  static let recorded = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/transcripts")

  func testEveryScriptGivesItsRecordedTranscript() throws {
    let scripts = try FileManager.default.contentsOfDirectory(atPath: Self.recorded.path)
      .filter { $0.hasSuffix(".in") }.sorted()
    XCTAssertGreaterThanOrEqual(scripts.count, 6)
    let update = ProcessInfo.processInfo.environment["COACH_UPDATE_GOLDEN"] == "1"
    for script in scripts {
      let name = String(script.dropLast(3))
      let input = try String(
        contentsOf: Self.recorded.appendingPathComponent(script), encoding: .utf8)
      let result = try CoachProcess.runInProcess(
        ["run", "every-type.yaml"], in: Self.recorded, stdin: input)
      XCTAssertFalse(result.timedOut, name)
      let expected = [
        ("out", result.stdout), ("err", result.stderr), ("status", "\(result.status)\n"),
      ]
      for (suffix, actual) in expected {
        let file = Self.recorded.appendingPathComponent("\(name).\(suffix)")
        if update {
          try actual.write(to: file, atomically: true, encoding: .utf8)
          continue
        }
        let recorded = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(actual, recorded, "\(name).\(suffix) differs; see the diff above")
      }
    }
  }

  func testPipedOutputHasNoEscapeSequences() throws {
    let input = try String(
      contentsOf: Self.recorded.appendingPathComponent("06-escapes.in"), encoding: .utf8)
    XCTAssertTrue(input.contains("\u{1B}[2J"), "the script types an escape sequence")
    let result = try CoachProcess.run(["run", "every-type.yaml"], in: Self.recorded, stdin: input)
    XCTAssertFalse(result.stdout.contains("\u{1B}"))
    XCTAssertFalse(result.stdout.contains("\u{07}"))
  }

  func testTheNotesOfAStepNeverShowInAPlainRun() throws {
    let out = try String(
      contentsOf: Self.recorded.appendingPathComponent("01-answers.out"), encoding: .utf8)
    XCTAssertFalse(out.contains("Never shown"))
    XCTAssertTrue(out.contains("The session is complete."))
  }
}
