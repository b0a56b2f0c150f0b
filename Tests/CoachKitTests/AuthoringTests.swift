import Foundation
import XCTest

@testable import CoachKit

/// The timing of paths, the runner of test cases and their coverage, in memory.
final class AuthoringTests: XCTestCase {
  func dialogue(_ text: String) throws -> Dialogue {
    let result = DialogueLoader().load(text: text, name: "d.yaml")
    XCTAssertEqual(result.diagnostics.map(\.description), [])
    return try XCTUnwrap(result.dialogue)
  }

  /// Reading one word, at 215 words a minute.
  static let word = 60 / 215.0

  /// A rating (4 s and its one-word prompt), then either a text (60 s and its prompt) or a say of
  /// 20 words, then a final say of one word.
  static let branching = """
    id: d
    title: D
    duration: 1
    sections:
      - id: s
        title: S
        budget: 1
        steps:
          - id: rate
            ask: {type: scale, prompt: Rate, min: 1, max: 5}
            next:
              - if: rate < 3
                goto: why
              - goto: note
          - id: why
            ask: {type: text, prompt: Why?}
            next: done
          - id: note
            say: one two three four five six seven eight nine ten one two three four five six seven eight nine ten
          - id: done
            say: Bye
            final: true
    """

  func testShortestExpectedAndLongestFollowTheBranches() throws {
    let timing = try XCTUnwrap(PathTiming(dialogue(Self.branching)))
    let w = Self.word
    XCTAssertEqual(timing.shortest, 4 + 22 * w, accuracy: 1e-9)
    XCTAssertEqual(timing.longest, 64 + 3 * w, accuracy: 1e-9)
    let expected = 4 + w + (60 + w + 20 * w) / 2 + w  // each branch half the time
    XCTAssertEqual(timing.expected, expected, accuracy: 1e-9)
  }

  func testAnEstimateReplacesTheDefault() throws {
    let text = Self.branching.replacingOccurrences(
      of: "ask: {type: text, prompt: Why?}",
      with: "ask: {type: text, prompt: Why?}\n        estimate: 90")
    XCTAssertEqual(
      try XCTUnwrap(PathTiming(dialogue(text))).longest, 94 + 2 * Self.word, accuracy: 1e-9)
  }

  func testWhenStepsOnOneChoiceExcludeEachOther() throws {
    let text = """
      id: d
      title: D
      duration: 1
      sections:
        - id: s
          title: S
          budget: 1
          steps:
            - id: area
              ask: {type: choice, prompt: Area, options: [a, b, c, d]}
            - id: on_a
              when: area == "a"
              ask: {type: text, prompt: A?}
            - id: on_b
              when: '"b" == area'
              ask: {type: multi, prompt: B?, options: [x, y]}
            - id: end
              say: Bye
              final: true
      """
    let timing = try XCTUnwrap(PathTiming(dialogue(text)))
    // The choice: 3 s and five words read (its prompt and four options).
    let w = Self.word
    XCTAssertEqual(timing.shortest, 3 + 6 * w, accuracy: 1e-9)
    XCTAssertEqual(timing.longest, 63 + 7 * w, accuracy: 1e-9)
    // Each follow-up for one person in four: the text (60 s), the multi (8 s, three words).
    let expected = 3 + 5 * w + (60 + w) / 4 + (8 + 3 * w) / 4 + w
    XCTAssertEqual(timing.expected, expected, accuracy: 1e-9)
  }

  func testALoopCountsEachOfItsStepsOnce() throws {
    let text = """
      id: d
      title: D
      duration: 1
      sections:
        - id: s
          title: S
          budget: 1
          steps:
            - id: one
              ask: {type: yesno, prompt: Again?}
            - id: two
              ask: {type: number, prompt: N?}
              next:
                - if: one
                  goto: one
                - goto: end
            - id: end
              say: Bye
              final: true
      """
    let timing = try XCTUnwrap(PathTiming(dialogue(text)))
    XCTAssertEqual(timing.shortest, 10 + 3 * Self.word, accuracy: 1e-9)
    XCTAssertEqual(timing.longest, 10 + 3 * Self.word, accuracy: 1e-9)
  }

