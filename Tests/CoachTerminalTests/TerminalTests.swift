import CoachKit
import XCTest

@testable import CoachTerminal

final class TextWrapperTests: XCTestCase {
  func testWrapsAtSpacesAndKeepsIndentation() {
    XCTAssertEqual(TextWrapper.wrap("A long line of text", width: 10), "A long\nline of\ntext")
    // An option's continuation lines start under its label.
    XCTAssertEqual(
      TextWrapper.wrap("  1) one two three four", width: 12), "  1) one two\n     three\n     four")
  }

  func testReflowJoinsAParagraphsLinesButKeepsStructure() {
    XCTAssertEqual(TextWrapper.reflow("One\nparagraph.\n\nNext"), "One paragraph.\n\nNext")
    XCTAssertEqual(
      TextWrapper.reflow("Intro:\n- a\n- b\n  indented"), "Intro:\n- a\n- b\n  indented")
    XCTAssertEqual(TextWrapper.reflow("| a |\n| b |"), "| a |\n| b |")
    XCTAssertEqual(TextWrapper.reflow("```\nkeep\nthis\n```"), "```\nkeep\nthis\n```")
  }

  func testWideCharactersCountAsTwoColumns() {
    XCTAssertEqual(TextWrapper.displayWidth("日本語"), 6)
    XCTAssertEqual(TextWrapper.displayWidth("ok 👍"), 5)
    XCTAssertEqual(TextWrapper.displayWidth("👨‍👩‍👧"), 2)  // one emoji joined from three
    XCTAssertEqual(TextWrapper.displayWidth("❤️"), 2)  // shown as emoji by a variation selector
    XCTAssertEqual(TextWrapper.displayWidth("🇩🇪"), 2)
    XCTAssertEqual(TextWrapper.displayWidth("e\u{301}"), 1)
  }

  func testCJKWithoutSpacesBreaksBetweenCharacters() {
    let wrapped = TextWrapper.wrap("信頼は日々の小さな約束を守ることから生まれます", width: 10)
    for line in wrapped.split(separator: "\n") {
      XCTAssertLessThanOrEqual(TextWrapper.displayWidth(line), 10)
    }
    XCTAssertEqual(wrapped.replacingOccurrences(of: "\n", with: ""), "信頼は日々の小さな約束を守ることから生まれます")
  }

  func testEmojiAreNotSplitAndLinesFit() {
    let wrapped = TextWrapper.wrap("Great work 🎉🎉🎉 team 👨‍👩‍👧 thanks", width: 12)
    for line in wrapped.split(separator: "\n") {
      XCTAssertLessThanOrEqual(TextWrapper.displayWidth(line), 12, "\(line)")
    }
    XCTAssertTrue(wrapped.contains("👨‍👩‍👧"))
  }

  func testAWordLongerThanTheWidthIsCut() {
    let wrapped = TextWrapper.wrap("see https://example.com/a/very/long/path", width: 12)
    for line in wrapped.split(separator: "\n") {
      XCTAssertLessThanOrEqual(TextWrapper.displayWidth(line), 12, "\(line)")
    }
  }

  /// An escape sequence in a section title took the columns of its letters ("]0;PWNED…"), so a
  /// header that fits was broken in two: what is measured is what shows.
  func testHiddenTextTakesNoRoomAndNeverComesOut() {
    let hostile = "== Section \u{1B}]0;PWNED\u{7}\u{1B}[2J\u{9B}31m\u{202E}\u{200B}one: 1 of 2 =="
    let plain = "== Section one: 1 of 2 =="
    XCTAssertEqual(TextWrapper.wrap(hostile, width: 30), plain)
    XCTAssertEqual(TextWrapper.wrapKeepingWords(hostile, width: 30), plain)
  }

  func testAPathIsKeptWholeWhereItMustBeCopied() {
    XCTAssertEqual(
      TextWrapper.wrapKeepingWords(
        "Plan saved to /home/someone/.local/share/coach/plans/plan.md (today)", width: 20),
      "Plan saved to\n/home/someone/.local/share/coach/plans/plan.md\n(today)")
  }
}

final class TerminalTests: XCTestCase {
  func testColourFollowsTheConventions() {
    let tty = ["TERM": "xterm"]
    XCTAssertTrue(Terminal.usesColour(.auto, environment: tty, outputIsTerminal: true))
    XCTAssertFalse(Terminal.usesColour(.auto, environment: tty, outputIsTerminal: false))
    XCTAssertFalse(
      Terminal.usesColour(.auto, environment: ["TERM": "dumb"], outputIsTerminal: true))
    XCTAssertFalse(
      Terminal.usesColour(
        .auto, environment: ["TERM": "xterm", "NO_COLOR": "1"], outputIsTerminal: true))
    XCTAssertTrue(
      Terminal.usesColour(
        .auto, environment: ["TERM": "xterm", "NO_COLOR": ""], outputIsTerminal: true))
    XCTAssertTrue(
      Terminal.usesColour(.auto, environment: ["CLICOLOR_FORCE": "1"], outputIsTerminal: false))
    XCTAssertFalse(
      Terminal.usesColour(.auto, environment: ["CLICOLOR_FORCE": "0"], outputIsTerminal: false))
    XCTAssertTrue(
      Terminal.usesColour(.always, environment: ["NO_COLOR": "1"], outputIsTerminal: false))
    XCTAssertFalse(
      Terminal.usesColour(.never, environment: ["CLICOLOR_FORCE": "1"], outputIsTerminal: true))
  }

  func testHistoryLivesUnderAnAbsoluteXDGStateHome() {
    XCTAssertEqual(
      HistoryFile.location(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]), "/s/coach/history")
    XCTAssertEqual(
      HistoryFile.location(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"]),
      "/h/.local/state/coach/history")
    // Without HOME, the home folder comes from the password database, as for saved sessions.
    XCTAssertEqual(
      HistoryFile.location(environment: [:])?.hasSuffix("/.local/state/coach/history"), true)
  }
}

final class HistoryEntryTests: XCTestCase {
  func testCommandsAreKeptByNameOnly() {
    XCTAssertEqual(
      Conversation.historyEntry(
        for: Input("/quit my secret"), line: "/quit my secret", prompt: nil, accepted: false),
      "/quit")
    XCTAssertNil(
      Conversation.historyEntry(
        for: Input("/bogus words"), line: "/bogus words", prompt: nil, accepted: false))
  }
}
