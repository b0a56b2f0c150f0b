import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Facilitator mode at a terminal: the shared screen in one pseudo-terminal, the presenter view
/// (`coach notes`) in another, both on the same saved session. The clock is fixed with
/// COACH_NOW, so nothing depends on timing; every wait has a deadline.
final class FacilitatorPTYTests: XCTestCase {
  private var home: URL!

  override func setUpWithError() throws {
    home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-facilitator-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: home)
  }

  private var environment: [String: String] {
    [
      "PATH": "/usr/bin:/bin", "HOME": home.path, "TERM": "xterm", "LANG": "C.UTF-8",
      "NO_COLOR": "1", "XDG_STATE_HOME": home.appendingPathComponent("state").path,
      "XDG_DATA_HOME": home.appendingPathComponent("data").path,
      "COACH_NOW": "2026-11-29T09:00:00Z", "COACH_SESSION_ID": "facilitated",
    ]
  }

  private func fixture(_ name: String) throws -> String {
    let fixtures = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return fixtures.appendingPathComponent(name).path
  }

  private func sharedScreen(participants: String = "Ana,Ben,Chen") throws -> PseudoTerminal {
    try PseudoTerminal(
      arguments: ["run", "--facilitator", "--participants", participants, try fixture("team")],
      environment: environment, columns: 100)
  }

  private func presenter(_ arguments: [String] = []) throws -> PseudoTerminal {
    try PseudoTerminal(arguments: ["notes"] + arguments, environment: environment, columns: 100)
  }

  /// Waits for `text`, then for the prompt after it, then types `keys`.
  private func type(
    _ keys: String, after text: String, on pty: PseudoTerminal, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    try pty.waitFor(text, file: file, line: line)
    try pty.waitFor("> ", file: file, line: line)
    pty.send(keys + "\r")
  }

  private func exitCode(_ status: Int32) -> Int32? {
    status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
  }

  func testThreeRatingsShowTheSpreadTwoShowNothingAndNoNoteEverReachesTheScreen() throws {
    let pty = try sharedScreen()
    try type("4", after: "Rating from Ana (1 of 3)", on: pty)
    try type("3", after: "Rating from Ben (2 of 3)", on: pty)
    try type("5", after: "Rating from Chen (3 of 3)", on: pty)
    try type("5", after: "The leader's own rating:", on: pty)
    // The next step's screen keeps the team's result in view.
    try pty.waitFor("Talk · section 2 of 3")
    let result = try pty.waitFor("Rating from Ana (1 of 3)")
    XCTAssertTrue(result.contains("Team ratings: 3 responses"), result)
    XCTAssertTrue(result.contains("median 4 · lowest–highest 3–5 · 67 % favourable"), result)
    XCTAssertTrue(result.contains("3 | ████████████████████ 1"), result)
    XCTAssertTrue(result.contains("The leader's own rating: 5."), result)
    XCTAssertTrue(result.contains("Blind spot?"), result)
    XCTAssertFalse(result.contains("Split"), "a range of 2 is no split")

    // Two ratings, typed at once: nothing of them is shown.
    try pty.waitFor("> ")
    pty.send("1 4\r")
    try type("5", after: "The leader's own rating:", on: pty)
    try pty.waitFor("Action · section 3 of 3")
    let hidden = try pty.waitFor("What is one thing we will do differently?")
    XCTAssertTrue(hidden.contains("fewer than 3 responses, so the results stay hidden"), hidden)
    for figure in ["median", "lowest", "favourable", "█", "Split", "Blind spot"] {
      XCTAssertFalse(hidden.contains(figure), "\(figure) in \(hidden.debugDescription)")
    }
    try pty.waitFor("> ")
    pty.send("Talk weekly\r")
    try pty.waitFor("The session is complete.")
    XCTAssertEqual(exitCode(try pty.waitForExit()), 0)

    XCTAssertTrue(pty.text.contains("\u{1B}[2J"), "the screen is cleared for each step")
    XCTAssertFalse(pty.text.contains("SECRET-NOTE"), "facilitator notes on the shared screen")
    XCTAssertFalse(pty.text.contains("[notes]"))
  }

  func testThePresenterViewAttachesFollowsTwoStepsDetachesAndAttachesAgain() throws {
    let shared = try sharedScreen()
    // Started before the session has saved anything: it waits for it.
    var notes = try presenter()
    try notes.waitFor("Waiting for a session run with 'coach run --facilitator'")
    try type("4", after: "Rating from Ana (1 of 3)", on: shared)
    try notes.waitFor("Waiting for: Ben (2 of 3)")
    try notes.waitFor("SECRET-NOTE-safety")
    try notes.waitFor("safety: Ana 4")

    // Step one: the rest of the round, and the leader's own.
    try type("3", after: "Rating from Ben (2 of 3)", on: shared)
    try type("5", after: "Rating from Chen (3 of 3)", on: shared)
    try type("4", after: "The leader's own rating:", on: shared)
    try notes.waitFor("Now (step 'news'")
    try notes.waitFor("SECRET-NOTE-news")
    // Step two.
    try type("2 3 4", after: "Rating from Ana (1 of 3)", on: shared)
    try type("3", after: "The leader's own rating:", on: shared)
    try notes.waitFor("Now (step 'action'")
    try notes.waitFor("SECRET-NOTE-action")

    // Detach; the session goes on; attach again.
    notes.send("\u{3}")
    _ = try notes.waitForExit()
    try shared.waitFor("> ")
    shared.send("/park Hiring freeze\r")
    try shared.waitFor("Parked for later: Hiring freeze")
    notes = try presenter()
    try notes.waitFor("Now (step 'action'")
    try notes.waitFor("SECRET-NOTE-action")
    try notes.waitFor("- Hiring freeze")

    try type("Talk weekly", after: "What is one thing we will do differently?", on: shared)
    try shared.waitFor("The session is complete.")
    XCTAssertEqual(exitCode(try shared.waitForExit()), 0)
    try notes.waitFor("The session is complete; detaching.")
    XCTAssertEqual(exitCode(try notes.waitForExit()), 0)
    XCTAssertFalse(shared.text.contains("SECRET-NOTE"))
  }
}