  func testTheCheckWarnsAtDurationWhenTheExpectedPathOverruns() throws {
    let findings = DialogueChecker().check(try dialogue(Self.branching))
    XCTAssertEqual(findings, [])
    let slow = Self.branching.replacingOccurrences(
      of: "ask: {type: text, prompt: Why?}",
      with: "ask: {type: text, prompt: Why?}\n        estimate: 170")
    XCTAssertEqual(
      DialogueChecker().check(try dialogue(slow)).map(\.description),
      [
        "d.yaml:3:1: warning: the expected path through the dialogue takes about 1.5 minutes, more than its duration of 1 (paths take 0.2–2.9 min (expected 1.5)); ask fewer questions on that path, give quicker steps a smaller 'estimate' (only where they really are quicker), or raise 'duration'"
      ])
  }

  // MARK: - Test cases

  func run(_ cases: String, on text: String = branching) throws -> (
    [DialogueTestRunner.CaseResult], TestCoverage
  ) {
    let dialogue = try dialogue(text)
    let read = DialogueTestFile.read(Array(cases.utf8), file: "t.yaml", for: dialogue)
    XCTAssertEqual(read.diagnostics.map(\.description), [])
    let results = read.cases.map(DialogueTestRunner(dialogue: dialogue).run)
    return (results, TestCoverage(dialogue: dialogue, results: results))
  }

  func testACaseThatHoldsPassesAndCountsItsRoute() throws {
    let (results, coverage) = try run(
      """
      cases:
        - name: low
          answers: ["2", "Because"]
          expect:
            visited: [why, done]
            not_visited: [note]
            values: {rate: 2, why: Because}
            ends: finished
      """)
    XCTAssertEqual(results.map(\.failures), [[]])
    XCTAssertEqual(coverage.missedSteps.map(\.id), ["note"])
    XCTAssertEqual(
      coverage.missedEdges.map(\.description), ["rate → note (otherwise)", "note → done"])
  }

  func testEachDifferenceIsReportedWhereItIsWritten() throws {
    let (results, _) = try run(
      """
      cases:
        - name: wrong
          answers: ["4", /back, "5"]
          expect:
            visited: [why]
            values:
              rate: 4
              why: ~
            ends: at why
      """)
    XCTAssertEqual(
      results[0].failures.map(\.description),
      [
        "t.yaml:5:17: step 'why' was not visited: the session never came to it",
        "t.yaml:7:9: rate is '5', expected '4'",
        "t.yaml:9:13: the dialogue finished, expected it to be waiting at step 'why'",
      ])
  }

  func testARefusedAnswerStopsTheCase() throws {
    let (results, _) = try run(
      """
      cases:
        - name: refused
          answers: [{reject: "9"}, "7"]
          expect: {ends: finished}
      """)
    XCTAssertEqual(
      results[0].failures.map(\.description),
      [
        "t.yaml:3:30: step 'rate' did not take '7': 7 is more than 5; enter a whole number from 1 to 5",
        "t.yaml:2:5: the case stopped there; its expectations were not checked",
      ])
  }

  func testMistakesInACaseFileAreFoundBeforeAnythingRuns() throws {
    let dialogue = try dialogue(Self.branching)
    let read = DialogueTestFile.read(
      Array(
        """
        cases:
          - name: one
            answers: [/undo]
            expect:
              visited: [nte]
              values: {rat: 3}
              ends: soon
          - name: one
        """.utf8), file: "t.yaml", for: dialogue)
    XCTAssertEqual(
      read.diagnostics.map(\.description),
      [
        "t.yaml:3:15: error: unknown command '/undo'; a case may use /back, /skip, /restart",
        "t.yaml:5:17: error: no step has the id 'nte'; did you mean 'note'?",
        "t.yaml:6:16: error: no answer or computed value is named 'rat'; did you mean 'rate'?",
        "t.yaml:7:13: error: ends should be 'finished' or 'at STEP' (waiting at that step), not 'soon'",
        "t.yaml:8:5: error: a case named 'one' already exists at line 2",
      ])
  }
}
