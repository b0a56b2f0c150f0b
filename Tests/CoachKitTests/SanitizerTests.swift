import XCTest

@testable import CoachKit

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
    XCTAssertEqual(Sanitizer.clean("abc", limit: 3), "abc")
  }

  /// Characters that reorder text or hide it are removed wherever they are.
  func testBidiControlsAndInvisibleCharactersAreRemoved() {
    for hidden in [
      "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}",
      "\u{2068}",
      "\u{2069}", "\u{200E}", "\u{200F}", "\u{61C}", "\u{200B}", "\u{2060}", "\u{2063}", "\u{FEFF}",
      "\u{AD}", "\u{3164}", "\u{E0041}", "\u{E0001}", "\u{E007F}", "\u{2028}", "\u{0085}",
    ] {
      let cleaned = Sanitizer.clean("a\(hidden)b", limit: 10)
      XCTAssertTrue(
        cleaned == "ab" || cleaned == "a b", "\(hidden.unicodeScalars.first!.value): \(cleaned)")
    }
    // A joiner alone, at an edge or between ASCII letters hides something; a run of variation
    // selectors smuggles bytes.
    XCTAssertEqual(Sanitizer.clean("\u{200D}ab\u{200C}c\u{200D}"), "abc")
    XCTAssertEqual(Sanitizer.clean("❤\u{FE0F}\u{FE0F}\u{FE01}\u{E0100}"), "❤\u{FE0F}")
  }

  /// What real writing needs stays: joiners inside words and emoji, one variation selector, the
  /// tags of a subdivision flag.
  func testJoinersSelectorsAndFlagTagsInRealTextStay() {
    for text in [
      "👨\u{200D}👩\u{200D}👧", "می\u{200C}خواهم", "क्\u{200D}ष", "❤\u{FE0F}", "葛\u{E0100}",
      "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    ] {
      XCTAssertEqual(Sanitizer.clean(text), text)
    }
    // Tags after a flag: only a subdivision's letters and digits, a few of them.
    XCTAssertEqual(
      Sanitizer.clean(
        "🏴\u{E0041}\u{E0067}\u{E0062}\u{E0067}\u{E0062}\u{E0067}\u{E0062}\u{E0067}\u{E0062}"),
      "🏴\u{E0067}\u{E0062}\u{E0067}\u{E0062}\u{E0067}\u{E0062}\u{E0067}")
  }

  /// An escape sequence cut short, or interrupted, never swallows the text after it.
  func testEscapeSequencesEndWhereTheyMust() {
    XCTAssertEqual(Sanitizer.clean("a\u{1B}[31;é"), "aé")
    XCTAssertEqual(Sanitizer.clean("a\u{1B}[\u{1B}[2Jb"), "ab")
    XCTAssertEqual(Sanitizer.clean("a\u{1B}(Bb"), "ab")
    XCTAssertEqual(Sanitizer.clean("a\u{1B}"), "a")
    XCTAssertEqual(Sanitizer.clean("a\u{1B}é"), "aé")
    XCTAssertEqual(Sanitizer.clean("a\u{9D}title\u{9C}b"), "ab")
    XCTAssertEqual(Sanitizer.clean("x\r\ny"), "x\ny")
  }

  /// Cleaning twice changes nothing more.
  func testCleaningIsIdempotent() {
    let samples = [
      "a\u{1B}]0;t\u{7}b\u{200B}\u{200D}c", "👨\u{200D}\u{200B}👩", "x\u{FE0F}\u{FE0F}", "\u{1B}[",
    ]
    for sample in samples {
      let once = Sanitizer.clean(sample)
      XCTAssertEqual(Sanitizer.clean(once), once, sample.debugDescription)
    }
  }
}

/// Each output format's escaping, after the sanitiser.
final class EscapedTests: XCTestCase {
  func testMarkdownKeepsTypedTextAsText() {
    XCTAssertEqual(
      Escaped.markdown("<b>x</b> [a](javascript:y) *z* `c` #h |t|\u{1B}[2J"),
      ##"\<b\>x\</b\> \[a\](javascript:y) \*z\* \`c\` \#h \|t\|"##)
    XCTAssertEqual(Escaped.markdown("one\ntwo"), "one  \ntwo")
    XCTAssertEqual(Escaped.markdown("one\ntwo", hardBreaks: false), "one\ntwo")
    XCTAssertEqual(Escaped.markdownCell("a|b\nc"), #"a\|b c"#)
  }

  func testDotMermaidAndYamlStrings() {
    XCTAssertEqual(Escaped.dot("a\"b\\N\nc\u{1B}[2J"), #""a\"b\\N\nc""#)
    XCTAssertEqual(Escaped.mermaid("a\"<b>|#`&\nc"), "a#quot;#lt;b#gt;#124;#35;#96;#amp; c")
    XCTAssertEqual(Escaped.yaml("a\"\\\n\u{7}b"), #""a\"\\ b""#)
  }

  func testICSTextAndFolding() {
    XCTAssertEqual(Escaped.ics("a;b,c\\d\ne\u{1B}[2J"), #"a\;b\,c\\d\ne"#)
    // A character of 200 octets (a letter and 99 combining marks) is folded between its scalars.
    let long =
      "SUMMARY:" + "e" + String(repeating: "\u{301}", count: 99) + String(repeating: "x", count: 80)
    for line in Escaped.icsFolded(long).components(separatedBy: "\r\n") {
      XCTAssertLessThanOrEqual(line.utf8.count, 75)
      XCTAssertNotNil(String(validating: Array(line.utf8), as: UTF8.self))
    }
    var unfolded = Array(Escaped.icsFolded(long).utf8)
    while let fold = unfolded.firstRange(of: Array("\r\n ".utf8)) { unfolded.removeSubrange(fold) }
    XCTAssertEqual(unfolded, Array(long.utf8))
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
    XCTAssertTrue(
      html.hasSuffix("<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ul>\n"), html)
  }

  func testTypedTextNeverBecomesMarkup() {
    XCTAssertEqual(
      MarkdownHTML.render("- <script>alert(1)</script> & snake_case_name"),
      "<ul>\n<li>&lt;script&gt;alert(1)&lt;/script&gt; &amp; snake_case_name</li>\n</ul>\n")
  }
}
