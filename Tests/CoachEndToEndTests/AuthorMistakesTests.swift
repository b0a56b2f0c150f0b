import Foundation
import XCTest

/// A corpus of single mistakes authors really make (`Fixtures/mistakes`, one per file, each a
/// near-copy of one small GROW dialogue with functions and a flow): `coach check` must pinpoint
/// each at its file:line:col with what to do, and report nothing else (no follow-on errors).
/// Each file says what it expects in its `# Expect:` lines.
final class AuthorMistakesTests: XCTestCase {
  func testEveryMistakeIsPinpointedWithWhatToDoAndNothingElse() throws {
    let folder = try CheckCommandTests.fixtures.appendingPathComponent("mistakes")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".yaml") }.sorted()
    XCTAssertGreaterThanOrEqual(names.count, 30)
    for name in names {
      let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
      let expected = text.split(separator: "\n").filter { $0.hasPrefix("# Expect: ") }
        .map { String($0.dropFirst("# Expect: ".count)) }
      XCTAssertFalse(expected.isEmpty, "\(name) says what it expects")
      let result = try CoachProcess.run(["check", name], in: folder)
      XCTAssertEqual(result.status, 65, "\(name): \(result)")
      XCTAssertEqual(Array(result.stdoutLines.dropLast()), expected, name)
      for line in expected {
        // A place in the file, and a message that goes on past what is wrong.
        XCTAssertTrue(line.hasPrefix("\(name):"), line)
        XCTAssertGreaterThan(line.split(separator: ":").count, 4, line)
      }
    }
  }
}
