@testable import CoachKit
import Foundation
import XCTest

/// What a person types, and the value (or the reason) it gives, for every question type.
final class AnswerParserTests: XCTestCase {
  let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
  lazy var options = [
    Option(value: "weekly", label: "Every week", synonyms: ["weekly"], location: here),
    Option(value: "monthly", label: "Every month", location: here),
    Option(value: "never", label: "Never", location: here),
  ]

  func parse(_ text: String, _ kind: AnswerKind) -> Result<Value, Rejection> {
    AnswerParser.parse(text, for: kind)
  }

  func reason(_ text: String, _ kind: AnswerKind) -> String? {
    if case .failure(let rejection) = parse(text, kind) { return rejection.reason }
    return nil
  }

  func testChoiceByNumberLabelValueSynonymAndPrefix() {
    let kind = AnswerKind.choice(options)
    for typed in ["1", "Every week", "every WEEK", "weekly", " 1 "] {
      XCTAssertEqual(try parse(typed, kind).get(), .text("weekly"), typed)
    }
    XCTAssertEqual(try parse("ne", kind).get(), .text("never"))
    XCTAssertEqual(try parse("every m", kind).get(), .text("monthly"))
    XCTAssertEqual(
      reason("ev", kind),
      "'ev' could be 'Every week', 'Every month'; type more of it, or its number")
    XCTAssertEqual(reason("4", kind), "4 is not an option; enter a number from 1 to 3")
    XCTAssertEqual(
      reason("daily", kind), "'daily' is not one of the options; enter a number from 1 to 3")
  }

  func testMultipleChoiceWithCommasOrSpaces() {
    let kind = AnswerKind.multipleChoice(options, minPicks: 1, maxPicks: 2)
    XCTAssertEqual(try parse("1,3", kind).get(), .list(["weekly", "never"]))
    XCTAssertEqual(
      try parse("3 1", kind).get(), .list(["weekly", "never"]), "kept in the options' order")
    XCTAssertEqual(try parse("never, every week", kind).get(), .list(["weekly", "never"]))
    XCTAssertEqual(try parse("1, 1", kind).get(), .list(["weekly"]), "a repeat counts once")
    XCTAssertEqual(reason("1 2 3", kind), "pick 1 to 2 (you picked 3)")
    XCTAssertEqual(reason("1, 9", kind), "9 is not an option; enter a number from 1 to 3")
  }

  func testAnExclusiveOptionStandsAlone() {
    let none = Option(value: "none", label: "None of these", isExclusive: true, location: here)
    let kind = AnswerKind.multipleChoice(options + [none], minPicks: 1, maxPicks: 4)
    XCTAssertEqual(try parse("4", kind).get(), .list(["none"]))
    XCTAssertEqual(
      reason("1, 4", kind), "'None of these' cannot be picked together with other options")
  }

  func testScaleTakesWholeNumbersInRangeAndTheEndLabels() {
    let kind = AnswerKind.scale(
      .init(min: 1, max: 5, minLabel: "Strongly disagree", maxLabel: "Strongly agree"))
    XCTAssertEqual(try parse("4", kind).get(), .number(4))
    XCTAssertEqual(try parse("strongly agree", kind).get(), .number(5))
    XCTAssertEqual(reason("0", kind), "0 is less than 1; enter a whole number from 1 to 5")
    XCTAssertEqual(reason("6", kind), "6 is more than 5; enter a whole number from 1 to 5")
    XCTAssertEqual(
      reason("3.5", kind), "3.5 is not a whole number; enter a whole number from 1 to 5")
    XCTAssertEqual(reason("lots", kind), "'lots' is not a number; enter a whole number from 1 to 5")
  }

  func testNumbersWholeOrDecimal() {
    let decimal = AnswerKind.number(.init(min: 0.25, max: 3, integer: false))
    XCTAssertEqual(try parse("0.5", decimal).get(), .number(0.5))
    XCTAssertEqual(reason("0.1", decimal), "0.1 is less than 0.25; enter a number from 0.25 to 3")
    XCTAssertEqual(reason("1e2", decimal), "'1e2' is not a number; enter a number from 0.25 to 3")
    XCTAssertEqual(reason("nan", decimal), "'nan' is not a number; enter a number from 0.25 to 3")
    let whole = AnswerKind.number(.init(min: nil, max: nil, integer: true))
    XCTAssertEqual(try parse("-3", whole).get(), .number(-3))
    XCTAssertEqual(reason("2.5", whole), "2.5 is not a whole number; enter a whole number")
  }

