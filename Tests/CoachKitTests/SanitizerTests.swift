import CoachKit
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
    XCTAssertEqual(Sanitizer.clean("two\nlines", limit: 100), "twolines")
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
