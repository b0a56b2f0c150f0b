import CoachWording
import Foundation
import XCTest

@testable import CoachKit

/// The words added for a conversation that never leaves a person guessing: how to leave, what `?`
/// says without help, what goes back on the line, the progress bar, and accessible mode's
/// sentences.
final class ConversationWordingTests: XCTestCase {
  let here = SourceLocation(file: "t.yaml", line: 1, column: 1)

  func options(_ labels: String...) -> [Option] {
    labels.enumerated().map {
      Option(value: "v\($0.offset + 1)", label: $0.element, location: here)
    }
  }

  func prompt(
    _ kind: AnswerKind, default defaultValue: Value? = nil, defaultText: String? = nil,
    optional: Bool = false, help: String? = nil
  ) -> Prompt {
    Prompt(
      stepID: "q", sectionID: "s", text: "The question?", help: help, kind: kind, variable: "q",
      defaultValue: defaultValue, defaultText: defaultText, isOptional: optional,
      isTeamQuestion: false, teamTurn: nil, stepNumber: 2, stepCount: 68)
  }

  func answer(_ value: Value, text: String, skipped: Bool = false) -> Answer {
    Answer(
      stepID: "q", sectionID: "s", question: "The question?", variable: "q", value: value,
      text: text, wasSkipped: skipped, at: Date(timeIntervalSince1970: 0))
  }

  // MARK: - Leaving

  func testHowToLeaveSaysWhatHappensToTheAnswersTruthfully() {
    let kept = LeavingText.howToLeave(isKept: true)
    XCTAssertTrue(kept.hasPrefix("To stop, type /quit (or press Ctrl-D twice on an empty line)"))
    XCTAssertTrue(kept.contains("your answers so far are kept, to go on later"), kept)
    let notKept = LeavingText.howToLeave(isKept: false)
    XCTAssertTrue(notKept.contains("nothing is saved"), notKept)
    XCTAssertFalse(notKept.contains("kept"), notKept)
    // The first Ctrl-D never promises what is not so.
    XCTAssertFalse(LeavingText.quitQuestion(isKept: false).contains("kept"))
    XCTAssertTrue(LeavingText.quitQuestion(isKept: true).contains("kept, to go on later"))
  }

  func testLeaveWordsAreWholeAnswersOnly() {
    XCTAssertEqual(LeavingText.leaveWord(in: "  Quit "), "quit")
    XCTAssertEqual(LeavingText.leaveWord(in: "EXIT"), "exit")
    XCTAssertEqual(LeavingText.leaveWord(in: "help"), "help")
    XCTAssertNil(LeavingText.leaveWord(in: "quit smoking"))
    XCTAssertNil(LeavingText.leaveWord(in: "/quit"))
    let atText = LeavingText.couldBeTheAnswer("exit", isKept: true)
    XCTAssertTrue(atText.contains("Did you mean to stop? Type /quit"), atText)
    XCTAssertTrue(atText.contains("To answer 'exit', press Enter"), atText)
    let help = LeavingText.notAnAnswer("help", isKept: true)
    XCTAssertTrue(help.contains("? gives help with it; /help lists the commands"), help)
  }

  func testQuestionMarkWithoutHelpSaysWhatKindOfAnswerFits() {
    let choice = PromptText.withoutHelp(for: prompt(.choice(options("Red", "Blue"))))
    XCTAssertTrue(choice.hasPrefix("There is no extra help for this question."), choice)
    XCTAssertTrue(choice.contains("type its number"), choice)
    XCTAssertTrue(choice.contains("Enter a number from 1 to 2."), choice)
    XCTAssertTrue(
      choice.hasSuffix("/help lists the commands; /back goes to the previous question."))
    let text = PromptText.withoutHelp(for: prompt(.text(.init(minLength: 3))))
    XCTAssertTrue(text.contains("your own words"), text)
    XCTAssertTrue(text.contains("At least 3 characters."), text)
  }

  // MARK: - Back on the line

  func testAnAnswerIsPutBackAsItCanBeTypedAgain() {
    let choice = prompt(.choice(options("Red", "Blue", "Green")))
    XCTAssertEqual(PromptText.typed(answer(.text("v2"), text: "Blue"), for: choice), "2")
    let picks = prompt(.multipleChoice(options("A", "B", "C"), minPicks: 1, maxPicks: 3))
    XCTAssertEqual(PromptText.typed(answer(.list(["v1", "v3"]), text: "A, C"), for: picks), "1, 3")
    XCTAssertEqual(PromptText.typed(answer(.bool(false), text: "no"), for: prompt(.yesNo)), "no")
    let number = prompt(.number(.init(min: 0, max: 10)))
    XCTAssertEqual(PromptText.typed(answer(.number(2.5), text: "2.5"), for: number), "2.5")
    let text = prompt(.text(.init()))
    XCTAssertEqual(
      PromptText.typed(answer(.text("my words"), text: "my words"), for: text), "my words")
    XCTAssertEqual(PromptText.typed(answer(.none, text: "", skipped: true), for: text), "")
    // And the notice says it.
    XCTAssertEqual(
      ReplyText.wentBack(undoing: answer(.text("v2"), text: "Blue")),
      "Back to the previous question. Your answer was: Blue")
    XCTAssertEqual(
      ReplyText.wentBack(undoing: answer(.none, text: "", skipped: true)),
      "Back to the previous question, which you had skipped.")
  }

