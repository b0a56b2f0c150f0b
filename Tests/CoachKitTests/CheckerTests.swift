import XCTest

@testable import CoachKit

/// The checker, in memory: each rule finds its mistake with one message at the right place, and
/// valid dialogues are not flagged.
final class CheckerTests: XCTestCase {
  // MARK: - Agenda

  func testBudgetsThatDoNotAddUpToTheDuration() {
    let text = DialogueText.retro(("budget: 3", "budget: 4"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:1:1: error: the section budgets add up to 5 minutes (1 + 4), but the duration is 4"
      ])
  }

  func testAnUnreadableBudgetIsNotAlsoASumThatDoesNotAddUp() {
    let text = DialogueText.retro(("budget: 3", "budget: three"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:29:13: error: budget (minutes) should be a number, not 'three'"])
    let negative = DialogueText.retro(("budget: 3", "budget: -3"))
    XCTAssertEqual(
      DialogueText.findings(negative),
      ["retro.yaml:29:13: error: budget should be 0 minutes or more"])
  }

  func testASectionWithoutAnIDKeepsItsSteps() {
    let text = DialogueText.retro(
      ("  - id: feelings\n    title: Feelings\n", "  - title: Feelings\n"))
    XCTAssertEqual(DialogueText.findings(text), ["retro.yaml:27:5: error: this section needs 'id'"])
  }

  // MARK: - Steps and where they lead

  func testAStartThatNamesAnUnknownStepPointsAtStart() {
    let text = DialogueText.retro(("start: hello", "start: helo"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:5:8: error: start: no step has the id 'helo'; did you mean 'hello'?"])
  }
}
