import CoachKit
import XCTest

@testable import CoachTerminal

/// The presenter view fits its window: the header and both clocks always on top, however many
/// team questions were rated; what comes next reads as it will, never as template code.
final class PresenterViewTests: XCTestCase {
  let start = Date(timeIntervalSince1970: 1_795_000_000)

  /// Nine team statements, then a 0–10 baseline, then a question whose text depends on it.
  func transcript(ratedRounds: Int) throws -> Transcript {
    var steps = ""
    for number in 1...9 {
      steps += """
              - id: q\(number)
                ask: {type: scale, team: true, min: 1, max: 5, prompt: "Statement \(number) about the team."}
                notes: "Note \(number): ask for an example before moving on, and let the room talk."

        """
    }
    let yaml = """
      id: long
      title: A long team check
      duration: 20
      computed:
        baseline_zero: baseline == 0
      sections:
        - id: all
          title: All of it
          budget: 20
          steps:
      \(steps)
            - id: baseline
              ask: {type: scale, team: true, min: 0, max: 10, prompt: "How much trust is there?"}
            - id: why
              ask:
                type: text
                prompt: >-
                  {{#baseline_zero}}What would have to happen for it to be a 1?{{/baseline_zero}}{{^baseline_zero}}Why
                  {{baseline}} and not lower? What is already there that earns it, and what would you like to see more of?{{/baseline_zero}}
              final: true
      """
    let result = DialogueLoader().load(text: yaml, name: "long.yaml")
    let dialogue = try XCTUnwrap(result.dialogue, "\(result.diagnostics)")
    XCTAssertEqual(result.diagnostics + DialogueChecker().check(dialogue), [])
    var header = LogHeader(
      session: "long", dialogue: dialogue, source: "long.yaml", startedAt: start,
      timeZone: TimeZone(identifier: "UTC")!)
    header.facilitated = true
    header.participants = Participants(count: 4)
    var entries: [LogEntry] = []
    var at = start
    for number in 1...ratedRounds {
      at += 30
      entries.append(
        LogEntry(
          at: at, event: .teamRatings(TeamRatings(collected: [2, 3, 4, 4])), step: "q\(number)"))
      entries.append(LogEntry(at: at + 5, event: .answer("4"), step: "q\(number)"))
    }
    for index in 0..<12 { entries.append(LogEntry(at: at, event: .park("Topic \(index)"))) }
    return Transcript.replay(header: header, entries: entries, dialogue: dialogue)
  }

  func testTheHeaderAndClocksStayOnScreenAfterNineRoundsAtAnySize() throws {
    let transcript = try transcript(ratedRounds: 9)
    for (width, height) in [(80, 24), (100, 40), (60, 16)] {
      let lines = PresenterView.render(
        transcript, at: start + 600, width: width, height: height
      ).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
      XCTAssertLessThanOrEqual(lines.count, height, "\(width)×\(height)")
      for line in lines { XCTAssertLessThanOrEqual(TextWrapper.displayWidth(line), width, line) }
      XCTAssertTrue(lines[0].hasPrefix("PRESENTER VIEW"), "\(lines)")
      XCTAssertEqual(lines[1], "All of it · section 1 of 1")
      XCTAssertTrue(lines[2].hasPrefix("Section 10:00 of 20:00 · session 10:00 of 20:00"), lines[2])
      XCTAssertTrue(lines.contains { $0.contains("Now (step 'baseline'") }, "\(lines)")
      XCTAssertTrue(lines.contains("Next:"), "\(lines)")
    }
    let small = PresenterView.render(transcript, at: start + 600, width: 80, height: 24)
    XCTAssertTrue(small.contains("(earlier ones need a taller window)"), small)
    XCTAssertTrue(small.contains("q9: 4 rated · median 3.5"), "the latest round is kept: \(small)")
    let tall = PresenterView.render(transcript, at: start + 600, width: 100, height: 60)
    XCTAssertTrue(tall.contains("q1: 4 rated"), tall)
    XCTAssertFalse(tall.contains("taller window"), tall)
  }

  func testNextReadsAsItWillNeverAsTemplateCodeAndIsCutAtAWord() throws {
    let transcript = try transcript(ratedRounds: 9)
    let view = PresenterView.render(transcript, at: start + 600, width: 80, height: 40)
    XCTAssertFalse(view.contains("{{"), view)
    XCTAssertTrue(
      view.contains("  Why … and not lower? What is already there that earns it, and"), view)
    let next = try XCTUnwrap(view.split(separator: "\n").first { $0.hasPrefix("  Why") })
    XCTAssertTrue(next.hasSuffix("…"), "cut with an ellipsis: \(next)")
    XCTAssertFalse(next.hasSuffix(" …"))
  }

  func testTheTeamsResultsNeverListIndividualRatings() throws {
    let view = PresenterView.render(try transcript(ratedRounds: 3), at: start, width: 100)
    XCTAssertTrue(view.contains("q1: 4 rated · median 3.5 · 50 % favourable · leader 4"), view)
    XCTAssertFalse(view.contains("2, 3, 4, 4"), view)
  }
}