  // MARK: - Progress

  func testProgressIsTheAgendaBehindTheSectionNotAStepCount() throws {
    let files = [
      "d.yaml": """
      format: 1
      id: d
      title: D
      duration: 10
      start: a
      sections:
        - id: one
          title: One
          budget: 2
          steps:
            - id: a
              ask: { type: yesno, prompt: A? }
        - id: two
          title: Two
          budget: 3
          steps:
            - id: b
              ask: { type: yesno, prompt: B? }
        - id: three
          title: Three
          budget: 5
          steps:
            - id: c
              ask: { type: yesno, prompt: C? }
      """
    ]
    let dialogue = try XCTUnwrap(
      DialogueLoader(source: .inMemory(files)).load(path: "d.yaml").dialogue)
    let third = SectionHeading(id: "three", title: "Three", number: 3, count: 3, budget: 5)
    XCTAssertEqual(ReplyText.progress(before: third, in: dialogue), 0.5, accuracy: 0.001)
    let first = SectionHeading(id: "one", title: "One", number: 1, count: 3, budget: 2)
    XCTAssertEqual(ReplyText.progress(before: first, in: dialogue), 0)
    XCTAssertEqual(ReplyText.bar(0.5), "█████░░░░░")
    XCTAssertEqual(ReplyText.bar(0), "░░░░░░░░░░")
    XCTAssertEqual(ReplyText.bar(1.7), "██████████")
    let header = ReplyText.header(third, progress: 0.5, elapsed: 42, planned: 600)
    XCTAssertEqual(header, "== Three: section 3 of 3 █████░░░░░ clock 0:42 of 10:00 ==")
    XCTAssertFalse(header.contains("step"))
  }

  // MARK: - Accessible mode

  func testAccessiblePromptsAreSentencesThatSayWhatToType() {
    let choice = prompt(
      .choice(options("Every week", "Every two weeks")), default: .text("v1"),
      defaultText: "Every week", help: "Some help")
    XCTAssertEqual(
      SpokenText.lines(for: choice),
      [
        "The question?", "Option 1: Every week.", "Option 2: Every two weeks.",
        "Type the number of an option, from 1 to 2, then press Enter. Enter alone chooses option 1. Type ? for help.",
      ])
    let scale = prompt(
      .scale(.init(min: 1, max: 5, minLabel: "Strongly disagree", maxLabel: "Strongly agree")))
    XCTAssertEqual(
      SpokenText.instruction(for: scale),
      "Type a whole number from 1 (Strongly disagree) to 5 (Strongly agree), then press Enter.")
    let yesNo = prompt(.yesNo, default: .bool(false), defaultText: "no")
    XCTAssertEqual(
      SpokenText.instruction(for: yesNo), "Type yes or no, then press Enter. Enter alone means no.")
    let optional = prompt(.text(.init()), optional: true)
    XCTAssertEqual(
      SpokenText.instruction(for: optional),
      "Type your answer, then press Enter. This question is optional: Enter alone skips it.")
    XCTAssertEqual(
      SpokenText.taken(answer(.text("v2"), text: "Every two weeks"), kind: choice.kind),
      "Your answer: Every two weeks.")
    XCTAssertEqual(
      SpokenText.taken(answer(.text("words"), text: "words"), kind: .text(.init())),
      "Answer taken.")
    let heading = SectionHeading(id: "r", title: "Rhythm", number: 2, count: 4, budget: 1)
    XCTAssertEqual(
      SpokenText.header(heading, elapsed: 42, planned: 1200),
      "Section 2 of 4: Rhythm. 1 minute planned; 0:42 of 20:00 so far.")
  }

  func testATeamsRatingsReadAsSentencesWithoutBars() {
    let summary = TeamSummary(
      values: [2, 4, 4, 5, 5], scale: .init(min: 1, max: 5), leaderRating: 5)
    let lines = SpokenText.teamSummary(summary)
    XCTAssertEqual(
      lines[0],
      "Team ratings: 5 responses. Median 4, lowest 2, highest 5; 80 % favourable (4 or more).")
    XCTAssertEqual(
      lines[1], "Rating 2: 1 response. Rating 4: 2 responses. Rating 5: 2 responses.")
    XCTAssertTrue(lines.contains("The leader's own rating: 5."), "\(lines)")
    for line in lines { XCTAssertFalse(line.contains("█"), line) }
  }

  func testChartsInTextAreLeftOutAndTheWordsStay() {
    XCTAssertEqual(
      SpokenText.withoutBars(
        "Here it is.\n\n  Yourself       31  ██████░░░░░░░░░░░░░░  priority\n  before  \u{3}███░\u{7} 12"
      ),
      "Here it is.\n\n  Yourself 31 priority\n  before 12")
    XCTAssertEqual(SpokenText.withoutBars("No   chart  here"), "No   chart  here")
  }
}
