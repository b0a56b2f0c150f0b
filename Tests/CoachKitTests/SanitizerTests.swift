@testable import CoachKit
import XCTest

/// What a person typed can never drive the terminal it is shown on.
final class SanitizerTests: XCTestCase {
  func testEscapeSequencesAndControlsAreRemoved() {
    XCTAssertEqual(Sanitizer.clean("a\u{1B}[2Jb"), "ab")
    XCTAssertEqual(Sanitizer.clean("a\u{1B}]0;evil title\u{07}b"), "ab")
    XCTAssertEqual(Sanitizer.clean("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b"), "alinkb")
    XCTAssertEqual(Sanitizer.clean("a\u{9B}31mb"), "ab")
    XCTAssertEqual(Sanitizer.clean("tab\there"), "tab here")
    XCTAssertEqual(Sanitizer.clean("nul\u{0}bell\u{7}del\u{7F}"), "nulbelldel")
    XCTAssertEqual(Sanitizer.clean("right\u{202E}to left"), "rightto left")
    XCTAssertEqual(Sanitizer.clean("two\nlines"), "two\nlines")
    XCTAssertEqual(Sanitizer.clean("two\nlines", limit: 100), "two lines")
  }

  func testOrdinaryTextIsKept() {
    for text in ["Hello, world!", "Ünïcödé ✓ 你好 👍🏽", "a < b & c > d", "50% \"quoted\" 'single'"] {
      XCTAssertEqual(Sanitizer.clean(text), text)
    }
  }

  func testLimitShortens() {
    XCTAssertEqual(Sanitizer.clean("abcdef", limit: 3), "abc…")
  }
}

/// The plan's Markdown as HTML in the HTML export.
final class MarkdownHTMLTests: XCTestCase {
  func testHeadingsListsTablesAndCode() {
    let html = MarkdownHTML.render(
      """
      # Plan
      Some **bold** and _italic_ text,
      on two lines.

      - one
      - two

      | area | score |
      |---|---:|
      | Self | 31 |

      ```
      before  ████░░ 31
      ```
      ---
      """)
    XCTAssertEqual(
      html,
      """
      <h1>Plan</h1>
      <p>Some <strong>bold</strong> and <em>italic</em> text,<br>
      on two lines.</p>
      <ul>
      <li>one</li>
      <li>two</li>
      </ul>
      <table>
      <tr><th>area</th><th style="text-align: right">score</th></tr>
      <tr><td>Self</td><td style="text-align: right">31</td></tr>
      </table>
      <pre><code>before  ████░░ 31</code></pre>
      <hr>

      """)
  }

  func testEmptyRowsOfATableToFillInAreKeptAndListsNest() {
    let html = MarkdownHTML.render(
      "| Date | What I did |\n|---|---|\n| | |\n| | |\n\n- a\n  - b\n- c")
    XCTAssertEqual(html.components(separatedBy: "<tr><td></td><td></td></tr>").count, 3, html)
    XCTAssertTrue(html.hasSuffix("<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ul>\n"), html)
  }

  func testTypedTextNeverBecomesMarkup() {
    XCTAssertEqual(
      MarkdownHTML.render("- <script>alert(1)</script> & snake_case_name"),
      "<ul>\n<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; snake_case_name</li>\n</ul>\n")
  }
}
