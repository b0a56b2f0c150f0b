import CoachKit
import CoachWording
import XCTest

@testable import CoachTerminal

/// The shared screen fits the projector's window: the header and both clocks always on top, the
/// prompt's row kept free, text reflowed the same way as everywhere else, and what does not fit
/// cut in order of need, each cut saying so.
final class SharedScreenTests: XCTestCase {
  /// The options step of the default session: the step's text, a long question and seven long
  /// options, as at a room.
  func optionsStep() -> SharedScreen.Content {
    var content = SharedScreen.Content()
    content.heading = "Options · section 10 of 12"
    content.clock = "Options: 0:00 of 1:30 · session 12:25 of 20:00"
    content.compactClock = "0:00/1:30 · session 12:25/20:00"
    content.join = "Join: http://192.168.1.23:51234/ · code K7QM3X · 6 phones joined"
    content.said = [
      """
      Now pick one to three actions for Safe haven. Fewer is stronger: plans with one clear
      action get done more often than plans with many. Each action on the menu is a small,
      concrete habit; "My own idea" lets you write your own.
      """
    ]
    content.summary = TeamSummaryText.lines(
      for: TeamSummary(values: [2, 3, 3, 4], scale: .init(min: 1, max: 5), leaderRating: 4))
    content.question =
      ["Which actions will you take to make your team a safer haven? Pick one to three."]
      + (1...7).map {
        "  \($0)) At the next team meeting, tell the team about a mistake of your own and what you learned"
      } + ["Pick 1 to 3: numbers separated by commas or spaces (1 to 7)."]
    return content
  }

  func testEveryScreenFitsItsWindowAndKeepsItsHeaderAndClocks() {
    for (width, height) in [(80, 24), (100, 40), (60, 20), (40, 12)] {
      let layout = SharedScreen.layout(optionsStep(), width: width, height: height)
      let lines = layout.lines.map(\.text)
      XCTAssertLessThanOrEqual(lines.count, height - 1, "\(width)×\(height): the prompt's row")
      for line in lines {
        XCTAssertLessThanOrEqual(
          TextWrapper.displayWidth(line), width, "\(width)×\(height): \(line)")
      }
      XCTAssertTrue(
        lines.prefix(3).contains { $0.contains("Options · section 10 of 12") }, "\(lines)")
      let clock = try? XCTUnwrap(layout.clockRow)
      XCTAssertEqual(
        clock.map { lines[$0 - 1] }?.contains(
          width < 60 ? "session 12:25/20:00" : "session 12:25 of 20:00"),
        true, "\(lines)")
      XCTAssertTrue(
        lines.contains { $0.contains("Pick 1 to 3") }, "the instruction stays: \(lines)")
    }
  }

  func testWhatIsCutSaysSoAndABigWindowCutsNothing() {
    let small = SharedScreen.layout(optionsStep(), width: 80, height: 24).lines.map(\.text)
    XCTAssertTrue(small.contains { $0.hasSuffix("…") }, "\(small)")
    let big = SharedScreen.layout(optionsStep(), width: 100, height: 60).lines.map(\.text)
    XCTAssertFalse(big.contains { $0.hasSuffix("…") }, "\(big)")
    XCTAssertTrue(big.contains { $0.contains("│") || $0.contains("|") }, "the histogram shows")
    XCTAssertEqual(big.first, "", "a blank first row when there is room")
  }

  func testTheDialoguesLineBreaksDoNotMakeRaggedText() {
    let lines = SharedScreen.layout(optionsStep(), width: 100, height: nil).lines.map(\.text)
    XCTAssertTrue(
      lines.contains {
        $0.contains("Fewer is stronger: plans with one clear action")
      }, "one paragraph, wrapped to the screen: \(lines)")
  }

  func testACutLineEndsAtAWordWithAnEllipsis() {
    XCTAssertEqual(
      TextWrapper.cut("What already works there that you can lean on?", to: 24),
      "What already works…")
    XCTAssertEqual(TextWrapper.cut("Short", to: 24), "Short")
    XCTAssertEqual(TextWrapper.cut("Supercalifragilistic", to: 8), "Superca…")
    XCTAssertEqual(TextWrapper.cut("One, two, three", to: 10), "One, two…")
  }

  func testThePlanOnTheProjectorShowsNoPathsOfThisComputer() {
    let plan = """
      Kept: /home/ana/.local/share/coach/plans/2026-11-29-trust-first.md and ~/plans/x.ics.
      Run coach sessions, or /next, or see http://example.org/a/b.
      """
    let shown = Conversation.withoutPaths(plan)
    XCTAssertFalse(shown.contains("/home/ana"), shown)
    XCTAssertFalse(shown.contains("~/plans"), shown)
    XCTAssertTrue(shown.contains("Kept: (a file on this computer)"), shown)
    XCTAssertTrue(shown.contains("/next"), "a command is no path")
    XCTAssertTrue(shown.contains("http://example.org/a/b"), "nor is an address")
  }
}

/// What the screens that are drawn in place (the shared screen's live rows, the presenter view)
/// write: coach's own cursor moves, and text cleaned like any other.
final class DrawnInPlaceTests: XCTestCase {
  func testALiveRowKeepsItsCursorMovesAndLosesWhatTheTextCarried() {
    var written: [TerminalText] = []
    var count = "2 of 6 rated\u{1B}]0;retitled\u{7}\u{202E}"
    let watcher = SharedScreenWatcher(
      rows: [.init(row: 5, text: { count }, shown: "")], margin: "  ",
      redrawNeeded: { false }, write: { written.append($0) })
    _ = watcher.whileWaiting()
    XCTAssertEqual(written.map(\.rendered), ["\u{1B}7\u{1B}[5;1H\u{1B}[2K  2 of 6 rated\u{1B}8"])
    _ = watcher.whileWaiting()
    XCTAssertEqual(written.count, 1, "an unchanged row is not written again")
    count = "3 of 6 rated"
    _ = watcher.whileWaiting()
    XCTAssertEqual(written.last?.rendered, "\u{1B}7\u{1B}[5;1H\u{1B}[2K  3 of 6 rated\u{1B}8")
  }

  func testARedrawnScreenGoesHomeClearsEachLineAndCleansIt() {
    let screen = TerminalText.redrawn("PRESENTER VIEW\nnote \u{1B}[2Jhere\u{9B}31m\n")
    XCTAssertEqual(
      screen.rendered, "\u{1B}[HPRESENTER VIEW\u{1B}[K\r\nnote here\u{1B}[K\u{1B}[J")
  }
}
