import CoachKit
import XCTest

@testable import CoachTerminal

/// The plan laid out for a terminal, without a terminal.
final class PlanRendererTests: XCTestCase {
  private func plain(_ markdown: String, width: Int = 80) -> String {
    PlanRenderer(width: width, colours: false).render(markdown)
  }

  private func withoutColour(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }

  func testHeadingsAreUnderlinedByTheirDisplayWidth() {
    XCTAssertEqual(
      plain("# 計画 plan\n\n## Two\n\n### Three\n\n#### Four"),
      "計画 plan\n=========\n\nTwo\n---\n\nThree\n~~~~~\n\nFour")
  }

  func testTableColumnsAlignByDisplayWidthWithWideCharacters() {
    let table = plain(
      """
      | Team | Score | Note |
      |---|---:|:-:|
      | チーム | 7 | 👍 |
      | Tigers | 100 | ok |
      """)
    XCTAssertEqual(
      table,
      """
      Team   | Score | Note
      -------+-------+-----
      チーム |     7 |  👍
      Tigers |   100 |  ok
      """)
    for line in table.split(separator: "\n").dropFirst(2) {
      XCTAssertEqual(TextWrapper.displayWidth(line.prefix { $0 != "|" }), 7, String(line))
    }
  }

  func testATableWiderThanTheScreenWrapsItsCellsThenStacksItsRows() {
    let markdown = """
      | Area | Score (0–100) | Note |
      |---|---:|---|
      | Relationships (the four A's) | 75 | a long note that takes many columns to say |
      | Self | 31 | |
      """
    let wrapped = plain(markdown, width: 60)
    XCTAssertEqual(
      wrapped,
      """
      Area               | Score (0–100) | Note
      -------------------+---------------+----------------------
      Relationships (the |            75 | a long note that
      four A's)          |               | takes many columns to
                         |               | say
      Self               |            31 |
      """)
    for line in wrapped.split(separator: "\n") {
      XCTAssertLessThanOrEqual(TextWrapper.displayWidth(line), 60)
    }
    XCTAssertEqual(
      plain(markdown, width: 30),
      """
      • Area: Relationships (the
          four A's)
        Score (0–100): 75
        Note: a long note that
          takes many columns to say

      • Area: Self
        Score (0–100): 31
        Note:
      """)
  }

  func testNestedListsIndentUnderTheirBulletsAndNumbersLineUp() {
    let items = (1...10).map { "\($0). item \($0)" }.joined(separator: "\n")
    XCTAssertEqual(
      plain("- one\n  - two\n    - three\n      - four\n- back\n\n" + items, width: 40),
      """
      • one
        ◦ two
          ▪ three
            • four
      • back

       1. item 1
       2. item 2
       3. item 3
       4. item 4
       5. item 5
       6. item 6
       7. item 7
       8. item 8
       9. item 9
      10. item 10
      """)
    XCTAssertEqual(
      plain("- a list item long enough to wrap onto a second line", width: 24),
      "• a list item long\n  enough to wrap onto a\n  second line")
  }

  func testLongWordsAreCutToTheWidth() {
    let word = String(repeating: "x", count: 45)
    let shown = plain("- " + word, width: 30)
    XCTAssertEqual(shown, "• " + String(repeating: "x", count: 28) + "\n  " + String(repeating: "x", count: 17))
  }

  func testQuotesCodeAndRules() {
    XCTAssertEqual(
      plain("> quoted **words**\n\n```\n  keep   spacing\n```\n\n---\nafter", width: 30),
      "> quoted words\n\n    keep   spacing\n\n------------------------------\n\nafter")
  }

  func testColoursPaintTheSameLayout() {
    let markdown = """
      # Plan

      A **strong point that is long enough to wrap** and `code`.

      | a | b |
      |---|---|
      | x | y |
      """
    let coloured = PlanRenderer(width: 24, colours: true).render(markdown)
    XCTAssertEqual(withoutColour(coloured), plain(markdown, width: 24))
    XCTAssertTrue(coloured.hasPrefix("\u{1B}[1;36mPlan\u{1B}[0m\n"), coloured.debugDescription)
    // A style that runs onto the next line is closed at the line's end and opened again.
    XCTAssertTrue(
      coloured.contains("A \u{1B}[1mstrong point that is\u{1B}[0m\n\u{1B}[1mlong enough to wrap\u{1B}[0m and"),
      coloured.debugDescription)
    XCTAssertTrue(coloured.contains("\u{1B}[36mcode\u{1B}[0m"), coloured.debugDescription)
  }

  /// A plan as a golden transcript shows it: from its title to the line after it.
  private func goldenPlan(_ file: String, title: String) throws -> String {
    let golden = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../CoachEndToEndTests/Fixtures/" + file), encoding: .utf8)
    let start = try XCTUnwrap(golden.range(of: "# " + title)).lowerBound
    return String(golden[start...]).components(separatedBy: "\nThe session is complete.")[0]
  }

  func testTheShippedPlansFitEveryWidth() throws {
    let plans = [
      (try goldenPlan("golden/self.out", title: "My trust plan"), "My trust plan"),
      (try goldenPlan("checkin/after-14-days.out", title: "Updated trust plan"), "Updated trust plan: Yourself"),
    ]
    for (plan, title) in plans {
      for width in [24, 50, 60, 80, 120] {
        let shown = plain(plan, width: width)
        // Code (the check-in's before/after chart) keeps its lines; everything else fits.
        for line in shown.split(separator: "\n") where !line.contains("░") || !line.hasPrefix("  ") {
          XCTAssertLessThanOrEqual(TextWrapper.displayWidth(line), width, "\(width): \(line)")
        }
        if title.count <= width {
          XCTAssertTrue(shown.hasPrefix(title + "\n" + String(repeating: "=", count: title.count)))
        }
        XCTAssertFalse(shown.contains("**"), "\(width)")
      }
    }
    XCTAssertTrue(
      plain(plans[0].0, width: 80).contains(
        "Within myself    |            31 | ██████░░░░░░░░░░░░░░ | priority"))
  }

  func testScreenRowsCountLinesTheTerminalWraps() {
    XCTAssertEqual(PlanView.screenRows(of: "a\n\nb", width: 10), 3)
    XCTAssertEqual(PlanView.screenRows(of: String(repeating: "x", count: 25), width: 10), 3)
    XCTAssertEqual(PlanView.screenRows(of: "\u{1B}[1m" + String(repeating: "x", count: 10) + "\u{1B}[0m", width: 10), 1)
  }

  func testThePagerIsTheUsersUnlessTheTerminalIsDumb() {
    XCTAssertEqual(Pager.preferred(environment: ["TERM": "xterm"])?.command, "less -R")
    XCTAssertEqual(Pager.preferred(environment: ["TERM": "xterm"])?.environment["LESS"], "FRX")
    XCTAssertEqual(
      Pager.preferred(environment: ["TERM": "xterm", "LESS": "S"])?.environment["LESS"], "S")
    XCTAssertEqual(Pager.preferred(environment: ["TERM": "xterm", "PAGER": "most"])?.command, "most")
    XCTAssertNil(Pager.preferred(environment: ["TERM": "xterm", "PAGER": " "]))
    XCTAssertNil(Pager.preferred(environment: ["TERM": "dumb"]))
  }
}