  func testYesNo() {
    for typed in ["y", "YES", "true"] {
      XCTAssertEqual(try parse(typed, .yesNo).get(), .bool(true), typed)
    }
    for typed in ["n", "No", "false"] {
      XCTAssertEqual(try parse(typed, .yesNo).get(), .bool(false), typed)
    }
    XCTAssertEqual(reason("maybe", .yesNo), "please answer yes or no (y or n)")
  }

  func testTextLengthAndPattern() {
    let kind = AnswerKind.text(
      .init(minLength: 2, maxLength: 5, pattern: "[A-Z][a-z]+", patternHint: "a capitalised word"))
    XCTAssertEqual(try parse("  Ana ", kind).get(), .text("Ana"))
    XCTAssertEqual(reason("A", kind), "please write at least 2 characters (this is 1)")
    XCTAssertEqual(reason("Annabel", kind), "please keep it to 5 characters (this is 7)")
    XCTAssertEqual(reason("ana", kind), "expected a capitalised word")
  }

  /// A pattern is compiled when first needed: one set later (or set again) is the one answers
  /// are checked against, and a pattern that does not compile checks nothing.
  func testPatternSetLaterIsTheOneUsed() {
    var rules = AnswerKind.TextRules(pattern: "[0-9]+")
    XCTAssertEqual(reason("ana", .text(rules)), "that does not have the expected form")
    rules.pattern = "[a-z]+"
    XCTAssertEqual(try parse("ana", .text(rules)).get(), .text("ana"))
    XCTAssertNotNil(reason("42", .text(rules)))
    rules.pattern = nil
    XCTAssertNil(rules.compiledPattern)
    XCTAssertEqual(try parse("42", .text(rules)).get(), .text("42"))
    rules.pattern = "("
    XCTAssertNil(rules.compiledPattern)
  }

  /// Answers are trimmed as Foundation's `trimmingCharacters(in:)` trims them, without it.
  func testTrimmingIsFoundations() {
    var blanks: [UInt32] = []
    var lineBreaks: [UInt32] = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      if scalar.isBlank != CharacterSet.whitespaces.contains(scalar) { blanks.append(value) }
      if scalar.isLineBreak != CharacterSet.newlines.contains(scalar) { lineBreaks.append(value) }
    }
    XCTAssertEqual(blanks, [], "blanks that differ from Foundation's")
    XCTAssertEqual(lineBreaks, [], "line breaks that differ from Foundation's")
    let samples = [
      "", " ", "\t a b \t", "\n\n Welcome.\n", "\u{A0}\u{3000}mot\u{2028}", "\r\n x \r\n",
      "\u{85}é\u{301} ", " \u{301}", "a", "\u{2003}\u{2029}\u{0B}", "\u{200B}x\u{200B}",
    ]
    for text in samples {
      XCTAssertEqual(text.trimmingBlanks(), text.trimmingCharacters(in: .whitespaces))
      XCTAssertEqual(text.trimmingLineBreaks(), text.trimmingCharacters(in: .newlines))
      XCTAssertEqual(
        text.trimmingBlanksAndLineBreaks(), text.trimmingCharacters(in: .whitespacesAndNewlines))
      let part = text.dropFirst()
      XCTAssertEqual(part.trimmingBlanks(), part.trimmingCharacters(in: .whitespaces))
    }
  }

  func testHugeAnswersAreRejectedNotCrashed() {
    let huge = String(repeating: "x", count: 1_000_000)
    XCTAssertEqual(
      reason(huge, .text(.init())), "please keep it to 2000 characters (this is 1000000)")
    XCTAssertNotNil(reason(huge, .number(.init())))
    XCTAssertNotNil(reason(huge, .choice(options)))
  }
}
