import Foundation
import XCTest

/// Mistakes on the command line are blamed on the right word, with the fix, and the exit status
/// says what kind of mistake it was: 64 for usage, 66 for a path that is not there.
final class CommandLineTests: XCTestCase {
  func run(_ arguments: [String]) throws -> CoachProcess.Result {
    try CoachProcess.run(arguments, in: URL(fileURLWithPath: "/tmp"))
  }

  func testADialogueNameThatIsNoPathSaysSoAndNamesTheBuiltIn() throws {
    let result = try run(["run", "tour"])
    XCTAssertEqual(result.status, 66, result.description)
    XCTAssertEqual(
      result.stderr,
      "coach: no dialogue at 'tour': no such file or folder; the tour of what a dialogue can do is 'coach tour'\n"
    )
    // And that is a command that works from anywhere, from the binary alone.
    let tour = try CoachProcess.run(["tour"], in: URL(fileURLWithPath: "/tmp"), stdin: "Tigers\n")
    XCTAssertTrue(tour.stdout.hasPrefix("A five-minute tour of coach"), tour.description)
    let other = try run(["run", "trust-first"])
    XCTAssertEqual(other.status, 66, other.description)
    XCTAssertTrue(
      other.stderr.hasSuffix("the built-in 'trust-first' is 'coach run Dialogues/trust-first'\n"),
      other.stderr)
  }

  func testAMisspeltOptionIsTheMistakeNotTheWordAfterIt() throws {
    let result = try run(["run", "--colour", "never"])
    XCTAssertEqual(result.status, 64, result.description)
    XCTAssertTrue(result.stderr.contains("Unknown option '--colour'"), result.stderr)
    XCTAssertTrue(result.stderr.contains("'--color'"), result.stderr)
    XCTAssertFalse(result.stderr.contains("never"), result.stderr)
  }

  func testACommandAfterOptionsIsToldToComeFirst() throws {
    let result = try run(["--color", "never", "export"])
    XCTAssertEqual(result.status, 64, result.description)
    XCTAssertTrue(
      result.stderr.hasPrefix("coach: 'export' is a command, so it must come first"),
      result.stderr)
    XCTAssertFalse(result.stderr.contains("unknown command"), result.stderr)
  }

  func testHelpForACommandThatDoesNotExist() throws {
    let result = try run(["help", "foo"])
    XCTAssertEqual(result.status, 64, result.description)
    XCTAssertTrue(result.stderr.hasPrefix("coach: unknown command 'foo'; the commands are run,"))
    XCTAssertEqual(result.stdout, "")
    let misspelt = try run(["help", "sesions"])
    XCTAssertEqual(misspelt.stderr, "coach: unknown command 'sesions'; did you mean 'sessions'?\n")
    XCTAssertEqual(try run(["help", "export"]).status, 0)
  }

  func testAMisspeltCommandIsSuggested() throws {
    let result = try run(["sesions"])
    XCTAssertEqual(result.status, 64, result.description)
    XCTAssertEqual(result.stderr, "coach: unknown command 'sesions'; did you mean 'sessions'?\n")
  }
}
