import Foundation
import XCTest

/// What a conversation says when a person looks for a way out or for help, and accessible mode,
/// through pipes (in process). What only a terminal shows (text back on the line, Ctrl-C, the
/// confirmation typed at a terminal) is in PTY/ConversationPTYTests.
final class ConversationHelpTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  func run(_ arguments: [String], _ input: String, environment: [String: String] = [:]) throws
    -> CoachProcess.Result
  {
    try CoachProcess.runInProcess(
      arguments, in: Self.fixtures, stdin: input,
      environment: ["COACH_NOW": "2026-11-29T09:00:00Z"].merging(environment) { $1 })
  }

  func testQuitExitAndHelpAtAChoiceSayHowToLeaveNotThatTheyAreNoOption() throws {
    let result = try run(["run", "small"], "quit\nexit\nhelp\n?\n/quit\n")
    XCTAssertEqual(result.status, 0, result.description)
    let out = result.stdout
    XCTAssertFalse(out.contains("not one of the options"), out)
    XCTAssertTrue(
      out.contains(
        "> quit\n'quit' is not an answer to this question. To stop, type /quit (or press Ctrl-D twice on an empty line); nothing is saved, so the session would start again next time. /help lists the commands.\n"
      ), out)
    XCTAssertTrue(out.contains("> exit\n'exit' is not an answer to this question. To stop"), out)
    XCTAssertTrue(
      out.contains(
        "> help\n'help' is not an answer to this question. ? gives help with it; /help lists the commands.\n"
      ), out)
    // The question has help of its own; ? says it.
    XCTAssertTrue(out.contains("> ?\nThink of the last two months;"), out)
  }

  func testQuestionMarkWithoutHelpSaysWhatFits() throws {
    let result = try run(["run", "small"], "1\n?\n/quit\n")
    XCTAssertTrue(
      result.stdout.contains(
        "> ?\nThere is no extra help for this question. It asks for your own words: type them and press Enter. /help lists the commands; /back goes to the previous question.\n"
      ), result.stdout)
  }

  func testAScriptsExitAtAFreeTextQuestionIsItsAnswer() throws {
    // Nobody to ask through a pipe: the script meant it.
    let result = try run(["run", "small"], "1\nexit\n/quit\n")
    XCTAssertTrue(result.stdout.contains("You wrote: exit."), result.stdout)
  }

  func testAfterARefusalTheInstructionIsNotRepeated() throws {
    let result = try run(["run", "small"], "7\n1\n/quit\n")
    XCTAssertTrue(
      result.stdout.contains(
        "> 7\nSorry, 7 is not an option; enter a number from 1 to 3.\n> 1\n"), result.stdout)
  }

  func testRestartAsksFirstAndNoKeepsEveryAnswer() throws {
    let result = try run(["run", "small"], "2\nnotes\n/restart\nno\n/where\n/restart\ny\n/quit\n")
    let out = result.stdout
    XCTAssertTrue(
      out.contains(
        "> /restart\nStart again from the beginning? Your 2 answers so far would be forgotten; this cannot be undone.\nStart again? [y/N] no\nNot restarted; your answers are as they were.\n> /where\nSection 2 of 2: Wrap-up.\n"
      ), out)
    XCTAssertTrue(
      out.contains(
        "Start again? [y/N] y\nStarting again from the beginning; earlier answers are forgotten.\n"),
      out)
    // The input ending at the question is the input ending, not a yes.
    let ended = try run(["run", "small"], "2\nnotes\n/restart\n")
    XCTAssertEqual(ended.status, 65, ended.description)
    XCTAssertTrue(ended.stderr.contains("input ended before the dialogue finished"), ended.stderr)
  }

  func testBackAcrossASectionSaysTheSectionAndTheEarlierAnswer() throws {
    let result = try run(["run", "small"], "2\nmy own words\n/back\n/quit\n")
    XCTAssertTrue(
      result.stdout.contains(
        "> /back\nBack to the previous question. Your answer was: my own words\n\n== Warm-up (section 1 of 2, 2 min) ==\n\nWhat is on your mind today?\n"
      ), result.stdout)
  }

  func testAccessibleModeReadsChoicesChartsAndAnswersAsSentences() throws {
    for environment in [["COACH_ACCESSIBLE": "1"], ["ACCESSIBLE": "yes"]] {
      let result = try run(
        ["run", "small"], "2\nwords\n1\n4\ny\n7\n", environment: environment)
      XCTAssertEqual(result.status, 0, result.description)
      let out = result.stdout
      XCTAssertTrue(
        out.contains(
          """
          Section 1 of 2: Warm-up. 2 minutes planned; 0:00 of 5:00 so far.

          How often do you meet each person one to one?
          Option 1: Every week.
          Option 2: Every two weeks.
          Option 3: Rarely or never.
          Type the number of an option, from 1 to 3, then press Enter. Type ? for help.
          Answer: 2
          Your answer: Every two weeks.
          """), out)
      XCTAssertTrue(
        out.contains(
          "Type a whole number from 1 (none) to 5 (plenty), then press Enter.\nAnswer: 4\nYour answer: 4.\n"
        ), out)
      XCTAssertTrue(out.contains("Answer: words\nAnswer taken.\n"), out)
      for drawn in ["█", "░", "==", "  1) "] {
        XCTAssertFalse(out.contains(drawn), "\(drawn): \(out)")
      }
    }
    // --accessible does the same; COACH_ACCESSIBLE=0 turns it off.
    let flagged = try run(["run", "--accessible", "small"], "/quit\n")
    XCTAssertTrue(flagged.stdout.contains("Option 1: Every week."), flagged.stdout)
    let off = try run(
      ["run", "small"], "/quit\n", environment: ["COACH_ACCESSIBLE": "0", "ACCESSIBLE": "1"])
    XCTAssertTrue(off.stdout.contains("  1) Every week"), off.stdout)
  }

  func testAnAccessibleTeamSessionReadsTheRatingsAsSentences() throws {
    let result = try run(
      ["run", "--accessible", "--facilitator", "--participants", "3", "team"],
      "4\n3\n5\n\n4\n/next\n2\nTalk\n")
    XCTAssertEqual(result.status, 0, result.description)
    let out = result.stdout
    XCTAssertTrue(out.contains("Team ratings: 3 responses. Median 4, lowest 3, highest 5;"), out)
    XCTAssertTrue(out.contains("Rating 3: 1 response. Rating 4: 1 response. Rating 5: 1"), out)
    XCTAssertFalse(out.contains("█"), out)
    XCTAssertFalse(out.contains("-----"), "no line of dashes to be read out")
    XCTAssertFalse(out.contains("\u{1B}[2J"), "no clearing in accessible mode")
  }

  func testTheWholeDefaultSessionInAccessibleModeHasNoBarsAnywhere() throws {
    let script = try String(
      contentsOf: Self.fixtures.appendingPathComponent("golden/self.in"), encoding: .utf8)
    let result = try CoachProcess.runInProcess(
      [], stdin: script,
      environment: ["COACH_NOW": "2026-11-29T09:00:00Z", "COACH_ACCESSIBLE": "1"])
    XCTAssertEqual(result.status, 0, result.description)
    let out = result.stdout
    for drawn in ["█", "░", "==", "| ", "**"] {
      XCTAssertFalse(out.contains(drawn), "\(drawn): \(out)")
    }
    XCTAssertTrue(out.contains("\n  Yourself 31 priority\n"), "the profile, said")
    XCTAssertTrue(out.contains("\nYourself: score 31 of 100, band priority.\n"), "the plan's table")
  }
}
