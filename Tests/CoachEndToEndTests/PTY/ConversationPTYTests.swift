import CoachTerminal
import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// A conversation at a real terminal (a pseudo-terminal), at 80×24 and at 50 columns: what
/// people type is kept (a refused answer back on the line, the earlier answer after /back), how
/// to leave is said where they look, what cannot be undone is confirmed, and accessible mode.
/// The fixture (Fixtures/editing) asks for consent, free text, a choice and a rating.
final class ConversationPTYTests: XCTestCase {
  private var home: URL!

  override func setUpWithError() throws {
    home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-conversation-pty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: home)
  }

  private var fixtures: URL {
    get throws { try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)) }
  }

  private var environment: [String: String] {
    [
      "PATH": "/usr/bin:/bin", "HOME": home.path, "TERM": "xterm", "LANG": "C.UTF-8",
      "XDG_STATE_HOME": home.appendingPathComponent("state").path,
      "XDG_DATA_HOME": home.appendingPathComponent("data").path, "PAGER": "cat",
      "COACH_SESSION_ID": "pty-session",
    ]
  }

  /// `coach ARGUMENTS` at a terminal of `columns`; without colour unless told otherwise.
  private func coach(
    _ arguments: [String], columns: UInt16 = 80,
    environment extra: [String: String] = ["NO_COLOR": "1"]
  ) throws -> PseudoTerminal {
    try PseudoTerminal(
      arguments: arguments, environment: environment.merging(extra) { $1 }, columns: columns)
  }

  /// `coach run` on the editing fixture.
  private func start(
    columns: UInt16 = 80, _ more: [String] = [],
    environment extra: [String: String] = ["NO_COLOR": "1"]
  ) throws -> PseudoTerminal {
    try coach(
      ["run", try fixtures.appendingPathComponent("editing").path] + more, columns: columns,
      environment: extra)
  }

  private func answer(
    _ question: String, with keys: String, on pty: PseudoTerminal, file: StaticString = #filePath,
    line: UInt = #line
  ) throws {
    try pty.waitFor(question, file: file, line: line)
    try pty.waitFor("> ", file: file, line: line)
    pty.send(keys)
  }

  /// The screen's text: escapes out, the terminal's line ends as "\n".
  private func screen(_ pty: PseudoTerminal) -> String {
    pty.text.replacingOccurrences(of: "\r\n", with: "\n")
      .replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
  }

  /// Everything the program wrote fits the width (what readline draws is the person's typing).
  private func assertFits(
    _ pty: PseudoTerminal, columns: Int, file: StaticString = #filePath, line: UInt = #line
  ) {
    // A command to paste ("  coach export …") or a path is never broken; the terminal folds it.
    for shown in screen(pty).split(separator: "\n") where !shown.hasPrefix("  coach ") {
      let text = shown.split(separator: "\r").last.map(String.init) ?? ""
      if !text.contains(" ") { continue }
      XCTAssertLessThanOrEqual(
        TextWrapper.displayWidth(text), columns, "wider than \(columns): \(text)", file: file,
        line: line)
    }
  }

  private func exitCode(_ status: Int32) -> Int32 { (status >> 8) & 0xFF }

  // MARK: - Keeping what people type

  func testARefusedAnswerComesBackOnTheLineWithTheReasonAboveIt() throws {
    for columns: UInt16 in [80, 50] {
      let pty = try start(columns: columns)
      try answer("Keep your answers", with: "y\r", on: pty)
      try answer("Anything on your mind?", with: "a private thought\r", on: pty)
      try answer("What do you want", with: "clarity\r", on: pty)
      try pty.waitForWords("Sorry, please write at least 12 characters (this is 7).")
      // The text is on the line again; typing goes on from its end.
      try pty.waitFor("> clarity")
      pty.send(" about my team\r")
      try answer("How often do you meet", with: "/quit\r", on: pty)
      XCTAssertEqual(exitCode(try pty.waitForExit()), 0)
      assertFits(pty, columns: Int(columns))
      // What was refused, and free text, never reach the history file.
      let history = try String(
        contentsOf: home.appendingPathComponent("state/coach/history"), encoding: .utf8)
      XCTAssertFalse(history.contains("clarity"), history)
      XCTAssertFalse(history.contains("private"), history)
      // The answer taken is the mended one.
      let export = try CoachProcess.run(
        ["export", "pty-session", "--format", "text"],
        environment: ["XDG_DATA_HOME": home.appendingPathComponent("data").path])
      XCTAssertTrue(export.stdout.contains("clarity about my team"), export.stdout)
      try FileManager.default.removeItem(at: home.appendingPathComponent("data"))
    }
  }

  func testBackShowsTheEarlierAnswerOnTheLineAndTheSectionItReturnsTo() throws {
    for columns: UInt16 in [80, 50] {
      let pty = try start(columns: columns)
      try answer("Keep your answers", with: "y\r", on: pty)
      try answer("Anything on your mind?", with: "nothing much\r", on: pty)
      try answer("What do you want", with: "a clear next step\r", on: pty)
      try answer("How often do you meet", with: "2\r", on: pty)
      try answer("How much energy", with: "/back\r", on: pty)
      try pty.waitFor("Your answer was:")
      try pty.waitFor("Every two weeks")
      try pty.waitForWords("== First things: section 1 of 2")
      try pty.waitFor("How often do you meet your team?")
      // The earlier choice is on the line, selected: a key typed first replaces it.
      try pty.waitFor("> 2")
      pty.send("3\r")
      try answer("How much energy", with: "/back\r", on: pty)
      try pty.waitFor("Rarely or never")
      try pty.waitFor("> 3")
      pty.send("/back\r")  // replaces the 3, and goes back to the free text
      try pty.waitFor("Your answer was:")
      try pty.waitFor("> a clear next step")
      pty.send("\r")  // kept as it was
      try answer("How often do you meet", with: "1\r", on: pty)
      try answer("How much energy", with: "4\r", on: pty)
      let done = try pty.waitFor("The session is complete.")
      XCTAssertTrue(
        screen(pty).contains("Done: a clear next step, Every week, 4."), done.debugDescription)
      XCTAssertFalse(screen(pty).contains("Sorry"), screen(pty))
      XCTAssertEqual(exitCode(try pty.waitForExit()), 0)
      assertFits(pty, columns: Int(columns))
      try FileManager.default.removeItem(at: home.appendingPathComponent("data"))
    }
  }

  // MARK: - How to leave

  func testHowToLeaveIsSaidAfterASecondCtrlCAndAtQuitExitAndHelp() throws {
    for columns: UInt16 in [80, 50] {
      let pty = try start(columns: columns)
      try answer("Keep your answers", with: "y\r", on: pty)
      try pty.waitFor("Anything on your mind?")
      try pty.waitFor("> ")
      pty.send("\u{3}")
      try pty.waitFor("> ")
      pty.send("\u{3}")
      try pty.waitForWords("To stop, type /quit (or press Ctrl-D twice on an empty")
      try pty.waitForWords("your answers so far are kept, to go on later.")
      try pty.waitFor("> ")
      // At a free-text question "exit" could be the answer: asked, and Enter takes it.
      pty.send("exit\r")
      try pty.waitForWords("Did you mean to stop? Type /quit;")
      try pty.waitFor("> exit")
      pty.send("\r")
      try pty.waitFor("Noted: exit.")
      try answer("What do you want", with: "a clear next step\r", on: pty)
      // At a choice, "quit" and "help" are no answers: say what to do instead.
      try answer("How often do you meet", with: "quit\r", on: pty)
      try pty.waitForWords("'quit' is not an answer to this question. To stop, type")
      try pty.waitFor("> ")
      pty.send("help\r")
      try pty.waitForWords("? gives help with it; /help lists the")
      try pty.waitFor("> ")
      pty.send("?\r")
      try pty.waitForWords("There is no extra help for this question.")
      try pty.waitFor("> ")
      // Feedback on a command is wrapped too ("skippe/d." at 50 columns, once).
      pty.send("/skip\r")
      try pty.waitForWords("This question needs an answer; it cannot be skipped.")
      try pty.waitFor("> ")
      pty.send("/quit\r")
      XCTAssertEqual(exitCode(try pty.waitForExit()), 0)
      XCTAssertFalse(screen(pty).contains("not one of the options"), screen(pty))
      assertFits(pty, columns: Int(columns))
      try FileManager.default.removeItem(at: home.appendingPathComponent("data"))
    }
  }

  func testCtrlDSaysTruthfullyWhatIsKeptAndUnderADumbTerminalOnItsOwnLine() throws {
    // Nothing kept: the first Ctrl-D does not promise a resume.
    let nothing = try start()
    try answer("Keep your answers", with: "n\r", on: nothing)
    try answer("Anything on your mind?", with: "\u{4}", on: nothing)
    try nothing.waitForWords(
      "Quit? Press Ctrl-D again to quit (nothing is saved, so the session would start again")
    try nothing.waitFor("> ")
    nothing.send("\u{4}")
    try nothing.waitFor("Nothing was saved.")
    XCTAssertEqual(exitCode(try nothing.waitForExit()), 0)
    XCTAssertFalse(screen(nothing).contains("kept"), screen(nothing))

    // Kept: it says so. Under TERM=dumb readline does not end the line itself.
    let dumb = try start(columns: 50, environment: ["TERM": "dumb"])
    try answer("Keep your answers", with: "y\r", on: dumb)
    try answer("Anything on your mind?", with: "\u{4}", on: dumb)
    try dumb.waitForWords("your answers so far are kept")
    let lines = screen(dumb).split(separator: "\n")
    let quit = try XCTUnwrap(lines.first { $0.contains("Quit?") })
    XCTAssertTrue(quit.hasPrefix("Quit? Press Ctrl-D again"), String(quit))
    try dumb.waitFor("> ")
    dumb.send("\u{4}")
    try dumb.waitForWords("To go on later: coach resume pty-session")
    XCTAssertEqual(exitCode(try dumb.waitForExit()), 0)
    assertFits(dumb, columns: 50)
  }

  // MARK: - Confirming what cannot be undone

  func testRestartAsksFirst() throws {
    for columns: UInt16 in [80, 50] {
      let pty = try start(columns: columns)
      try answer("Keep your answers", with: "y\r", on: pty)
      try answer("Anything on your mind?", with: "/restart\r", on: pty)
      try pty.waitForWords("Start again from the beginning? Your answer so far would be")
      try pty.waitFor("Start again? [y/N] ")
      pty.send("n\r")
      try pty.waitForWords("Not restarted; your answers are as they were.")
      try pty.waitFor("> ")
      pty.send("/re\t")  // Tab completes to /restart (or lists /resume too): it still asks
      try pty.waitFor("/restart")
      pty.send("\r")
      try pty.waitFor("Start again? [y/N] ")
      pty.send("y\r")
      try pty.waitForWords("Starting again from the beginning")
      try pty.waitFor("Keep your answers on this computer?")
      try pty.waitFor("> ")
      pty.send("/quit\r")
      XCTAssertEqual(exitCode(try pty.waitForExit()), 0)
      assertFits(pty, columns: Int(columns))
      try FileManager.default.removeItem(at: home.appendingPathComponent("data"))
    }
  }

  func testSessionsDeleteAsksAtATerminal() throws {
    let made = try CoachProcess.run(
      ["run", try fixtures.appendingPathComponent("editing").path], stdin: "y\nwords\n",
      environment: [
        "XDG_DATA_HOME": home.appendingPathComponent("data").path, "COACH_SESSION_ID": "kept-one",
      ])
    XCTAssertEqual(made.status, 65, made.description)
    let log = home.appendingPathComponent("data/coach/sessions/kept-one.jsonl")
    for columns: UInt16 in [80, 50] {
      let no = try coach(["sessions", "delete", "kept-one"], columns: columns)
      try no.waitForWords("Delete session kept-one for good? This cannot be undone.")
      try no.waitFor("Delete? [y/N] ")
      no.send("\r")
      try no.waitForWords("Nothing was deleted.")
      XCTAssertEqual(exitCode(try no.waitForExit()), 0)
      XCTAssertTrue(FileManager.default.fileExists(atPath: log.path))
      assertFits(no, columns: Int(columns))
    }
    let yes = try coach(["sessions", "delete", "--all"], columns: 50)
    try yes.waitForWords("Delete the only saved session (kept-one) for good?")
    try yes.waitFor("Delete? [y/N] ")
    yes.send("y\r")
    try yes.waitForWords("Deleted the only saved session (kept-one): the answers.")
    try yes.waitForWords("Not deleted: your plans and calendar files")
    XCTAssertEqual(exitCode(try yes.waitForExit()), 0)
    XCTAssertFalse(FileManager.default.fileExists(atPath: log.path))
    assertFits(yes, columns: 50)
  }

  // MARK: - Progress and accessible mode

  func testProgressIsASectionAndABarNotAStepCount() throws {
    let pty = try start()
    try pty.waitFor("== First things: section 1 of 2 ░░░░░░░░░░ clock 0:00 of 4:00 ==")
    try answer("Keep your answers", with: "/where\r", on: pty)
    try pty.waitFor("Section 1 of 2: First things. ░░░░░░░░░░")
    try pty.waitFor("> ")
    pty.send("/quit\r")
    _ = try pty.waitForExit()
    XCTAssertFalse(screen(pty).contains("step "), screen(pty))
  }

  func testAccessibleModeReadsAsSentencesWithoutBarsRedrawsOrPager() throws {
    for (columns, extra, arguments) in [
      (UInt16(80), ["NO_COLOR": "1"], ["--accessible"]),
      (UInt16(50), ["COACH_ACCESSIBLE": "1"], []),
    ] {
      var environment = extra
      environment["PAGER"] = "sed 's/^/paged: /'"
      let pty = try start(columns: columns, arguments, environment: environment)
      try pty.waitForWords("Section 1 of 2: First things. 1 minute planned;")
      try pty.waitFor("Keep your answers on this computer?")
      try pty.waitForWords("Type yes or no, then press Enter.")
      try pty.waitFor("Answer: ")
      pty.send("y\r")
      try pty.waitFor("Your answer: yes.")
      try pty.waitFor("Answer: ")
      pty.send("fine\r")
      try pty.waitFor("Answer taken.")
      try pty.waitFor("Answer: ")
      pty.send("short\r")
      try pty.waitForWords("Sorry, please write at least 12 characters (this is 5).")
      try pty.waitForWords("Your answer is on the line again, to edit.")
      try pty.waitForWords("Answer: short")
      pty.send(" and sweet\r")
      try pty.waitFor("Option 1: Every week.")
      try pty.waitForWords("Type the number of an option, from 1 to 3, then press Enter.")
      try pty.waitFor("Answer: ")
      pty.send("2\r")
      try pty.waitForWords("Your answer: Every two weeks.")
      try pty.waitFor("Answer: ")
      pty.send("5\r")
      try pty.waitFor("The session is complete.")
      XCTAssertEqual(exitCode(try pty.waitForExit()), 0)
      let shown = screen(pty)
      for drawn in ["█", "░", "==", "paged:", "  1) "] {
        XCTAssertFalse(shown.contains(drawn), "\(drawn) in \(shown)")
      }
      XCTAssertFalse(pty.text.contains("\u{1B}[2J"), "nothing cleared")
      assertFits(pty, columns: Int(columns))
      try FileManager.default.removeItem(at: home.appendingPathComponent("data"))
    }
  }

  func testTheAccessiblePlanIsNotPagedAndReadsItsTablesAsSentences() throws {
    let pty = try coach(
      ["run", "--accessible", try fixtures.appendingPathComponent("plan").path],
      environment: ["NO_COLOR": "1", "PAGER": "sed 's/^/paged: /'"])
    try pty.waitFor("What do you call your team?")
    try pty.waitFor("Answer: ")
    pty.send("Tigers\r")
    try pty.waitFor("The session is complete.")
    _ = try pty.waitForExit()
    let shown = screen(pty)
    XCTAssertFalse(shown.contains("paged:"), shown)
    XCTAssertFalse(shown.contains("█"), shown)
    XCTAssertFalse(shown.contains("====="), shown)
    XCTAssertTrue(shown.contains("Relationships (the four A's): "), shown)
  }
}
