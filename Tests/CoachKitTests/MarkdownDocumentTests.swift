import CoachKit
import XCTest

/// The plan's Markdown as the renderers see it: the subset docs/dialogue-format.md promises.
final class MarkdownDocumentTests: XCTestCase {
  private func blocks(_ markdown: String) -> [MarkdownBlock] {
    MarkdownDocument(parsing: markdown).blocks
  }

  func testInlineMarkup() {
    XCTAssertEqual(
      MarkdownInline.parse("**Focus:** `coach sessions` _now_ and *then*"),
      [
        .strong([.text("Focus:")]), .text(" "), .code("coach sessions"), .text(" "),
        .emphasis([.text("now")]), .text(" and "), .emphasis([.text("then")]),
      ])
    XCTAssertEqual(
      MarkdownInline.parse("**bold with *emphasis* inside**"),
      [.strong([.text("bold with "), .emphasis([.text("emphasis")]), .text(" inside")])])
  }

  func testDelimitersThatDoNotPairStayText() {
    for text in [
      "snake_case_name", "3 * 4 * 5", "a ** b", "unclosed **bold", "`unclosed code",
      "file_name_here and other_name",
    ] {
      XCTAssertEqual(MarkdownInline.parse(text), [.text(text)], text)
    }
    XCTAssertEqual(MarkdownInline.parse(#"\*not emphasis\*"#), [.text("*not emphasis*")])
    XCTAssertEqual(MarkdownInline.parse("`a ** b` **c**"), [.code("a ** b"), .text(" "), .strong([.text("c")])])
    XCTAssertEqual(MarkdownInline.parse("`` a`b ``"), [.code("a`b")])
  }

  func testHeadingsParagraphsRulesAndCode() {
    XCTAssertEqual(
      blocks(
        """
        # Plan #
        One paragraph
        on two lines.

        ---
        ```
          before  ████ 31
        ```
        ###### six
        #hashtag
        """),
      [
        .heading(level: 1, [.text("Plan")]),
        .paragraph([.text("One paragraph\non two lines.")]),
        .rule,
        .code(["  before  ████ 31"]),
        .heading(level: 6, [.text("six")]),
        .paragraph([.text("#hashtag")]),
      ])
  }

  func testNestedListsAndLazyLines() {
    XCTAssertEqual(
      blocks(
        """
        - **Worth attention**
          - at the very bottom
          - the credit
            went to you
        - second
        1. first
        2. second
        """),
      [
        .list(
          MarkdownList(
            ordered: false, start: 1,
            items: [
              [
                .paragraph([.strong([.text("Worth attention")])]),
                .list(
                  MarkdownList(
                    ordered: false, start: 1,
                    items: [
                      [.paragraph([.text("at the very bottom")])],
                      [.paragraph([.text("the credit\nwent to you")])],
                    ])),
              ],
              [.paragraph([.text("second")])],
            ])),
        .list(
          MarkdownList(
            ordered: true, start: 1,
            items: [[.paragraph([.text("first")])], [.paragraph([.text("second")])]])),
      ])
    XCTAssertEqual(
      blocks("3) three\n\n4) four\nlazy"),
      [
        .list(
          MarkdownList(
            ordered: true, start: 3,
            items: [[.paragraph([.text("three")])], [.paragraph([.text("four\nlazy")])]]))
      ])
  }

  func testTablesNeedADelimiterRowAndKeepEmptyRows() {
    XCTAssertEqual(
      blocks(
        """
        | Area | Score | Chart |
        |:---|---:|:-:|
        | Self | 31 | `█|░` |
        | | | |
        | only one
        """),
      [
        .table(
          MarkdownTable(
            header: [[.text("Area")], [.text("Score")], [.text("Chart")]],
            alignments: [.left, .right, .centre],
            rows: [
              [[.text("Self")], [.text("31")], [.code("█|░")]],
              [[], [], []],
              [[.text("only one")], [], []],
            ]))
      ])
    XCTAssertEqual(blocks("| a | b |\nno delimiter"), [.paragraph([.text("| a | b |\nno delimiter")])])
    XCTAssertEqual(
      blocks("| a | b |\n|---|\n"), [.paragraph([.text("| a | b |\n|---|")])],
      "a delimiter row with another number of cells is no table")
  }

  func testQuotes() {
    XCTAssertEqual(
      blocks("> a quote\n> - with a list\n\nafter"),
      [
        .quote([
          .paragraph([.text("a quote")]),
          .list(MarkdownList(ordered: false, start: 1, items: [[.paragraph([.text("with a list")])]])),
        ]),
        .paragraph([.text("after")]),
      ])
  }

  func testDeepNestingIsBoundedAndNeverFails() {
    let deep = (0..<200).map { String(repeating: "  ", count: $0) + "- level \($0)" }.joined(
      separator: "\n")
    XCTAssertFalse(blocks(deep).isEmpty)
    let quotes = String(repeating: ">", count: 5000) + " deep"
    XCTAssertFalse(blocks(quotes).isEmpty)
    let stars = String(repeating: "**a ", count: 3000)
    XCTAssertFalse(MarkdownInline.parse(stars).isEmpty)
  }

  func testTheTrustFirstPlanTemplateReadsAsItsSections() throws {
    let golden = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../CoachEndToEndTests/Fixtures/golden/self.out"), encoding: .utf8)
    let start = try XCTUnwrap(golden.range(of: "# My trust plan")).lowerBound
    let document = MarkdownDocument(
      parsing: String(golden[start...]).components(separatedBy: "\nThe session is complete.")[0])
    let headings = document.blocks.compactMap { block -> String? in
      if case .heading(_, let text) = block { return MarkdownInline.plainText(text) }
      return nil
    }
    XCTAssertEqual(headings.first, "My trust plan")
    XCTAssertTrue(headings.contains("6. Progress log"))
    let tables = document.blocks.compactMap { block -> MarkdownTable? in
      if case .table(let table) = block { return table }
      return nil
    }
    XCTAssertEqual(tables.map(\.rows.count), [5, 3])
    XCTAssertEqual(tables.first?.alignments, [.left, .right, .left, .left] as [MarkdownTable.Alignment])
  }
}
