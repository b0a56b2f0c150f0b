import CoachTerminal
import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Facilitator mode at a terminal: the shared screen in one pseudo-terminal, the presenter view
/// (`coach notes`) in another, both on the same session. The clock is fixed with COACH_NOW, so
/// nothing depends on timing; every wait has a deadline. Every screen is checked to fit its
/// window with its header and clocks on top, and typed ratings to show as stars only.
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

  private func sharedScreen(
    _ dialogue: [String]? = nil, participants: String = "3", columns: UInt16 = 80,
    rows: UInt16 = 24
  ) throws -> PseudoTerminal {
    try PseudoTerminal(
      arguments: ["run", "--facilitator", "--participants", participants]
        + (try dialogue ?? [fixture("team")]),
      environment: environment, columns: columns, rows: rows)
  }

  private func presenter(_ arguments: [String] = []) throws -> PseudoTerminal {
    try PseudoTerminal(
      arguments: ["notes"] + arguments, environment: environment, columns: 100, rows: 40)
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

  /// Waits for the next prompt, then types `keys`.
  private func answer(_ keys: String, on pty: PseudoTerminal, line: UInt = #line) throws {
    try pty.waitFor("> ", line: line)
    pty.send(keys + "\r")
  }

  private func exitCode(_ status: Int32) -> Int32? {
    status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
  }

  /// The screens the shared screen drew, each as its lines up to the prompt, without escape
  /// sequences: what a person saw after each redraw.
  static func screens(in raw: String) -> [[String]] {
    raw.components(separatedBy: "\u{1B}[H\u{1B}[2J").dropFirst().map { chunk in
      let plain = chunk.replacing(#/\u{1B}(\[[0-9;?]*[A-Za-z]|[78])/#, with: "")
        .replacingOccurrences(of: "\r", with: "")
      let parts = plain.components(separatedBy: "\n> ")
      var lines = parts[0].components(separatedBy: "\n")
      // Drawn but its prompt not read yet: the last line break ends the screen.
      if parts.count == 1, lines.last == "" { lines.removeLast() }
      return lines
    }
  }

  /// Every screen fits `rows` (the prompt's row kept free) and `columns`, and has the section's
  /// heading and both clocks at its top.
  private func assertEveryScreenFits(
    _ pty: PseudoTerminal, columns: Int, rows: Int, line: UInt = #line
  ) {
    let screens = Self.screens(in: pty.text)
    XCTAssertFalse(screens.isEmpty, line: line)
    for screen in screens where !screen.contains(where: { $0.contains("Press Enter to begin") }) {
      XCTAssertLessThanOrEqual(screen.count, rows - 1, "\(screen)", line: line)
      for text in screen {
        XCTAssertLessThanOrEqual(TextWrapper.displayWidth(text), columns, text, line: line)
      }
      let top = screen.prefix(4)
      XCTAssertTrue(
        top.contains { $0.contains(" · section ") }, "no heading: \(screen)", line: line)
      XCTAssertTrue(top.contains { $0.contains(" · session ") }, "no clocks: \(screen)", line: line)
    }
  }

  func testAt80x24TypedRatingsAreNeverShownAndEveryScreenKeepsItsHeader() throws {
    let pty = try sharedScreen()
    try pty.waitFor("0 of 3 rated")
    try pty.waitFor("> ")
    // Typed unseen: one '*' a key, never the digit.
    pty.send("4")
    try pty.waitFor("*")
    pty.send("\r")
    try pty.waitFor("Rating taken, not shown: 1 of 3 rated.")
    try answer("3 5", on: pty)
    try pty.waitFor("Rating taken, not shown: 3 of 3 rated.")
    try answer("", on: pty)
    try pty.waitFor("The round is closed: 3 ratings are in.")
    try type("5", after: "The leader's own rating:", on: pty)
    // The next step's screen keeps the team's result in view.
    try pty.waitFor("Talk · section 2 of 3")
    let result = try pty.waitFor("0 of 3 rated")
    XCTAssertTrue(result.contains("Team ratings: 3 responses"), result)
    XCTAssertTrue(result.contains("median 4 · lowest–highest 3–5 · 67 % favourable"), result)
    XCTAssertTrue(result.contains("3 | ████████████████████ 1"), result)
    XCTAssertTrue(result.contains("The leader's own rating: 5."), result)
    XCTAssertTrue(result.contains("Blind spot?"), result)

    // Two ratings: nothing of them is shown, ever.
    try answer("1 4", on: pty)
    try pty.waitFor("Rating taken, not shown: 2 of 3 rated.")
    try answer("", on: pty)
    try pty.waitFor("2 of 3 rated so far: wait for the others")
    try answer("/next", on: pty)
    try pty.waitFor("The round is closed with 2 ratings: fewer than 3")
    try type("5", after: "The leader's own rating:", on: pty)
    try pty.waitFor("Action · section 3 of 3")
    let hidden = try pty.waitFor("What is one thing we will do differently?")
    XCTAssertTrue(hidden.contains("fewer than 3 responses, so the results stay hidden"), hidden)
    for figure in ["median", "lowest", "favourable", "█", "Split", "Blind spot"] {
      XCTAssertFalse(hidden.contains(figure), "\(figure) in \(hidden.debugDescription)")
    }
    try answer("Talk weekly", on: pty)
    try pty.waitFor("The session is complete.")
    XCTAssertEqual(exitCode(try pty.waitForExit()), 0)

    for typed in ["> 4", "> 3 5", "> 1 4", "3 5\r", "1 4\r"] {
      XCTAssertFalse(pty.text.contains(typed), "a typed rating reached the screen: \(typed)")
    }
    XCTAssertTrue(pty.text.contains("> ***"), "the typed ratings show as stars")
    XCTAssertFalse(pty.text.contains("SECRET-NOTE"), "facilitator notes on the shared screen")
    XCTAssertFalse(pty.text.contains("{{"), "template code on the shared screen")
    assertEveryScreenFits(pty, columns: 80, rows: 24)
  }

  func testThePresenterViewAttachesBeforeConsentAndFollowsTheSession() throws {
    // Started before the session: it waits, then shows the notes that matter before consent.
    let notes = try presenter()
    try notes.waitFor("Waiting for a session run with 'coach run --facilitator'")
    let shared = try sharedScreen([])
    try notes.waitFor("Say the privacy part out loud")
    try notes.waitFor("Nothing of this session is saved yet")
    try type("1", after: "May coach keep your answers", on: shared)
    try notes.waitFor("Now (step 'team_type'")
    try answer("1", on: shared)
    try answer("6", on: shared)
    try answer("A clear next step", on: shared)
    try notes.waitFor("Now (step 'baseline'")
    try notes.waitFor("Waiting for: the room's ratings (3 people)")
    // What comes next reads as it will: no template code, an answer to come as "…".
    try notes.waitFor("Why … and not lower?")
    XCTAssertFalse(notes.text.contains("{{"), "template code in the presenter view")
    try answer("/quit", on: shared)
    XCTAssertEqual(exitCode(try shared.waitForExit()), 0)
    try notes.waitFor("STOPPED at")
    notes.send("\u{3}")
    _ = try notes.waitForExit()
  }

  func testAPresenterSeesNothingMoreOnceTheLeaderKeepsNothing() throws {
    let shared = try sharedScreen([])
    try shared.waitFor("May coach keep your answers")
    let notes = try presenter()
    try notes.waitFor("Say the privacy part out loud")
    try answer("2", on: shared)
    try notes.waitFor("This session is not saved")
    XCTAssertEqual(exitCode(try notes.waitForExit()), 0)
    try answer("/quit", on: shared)
    XCTAssertEqual(exitCode(try shared.waitForExit()), 0)
  }

  func testTheDefaultSessionWithTheTeamsVoiceFitsAt80x24AndRefitsWhenResized() throws {
    let pty = try sharedScreen([])
    // Ratings typed at once, then Enter to close the round, then the leader's own.
    func round(_ ratings: String, leader: String) throws {
      try answer(ratings, on: pty)
      try answer("", on: pty)
      try answer(leader, on: pty)
    }
    for keys in ["1", "1", "6", "A clear next step"] { try answer(keys, on: pty) }
    try round("6 7 8", leader: "8")
    for keys in ["People speak up", "4", "4", "4", "2", "4", "4", "4", "4", "3"] {
      try answer(keys, on: pty)
    }
    // "Mistakes are held against people" is reverse-scored: the team agrees, the leader does not.
    try round("4 4 5", leader: "2")
    try pty.waitFor("0 % favourable (2 or less: agreeing is")
    try pty.waitFor("Blind spot? The leader's own rating is 2 points rosier than the team's")
    try round("2 2 3", leader: "4")
    try round("2 3 3", leader: "4")
    try answer("1", on: pty)
    try round("4 4 4", leader: "4")
    try round("4 5 4", leader: "4")
    try answer("7", on: pty)
    try round("4 4 4", leader: "4")
    try round("4 4 4", leader: "4")
    try answer("4", on: pty)
    try answer("3", on: pty)
    // The profile, with the team's scores beside the leader's; the team's view proposes the focus.
    try pty.waitFor("strength · team 31")
    try pty.waitFor("Press Enter for Safe haven (your")
    try answer("", on: pty)
    try answer("Weekly one-to-ones", on: pty)
    try pty.waitFor("Options · section 10 of 12")
    try pty.waitFor("Pick 1 to 3")
    try pty.waitFor("> ")
    assertEveryScreenFits(pty, columns: 80, rows: 24)
    XCTAssertFalse(pty.text.contains("{{"), "template code on the shared screen")

    // A bigger window: the screen is drawn again to fit it, with what was typed put back.
    pty.send("3")
    pty.resize(columns: 100, rows: 40)
    try pty.waitFor("Options · section 10 of 12")
    try pty.waitFor("> 3")
    pty.send("\u{15}/quit\r")
    XCTAssertEqual(exitCode(try pty.waitForExit()), 0)
    let last = try XCTUnwrap(
      Self.screens(in: pty.text).last { $0.contains { $0.contains("Options") } })
    XCTAssertTrue(
      last.contains {
        $0.contains(
          "1) At the next team meeting, tell the team about a mistake of your own and what you")
      },
      "a 100-column screen uses its width: \(last)")
  }
}
