import XCTest

@testable import CoachKit

/// The loader, in memory: what it reports for text that does not fit the format, and that one
/// mistake gives one message.
final class LoaderTests: XCTestCase {
  func testTheBaseDialogueIsClean() {
    XCTAssertEqual(DialogueText.findings(DialogueText.retro), [])
    let result = DialogueLoader().load(text: DialogueText.retro, name: "retro.yaml")
    XCTAssertEqual(result.dialogue?.steps.map(\.id), ["hello", "team_size", "big", "mood", "done"])
  }

  func testAMisspeltTopLevelKeyIsReportedOnceAndReadAsTheKeyItMeans() {
    let text = DialogueText.retro(("title: A short", "titel: A short"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:3:1: error: unknown key 'titel' in the dialogue; did you mean 'title'?"])
  }

  func testAMisspeltStepKeyIsReadAsTheKeyItMeans() {
    // Without recovery, 'done' would also be "the last step but not final".
    let text = DialogueText.retro(("        final: true", "        fianl: true"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:39:9: error: unknown key 'fianl' in a step; did you mean 'final'?"])
  }

  func testAMisspellingOfAKeyThatIsAlsoWrittenIsOnlyReported() {
    let text = DialogueText.retro(
      ("title: A short retro check\n", "title: A short retro check\ntitel: Again\n"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:4:1: error: unknown key 'titel' in the dialogue; did you mean 'title'?"])
  }

  func testAnUnknownKeyWithNoLookalikeListsTheKeys() {
    let text = DialogueText.retro(
      ("        final: true", "        final: true\n        colour: red"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:40:9: error: unknown key 'colour' in a step; expected one of: id, say, ask, notes, next, final"
      ])
  }

  func testAKeyOfAnotherQuestionTypeSaysWhichTypesTakeIt() {
    let text = DialogueText.retro(
      ("      max: 50\n", "      max: 50\n          options: [small, big]\n"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:20:11: error: a number question has no 'options'; only choice and multi questions do"
      ])
    let pattern = DialogueText.retro(
      ("      max: 5\n", "      max: 5\n          pattern: '[0-9]+'\n"))
    XCTAssertEqual(
      DialogueText.findings(pattern),
      ["retro.yaml:37:11: error: a scale question has no 'pattern'; only text questions do"])
  }

  func testAMisspeltQuestionTypeIsReadAsTheTypeItMeans() {
    // Its variable stays known, so the condition and text that read it are not reported too.
    let text = DialogueText.retro(("type: number", "type: nubmer"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:16:17: error: unknown question type 'nubmer'; did you mean 'number'?"])
  }

  func testAnUnknownQuestionTypeWithNoLookalikeListsTheTypes() {
    let text = DialogueText.retro(("type: scale", "type: stars"))
    XCTAssertEqual(
      DialogueText.loaderFindings(text),
      [
        "retro.yaml:33:17: error: unknown question type 'stars'; expected one of: text, choice, multi, scale, number, yesno"
      ])
  }

  func testAQuestionWithoutAPromptStillSetsItsVariable() {
    let text = DialogueText.retro(("          prompt: How many people took part?\n", ""))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:16:11: error: this question needs 'prompt': the question as the person reads it"]
    )
  }
}
