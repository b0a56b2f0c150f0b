import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// `coach` at a terminal: a pseudo-terminal is its controlling terminal, keys are typed only
/// once the next prompt is shown, and output is matched with `contains`.
final class PTYSessionTests: XCTestCase {
  private var stateHome: URL!

  override func setUpWithError() throws {
    stateHome = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-pty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: stateHome, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: stateHome)
  }

  private func fixture(_ name: String) throws -> String {
    let fixtures = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    return fixtures.appendingPathComponent(name).path
  }

  private func start(
    _ name: String, arguments: [String] = [], columns: UInt16 = 80,
    environment extra: [String: String] = ["NO_COLOR": "1"]
  ) throws -> PseudoTerminal {
    var environment = [
      "PATH": "/usr/bin:/bin", "HOME": stateHome.path, "TERM": "xterm", "LANG": "C.UTF-8",
      "XDG_STATE_HOME": stateHome.path,
    ]
    environment.merge(extra) { $1 }
    return try PseudoTerminal(
      arguments: ["run", try fixture(name)] + arguments, environment: environment, columns: columns)
  }

  /// Waits for a question, then for its prompt, then types the answer.
  private func answer(
    _ question: String, with keys: String, on pty: PseudoTerminal, file: StaticString = #filePath,
    line: UInt = #line
  )
    throws
  {
    try pty.waitFor(question, file: file, line: line)
    try pty.waitFor("> ", file: file, line: line)
    pty.send(keys)
  }

  private func exitCode(_ status: Int32) -> Int32? {
    status & 0x7F == 0 ? (status >> 8) & 0xFF : nil
  }
  private func killingSignal(_ status: Int32) -> Int32? {
    let signal = status & 0x7F
    return signal != 0 && signal != 0x7F ? signal : nil
  }

  func testTypingAWholeDialogueToTheEndKeepsFreeTextOutOfTheHistoryFile() throws {
    let pty = try start("small")
    try answer("How often do you meet", with: "3\r", on: pty)
    try answer("What is on your mind", with: "my secret worry\r", on: pty)
    try pty.waitFor("You wrote: my secret worry.")
    try answer("how often would you like", with: "2\r", on: pty)
    try pty.waitFor("You would like: Every two weeks.")
    try answer("How much energy", with: "4\r", on: pty)
    try answer("Shall we make a plan?", with: "y\r", on: pty)
    try answer("In how many days", with: "7\r", on: pty)
    try pty.waitFor("Thank you. Your answers stay on this computer.")
    try pty.waitFor("The session is complete.")
    XCTAssertEqual(exitCode(try pty.waitForExit()), 0)
    XCTAssertFalse(pty.text.contains("Sorry"), pty.text)

    let folder = stateHome.appendingPathComponent("coach")
    let file = folder.appendingPathComponent("history")
    let history = try String(contentsOf: file, encoding: .utf8)
    XCTAssertEqual(history.split(separator: "\n"), ["3", "2", "4", "y", "7"])
    XCTAssertFalse(history.contains("secret"))
    let fileMode = try XCTUnwrap(
      FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int)
    XCTAssertEqual(fileMode & 0o777, 0o600)
    let folderMode = try XCTUnwrap(
      FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int)
    XCTAssertEqual(folderMode & 0o777, 0o700)
  }

  func testCtrlCMidLineDiscardsTheLineFiftyTimesInARow() throws {
    let pty = try start("loop")
    for round in 0..<50 {
      try pty.waitFor("Which colour?")
      try pty.waitFor("> ")
      pty.send("half typed \(round)")
      try pty.waitFor("half typed \(round)")
      pty.send("\u{3}")
      try pty.waitFor("> ")  // a fresh prompt
      let (key, label) = round.isMultiple(of: 2) ? ("1", "Red") : ("2", "Blue")
      pty.send(key + "\r")
      let shown = try pty.waitFor("Picked \(label).")
      XCTAssertFalse(shown.contains("Sorry"), "round \(round): \(shown.debugDescription)")
    }
    try answer("Which colour?", with: "3\r", on: pty)
    try pty.waitFor("Done.")
    XCTAssertEqual(exitCode(try pty.waitForExit()), 0)
  }

  func testCtrlDAtAnEmptyPromptAsksFirstAndQuitsTheSecondTime() throws {
    let pty = try start("small")
    try pty.waitFor("How often do you meet")
    try pty.waitFor("> ")
    pty.send("\u{4}")
    try pty.waitFor("Quit? Press Ctrl-D again to quit")
    try pty.waitFor("> ")
    pty.send("1\r")  // answering goes on as before
    try answer("What is on your mind", with: "\u{4}", on: pty)
    try pty.waitFor("Quit?")
    try pty.waitFor("> ")
    pty.send("\u{4}")
    try pty.waitFor("Stopped.")
    XCTAssertEqual(exitCode(try pty.waitForExit()), 0)
  }

  func testTabCompletesAnOptionLabel() throws {
    let pty = try start("small")
    try answer("How often do you meet", with: "1\r", on: pty)
    try answer("What is on your mind", with: "nothing much\r", on: pty)
    try answer("how often would you like", with: "ra\t", on: pty)
    try pty.waitFor("rely or never")
    pty.send("\r")
    try pty.waitFor("You would like: Rarely or never.")
  }

  func testUpArrowRecallsAnEarlierChoiceAnswerAndSkipsFreeText() throws {
    let pty = try start("small")
    try answer("How often do you meet", with: "3\r", on: pty)
    try answer("What is on your mind", with: "private words\r", on: pty)
    try answer("how often would you like", with: "\u{1B}[A", on: pty)
    pty.send("\r")
    let shown = try pty.waitFor("You would like: Rarely or never.")
    XCTAssertFalse(shown.contains("private"), shown.debugDescription)
  }

  func testAResizeChangesTheWrapWidth() throws {
    let help =
      "Think of the last two months; count the meetings that really happened, not the ones in the calendar."
    let pty = try start("small", columns: 40)
    try answer("How often do you meet", with: "?\r", on: pty)
    try pty.waitFor("Think of")
    let narrow = "Think of" + (try pty.waitFor("> "))
    XCTAssertTrue(narrow.contains("Think of the last two months;"), narrow.debugDescription)
    XCTAssertFalse(
      narrow.contains(help), "at 40 columns the help is wrapped: \(narrow.debugDescription)")
    pty.resize(columns: 150)
    pty.send("?\r")
    try pty.waitFor("Think of")
    let wide = "Think of" + (try pty.waitFor("> "))
    XCTAssertTrue(
      wide.contains(help), "at 150 columns the help is one line: \(wide.debugDescription)")
  }

  func testNoColorMeansNoColourCodes() throws {
    let pty = try start("small", environment: ["NO_COLOR": "1"])
    try answer("How often do you meet", with: "x\r", on: pty)  // a re-ask
    try answer("Sorry", with: "1\r", on: pty)
    try answer("What is on your mind", with: "/quit\r", on: pty)
    try pty.waitFor("Stopped.")
    _ = try pty.waitForExit()
    XCTAssertNil(
      pty.text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression),
      pty.text.debugDescription)
  }

  func testColourOnATerminalUnlessToldNever() throws {
    let coloured = try start("small", environment: [:])
    try coloured.waitFor("\u{1B}[1;36m== Warm-up")
    coloured.signal(SIGTERM)
    _ = try coloured.waitForExit()

    let plain = try start("small", arguments: ["--color", "never"], environment: [:])
    try answer("How often do you meet", with: "/quit\r", on: plain)
    _ = try plain.waitForExit()
    XCTAssertNil(
      plain.text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression),
      plain.text.debugDescription)
  }

  func testEscapeSequencesInAnAnswerAreNotEchoed() throws {
    let pty = try start("small")
    try answer("How often do you meet", with: "1\r", on: pty)
    // Ctrl-V types the next key literally: ESC [ 2 J (clear screen) and OSC 0 (window title).
    try answer(
      "What is on your mind", with: "a\u{16}\u{1B}[2Jb\u{16}\u{1B}]0;x\u{16}\u{7}c\r", on: pty)
    try pty.waitFor("You wrote: abc.")
    // A paste (bracketed) carries the escape character too.
    try answer(
      "how often would you like", with: "\u{1B}[200~p\u{1B}[2Jq\u{1B}]0;x\u{7}r\u{1B}[201~\r",
      on: pty)
    try pty.waitFor("Sorry, 'pqr' is not one of the options")
    try pty.waitFor("> ")
    pty.send("/quit\r")
    _ = try pty.waitForExit()
    XCTAssertFalse(pty.text.contains("\u{1B}[2J"), pty.text.debugDescription)
    XCTAssertFalse(pty.text.contains("\u{1B}]0;"), pty.text.debugDescription)
  }

  /// A pasted C1 control (U+009B, a CSI to some terminals), bidirectional override or invisible
  /// character is never echoed, and never reaches the answer.
  func testPastedBidiC1AndInvisibleCharactersAreNotEchoed() throws {
    let pty = try start("small")
    try answer("How often do you meet", with: "1\r", on: pty)
    try answer(
      "What is on your mind", with: "a\u{202E}b\u{9B}31mc\u{200B}d\u{2066}e\u{61C}f\r", on: pty)
    try pty.waitFor("You wrote: ab31mcdef.")
    try pty.waitFor("> ")
    pty.send("/quit\r")
    _ = try pty.waitForExit()
    for hidden in ["\u{202E}", "\u{9B}", "\u{200B}", "\u{2066}", "\u{61C}"] {
      XCTAssertFalse(pty.text.contains(hidden), pty.text.debugDescription)
    }
  }

  /// Ctrl-\ (SIGQUIT) ends the session like a stop: no crash report, the terminal restored, the
  /// answers kept; status 131, and no core file.
  func testCtrlBackslashStopsCleanly() throws {
    let pty = try start("small")
    try answer("How often do you meet", with: "1\r", on: pty)
    try pty.waitFor("What is on your mind")
    try pty.waitFor("> ")
    pty.send("half")
    try pty.waitFor("half")
    pty.send("\u{1C}")
    let status = try pty.waitForExit()
    XCTAssertEqual(exitCode(status), 131, pty.text)
    XCTAssertFalse(pty.text.contains("crashed"), pty.text)
    XCTAssertTrue(pty.text.contains("Your answers are saved"), pty.text)
    let modes = pty.modes()
    XCTAssertNotEqual(modes.c_lflag & tcflag_t(ICANON), 0, "line mode restored")
    XCTAssertNotEqual(modes.c_lflag & tcflag_t(ECHO), 0, "echo restored")
  }

  func testSIGTERMAndSIGHUPLeaveTheTerminalSane() throws {
    for signal in [SIGTERM, SIGHUP, SIGUSR1, SIGUSR2] {
      let pty = try start("small")
      try pty.waitFor("How often do you meet")
      try pty.waitFor("> ")
      pty.send("half")
      try pty.waitFor("half")
      XCTAssertEqual(
        pty.modes().c_lflag & tcflag_t(ICANON), 0, "readline has the terminal in its own mode")
      pty.signal(signal)
      let status = try pty.waitForExit()
      XCTAssertEqual(killingSignal(status), signal)
      let modes = pty.modes()
      XCTAssertNotEqual(
        modes.c_lflag & tcflag_t(ICANON), 0, "line mode restored after signal \(signal)")
      XCTAssertNotEqual(modes.c_lflag & tcflag_t(ECHO), 0, "echo restored after signal \(signal)")
    }
  }
}
