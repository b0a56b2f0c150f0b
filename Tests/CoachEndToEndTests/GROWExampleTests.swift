import Foundation
import XCTest

/// A 40-step GROW session written from docs/ alone (`Fixtures/examples/grow`), kept as a check
/// that the reference suffices: it must pass `coach check` without a finding and its cases must
/// pass `coach test` with full coverage.
final class GROWExampleTests: XCTestCase {
  func testTheGROWSessionWrittenFromTheDocsChecksAndPassesItsTests() throws {
    let folder = try CheckCommandTests.fixtures.appendingPathComponent("examples/grow")
    let check = try CoachProcess.run(["check", "."], in: folder)
    XCTAssertEqual(check.status, 0, "\(check)")
    XCTAssertTrue(check.stdout.hasPrefix(".: 0 errors, 0 warnings (6 sections, 40 steps"), check.stdout)
    let test = try CoachProcess.run(["test", ".", "--coverage"], in: folder)
    XCTAssertEqual(test.status, 0, "\(test)")
    XCTAssertTrue(
      test.stdout.contains(
        "coverage: steps 34 of 34 (100 %), transitions 35 of 35 (100 %), 'when' steps also passed over 5 of 5 (100 %)"
      ), test.stdout)
  }
}
