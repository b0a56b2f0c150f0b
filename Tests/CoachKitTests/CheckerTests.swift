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
        "retro.yaml:4:1: error: the section budgets add up to 5 minutes (1 + 4), but the duration is 4; change a budget or the duration so that they match"
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

  func testAMisspeltGotoIsOneMessage() {
    // 'mood' and 'done' are not also unreachable, and 'team_size' can still end.
    let text = DialogueText.retro(("      - goto: mood", "      - goto: mod"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:23:19: error: no step has the id 'mod'; did you mean 'mood'?"])
  }

  func testAMisspeltNextToTheOnlyWayToTheEndIsOneMessage() {
    let text = DialogueText.retro(("          max: 5\n", "          max: 5\n        next: dne\n"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:37:15: error: no step has the id 'dne'; did you mean 'done'?"])
  }

  func testAGotoToAnUnknownStepWithNoLookalike() {
    let text = DialogueText.retro(("      - goto: mood", "      - goto: closing"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:23:19: error: no step has the id 'closing'"])
  }

  func testAnUnreachableStep() {
    let text = DialogueText.retro(
      ("      - goto: mood\n", "      - goto: mood\n      - id: warm_up\n        say: Stretch.\n"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:24:9: error: step 'warm_up' can never be reached: no step leads to it; add a 'goto: warm_up' or remove it"
      ])
  }

  func testTheLastStepNotFinalIsOneMessage() {
    let text = DialogueText.retro(
      ("        say: Thanks, that is all.\n        final: true\n", "        say: Thanks.\n"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:37:9: error: step 'done' is the last step but is not final; add 'final: true' or a 'next'"
      ])
  }

  func testAConditionalNextWithoutFallback() {
    let text = DialogueText.retro(
      ("      - goto: mood\n", "      - if: team_size <= 8\n            goto: mood\n"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:23:17: error: step 'team_size' has no way forward when no condition holds; end 'next' with a '- goto: …' that has no 'if'"
      ])
  }

  func testALoopWithNoExitIsReportedWhereItIsEntered() {
    let text = DialogueText.retro(
      (
        "firm timebox.\n",
        "firm timebox.\n        next: split\n      - id: split\n        ask:\n          type: yesno\n          prompt: Split it?\n        next: big\n"
      ))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:24:9: error: from step 'big' the session can never reach a final step; every path from here loops or stops"
      ])
  }

  func testALoopOfStepsThatAskNothingIsOneMessage() {
    let text = DialogueText.retro(
      (
        "firm timebox.\n",
        "firm timebox.\n        next: again\n      - id: again\n        say: Again.\n        next: big\n"
      ))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:24:9: error: step 'big' is on a loop of steps that ask nothing; the session would never stop talking"
      ])
  }

  func testALoopThatAsksAndHasAnExitIsFine() {
    let text = DialogueText.retro(
      (
        "firm timebox.\n",
        "firm timebox.\n      - id: split\n        ask:\n          type: yesno\n          prompt: Split it?\n        next:\n          - if: split\n            goto: big\n          - goto: mood\n"
      ))
    XCTAssertEqual(DialogueText.findings(text), [])
  }

  // MARK: - Text

  func testAnUnclosedSectionIsReportedWhereItOpens() {
    let text = DialogueText.retro(("With {{team_size}} people", "With {{#team_size}} people"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:25:19: error: malformed {{placeholder}}: {{#team_size}} is never closed with {{/team_size}}"
      ])
    let block = DialogueText.retro(
      (
        "say: Thanks, that is all.",
        "say: |\n          Thanks.\n          {{^mood}}No mood?{{/mood}} {{^mood}}Really.\n"
      ))
    XCTAssertEqual(
      DialogueText.findings(block),
      [
        "retro.yaml:40:38: error: malformed {{placeholder}}: {{^mood}} is never closed with {{/mood}}"
      ])
  }

  func testASectionClosedWithTheWrongName() {
    let text = DialogueText.retro(
      ("With {{team_size}} people", "With {{#team_size}}{{/team}} people"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:25:33: error: {{/team}} closes {{#team_size}}, which is the section open here: write {{/team_size}}"
      ])
  }

  // MARK: - Names read before they are set

  /// `retro` where step `big` (only when `team_size > 8`) asks for a timebox, and `done` says
  /// `doneText`.
  static func timebox(done doneText: String) -> String {
    DialogueText.retro(
      (
        "        say: With {{team_size}} people, a retro needs a firm timebox.\n",
        "        ask:\n          type: text\n          var: timebox\n          prompt: With {{team_size}} people, what timebox?\n"
      ),
      ("        say: Thanks, that is all.\n", "        say: \(doneText)\n"))
  }

  func testAVariableSetOnOneBranchOnlyIsReportedWhereItIsRead() {
    XCTAssertEqual(
      DialogueText.findings(Self.timebox(done: "Keep to {{timebox}}.")),
      [
        "retro.yaml:41:22: error: 'timebox' may not be set yet here: some paths reach step 'done' without asking step 'big'"
      ])
  }

  func testAConditionReadingALaterAnswer() {
    let text = DialogueText.retro(("if: team_size > 8", "if: team_size > 8 and mood < 3"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:21:35: error: 'mood' is not set yet here: no path reaches step 'team_size' after asking step 'mood'"
      ])
  }

  func testAComputedValueReadBeforeItsAnswers() {
    let text = DialogueText.retro(
      ("With {{team_size}} people", "With {{score}} people"),
      ("        final: true\n", "        final: true\n\ncomputed:\n  score: mood * 20\n"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:25:19: error: 'mood' (which 'score' needs) is not set yet here: no path reaches step 'big' after asking step 'mood'"
      ])
  }

  func testAnUnknownNameInTextSuggestsTheNameItMeans() {
    let text = DialogueText.retro(("With {{team_size}} people", "With {{team_sise}} people"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:25:19: error: unknown name 'team_sise'; did you mean 'team_size'?"])
  }

  func testAnUnknownNameInThePlanIsReported() {
    let text = DialogueText.retro(
      (
        "        final: true\n",
        "        final: true\n\nplan:\n  template: 'Mood: {{mod}}. {{#timebox}}{{minutes}}{{/timebox}}'\n"
      ))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:42:20: error: unknown name 'mod'; did you mean 'mood'?",
        "retro.yaml:42:29: error: unknown name 'timebox'; no question, computed value or flow parameter has that name",
      ])
  }

  func testAVariableSetBeforeABranchAndReadAfterTheJoinIsFine() {
    // team_size is asked before the branch to 'big' and read in 'done', after both paths join.
    let text = DialogueText.retro(
      ("say: Thanks, that is all.", "say: Thanks, all {{team_size}} of you."))
    XCTAssertEqual(DialogueText.findings(text), [])
  }

  func testAReadGuardedByASectionIsFine() {
    XCTAssertEqual(
      DialogueText.findings(
        Self.timebox(done: "Thanks{{#timebox}}, and keep to {{timebox}}{{/timebox}}.")), [])
    XCTAssertEqual(
      DialogueText.findings(Self.timebox(done: "Thanks{{^timebox}}, set a timebox{{/timebox}}.")),
      [])
  }

  func testAReadInsideASectionMayNameTheItemsFields() {
    let text = DialogueText.retro(
      ("say: Thanks, that is all.", "say: Thanks{{#team_size}} {{count}}{{/team_size}}."))
    XCTAssertEqual(DialogueText.findings(text), [])
  }

  func testAReadInTheConditionOfTheStepThatSetsItIsFine() {
    // The base dialogue's own 'if: team_size > 8' on step team_size; also through a computed value.
    let text = DialogueText.retro(
      ("if: team_size > 8", "if: crowd"),
      ("        final: true\n", "        final: true\n\ncomputed:\n  crowd: team_size > 8\n"))
    XCTAssertEqual(DialogueText.findings(text), [])
  }

  func testAReadOnTheOnlyPathWhereItIsSetIsFine() {
    // 'confirm' is only reached through 'big' (team_size > 8), which asks for the timebox.
    let text = DialogueText.retro(
      (
        "        say: With {{team_size}} people, a retro needs a firm timebox.\n",
        "        ask:\n          type: text\n          var: timebox\n          prompt: What timebox?\n      - id: confirm\n        say: Keep to {{timebox}}.\n        next:\n          - if: timebox == \"\"\n            goto: big\n          - goto: mood\n"
      ))
    XCTAssertEqual(DialogueText.findings(text), [])
  }

  /// A default may read its own question's answer: empty the first time, what was said before
  /// when the step is reached again (Enter keeps it). Any other later answer is still reported.
  func testADefaultMayReadItsOwnAnswerButNoLaterOne() {
    let own = DialogueText.retro(("      max: 5\n", "      max: 5\n          default: =mood\n"))
    XCTAssertEqual(DialogueText.findings(own), [])
    let later = DialogueText.retro(
      ("          prompt: How many people took part?\n", "          prompt: How many people took part?\n          default: =mood\n"))
    XCTAssertEqual(
      DialogueText.findings(later),
      [
        "retro.yaml:18:21: error: 'mood' is not set yet here: no path reaches step 'team_size' after asking step 'mood'"
      ])
  }
}
