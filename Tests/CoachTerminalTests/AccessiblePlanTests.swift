import CoachKit
import XCTest

@testable import CoachTerminal

/// The plan in accessible mode, for a screen reader: tables read as sentences, no charts drawn in
/// block characters, no underlines or rules to be read out as punctuation.
final class AccessiblePlanTests: XCTestCase {
  private func spoken(_ markdown: String, width: Int = 80) -> String {
    PlanRenderer(width: width, colours: false, accessible: true).render(markdown)
  }

  func testATableRowReadsAsASentenceWithoutItsChart() {
    let table = SpokenTable(
      header: ["Area", "Score (0–100)", "Chart", "Band"],
      rows: [
        ["Yourself", "56", "███████████░░░░░░░░░", "build"],
        ["Systems", "", "░░░░░░░░░░░░░░░░░░░░", "not rated"],
      ])
    XCTAssertEqual(
      table.sentences(),
      ["Yourself: score 56 of 100, band build.", "Systems: band not rated."])
  }

  func testAnEmptyTableToFillInIsSaidAsSuch() {
    let table = SpokenTable(
      header: ["Date", "What I did", "What happened", "What next"],
      rows: Array(repeating: ["", "", "", ""], count: 3))
    XCTAssertEqual(
      table.sentences(),
      [
        "A table to fill in, with the columns Date, What I did, What happened and What next, and 3 empty rows."
      ])
    let mixed = SpokenTable(header: ["Who", "CPU"], rows: [["Ana", "3"], ["", ""]])
    XCTAssertEqual(mixed.sentences(), ["Ana: CPU 3.", "And 1 empty row to fill in."])
  }

  func testTheShippedPlanReadsWithoutBarsUnderlinesOrMarkdown() throws {
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "CoachEndToEndTests/Fixtures/golden/self.out")
    let output = try String(contentsOf: golden, encoding: .utf8)
    let start = try XCTUnwrap(output.range(of: "# My trust plan")).lowerBound
    let end = try XCTUnwrap(output.range(of: "\nThe session is complete.")).lowerBound
    let plan = String(output[start..<end])
    for width in [50, 80] {
      let shown = spoken(plan, width: width)
      for mark in ["█", "░", "===", "---", "**", "`", "| "] {
        XCTAssertFalse(shown.contains(mark), "\(width): '\(mark)' in \(shown)")
      }
      XCTAssertTrue(shown.hasPrefix("My trust plan\n\n"), shown)
      for line in shown.split(separator: "\n") {
        XCTAssertLessThanOrEqual(TextWrapper.displayWidth(line), width, String(line))
      }
    }
    let shown = spoken(plan)
    XCTAssertTrue(shown.contains("\nWithin myself: score 31 of 100, band priority.\n"), shown)
    XCTAssertTrue(shown.contains("A table to fill in, with the columns Date,"), shown)
  }

  func testQuotesCodeAndRulesReadAloud() {
    XCTAssertEqual(
      spoken("> Keep going.\n\n---\n\n```\n  before  ██████░░░░ 31\n```"),
      "Quote: Keep going.\n\nbefore 31")
  }
}
