import CoachKit
import CoachWording
import XCTest

/// The core says why by a code; the words a person reads, and what a host's controls are
/// called, come from CoachWording.
final class RejectionTextTests: XCTestCase {
  let everyCode: [Rejection.Code] = [
    .answerNeeded, .tooLong(expected: .yesOrNo), .tooFewCharacters(minimum: 2, length: 1),
    .tooManyCharacters(maximum: 5, length: 9), .notTheExpectedForm(hint: nil),
    .notTheExpectedForm(hint: "a day"), .optionNeeded(count: 3), .notAnOptionNumber(9, count: 3),
    .notAnOption("x", count: 3), .ambiguousOption("ev", labels: ["Every week", "Every day"]),
    .pickedAlone(label: "None"), .wrongNumberOfPicks(minimum: 1, maximum: 2, picked: 3),
    .notANumber("x", expected: .wholeNumber(from: 1, to: 5)),
    .notAWholeNumber("1.5", expected: .number(.init(min: 1, max: 9))),
    .tooLow(value: 0, minimum: 1, expected: .wholeNumber(from: 1, to: 5)),
    .tooHigh(value: 6, maximum: 5, expected: .wholeNumber(from: 1, to: 5)), .notYesOrNo,
    .tooManyRatings(given: 4, remaining: 3), .extensionOutOfRange(minimum: 1, maximum: 120),
    .nothingToPark,
  ]

  func testTheCoreNamesNoCommands() {
    for code in everyCode {
      XCTAssertFalse(Rejection(code).reason.contains("/"), "\(code)")
    }
  }

  func testATerminalNamesItsCommands() {
    XCTAssertEqual(
      RejectionText.sentence(Rejection(.tooManyRatings(given: 3, remaining: 1))),
      "Sorry, that is 3 ratings, but only 1 more is expected; /next closes the round.")
    XCTAssertEqual(
      RejectionText.sentence(Rejection(.extensionOutOfRange(minimum: 1, maximum: 120))),
      "Sorry, extend by a number of minutes from 1 to 120, e.g. /extend 2.")
    XCTAssertEqual(
      RejectionText.sentence(Rejection(.nothingToPark)),
      "Sorry, say what to park, e.g. /park hiring freeze.")
  }

  func testAPageNamesItsButtons() {
    let buttons = CommandNames(
      skip: "Skip", next: "Next", resume: "Resume", extend: "More time",
      extendExample: "More time", parkExample: "Park")
    XCTAssertEqual(
      RejectionText.sentence(Rejection(.tooManyRatings(given: 2, remaining: 0)), commands: buttons),
      "Sorry, that is 2 ratings, but everyone has rated; Next closes the round.")
    XCTAssertEqual(
      RejectionText.sentence(Rejection(.tooHigh(value: 6, maximum: 5, expected: .wholeNumber(from: 1, to: 5)))),
      "Sorry, 6 is more than 5; enter a whole number from 1 to 5.")
  }

  func testTheInstructionFollowsUnlessTheReasonSaysWhatIsExpected() {
    XCTAssertFalse(
      RejectionText.isFollowedByInstruction(Rejection(.notTheExpectedForm(hint: "a day"))))
    XCTAssertTrue(RejectionText.isFollowedByInstruction(Rejection(.notTheExpectedForm(hint: nil))))
    XCTAssertTrue(RejectionText.isFollowedByInstruction(Rejection(.answerNeeded)))
    // The reason says the range already: "Sorry, 6 is more than 5; enter a whole number from 1
    // to 5." is not followed by "Enter 1 to 5." again.
    let range = Rejection.Expected.wholeNumber(from: 1, to: 5)
    XCTAssertFalse(
      RejectionText.isFollowedByInstruction(
        Rejection(.tooHigh(value: 6, maximum: 5, expected: range))))
    XCTAssertFalse(RejectionText.isFollowedByInstruction(Rejection(.notAnOption("x", count: 3))))
  }
}
