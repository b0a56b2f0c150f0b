import CoachKit
import CoachTerminal
import Foundation
import XCTest

/// At a terminal, a section that runs over its time is said once, and the person is asked
/// whether to move on: Enter moves on (its optional questions left out), `n` stays.
final class OverTimeOfferTests: XCTestCase {
  /// A clock that moves a minute and a half each time a line is read, as a slow person would.
  final class SlowClock: SessionClock, @unchecked Sendable {
    var date = Date(timeIntervalSince1970: 1_795_942_800)
    let timeZone = TimeZone(identifier: "UTC")!
    func now() -> Date { date }
  }

  /// Lines given one by one; the clock moves before each is read.
  struct SlowLines: LineSource {
    var lines: [String]
    let clock: SlowClock
    var prompts: [String] = []

    mutating func readLine(prompt: String) -> LineRead {
      prompts.append(prompt)
      guard !lines.isEmpty else { return .endOfInput }
      clock.date += 90
      return .line(lines.removeFirst())
    }
  }

  final class Output: TextSink, @unchecked Sendable {
    var text = ""
    func write(_ text: TerminalText) { self.text += text.rendered }
    func writeError(_ text: TerminalText) { self.text += text.rendered }
  }

  let yaml = """
    format: 1
    id: over
    title: Over time
    duration: 3
    sections:
      - id: warmup
        title: Warm-up
        budget: 1
        steps:
          - id: name
            ask: {type: text, prompt: Your team's name?}
          - id: extra
            ask: {type: text, prompt: Anything else?, optional: true}
          - id: rating
            ask: {type: scale, prompt: How is it going?, min: 1, max: 5}
      - id: plan
        title: Your plan
        budget: 2
        steps:
          - id: step
            ask: {type: text, prompt: Your first step?}
            final: true
    """

  func converse(_ lines: [String]) throws -> (String, Session) {
    let dialogue = try XCTUnwrap(
      DialogueLoader(source: .inMemory([:])).load(text: yaml, name: "o.yaml").dialogue)
    let clock = SlowClock()
    let header = LogHeader(
      session: "s", dialogue: dialogue, source: "o.yaml", startedAt: clock.date,
      timeZone: clock.timeZone)
    let (runtime, opening) = SessionRuntime.start(
      dialogue, header: header, store: MemoryEventStore())
    var style = Conversation.Style.plain
    style.offersToMoveOn = true
    var conversation = Conversation(
      runtime: runtime, opening: opening, clock: clock, style: style)
    var source = SlowLines(lines: lines, clock: clock)
    let output = Output()
    _ = conversation.run(reading: &source, to: output)
    return (output.text, conversation.runtime.session)
  }

  func testEnterMovesOnAndTheOptionalQuestionIsLeftOut() throws {
    let (text, session) = try converse(["Tigers", "", "4", "Book the room"])
    XCTAssertTrue(
      text.contains(
        "This part, Warm-up, has taken 1:30 of the 1:00 planned. Move on to keep time for your plan? The optional question left here would be left out."
      ), text)
    XCTAssertTrue(text.contains("Moving on: the optional question left in this part is left out."))
    XCTAssertFalse(text.contains("Anything else?"))
    XCTAssertTrue(text.contains("How is it going?"))
    XCTAssertTrue(session.isFinished)
    XCTAssertNil(session.answers["extra"])
  }

  func testNoStaysAndAsksTheQuestion() throws {
    let (text, session) = try converse(["Tigers", "maybe", "n", "We are new", "4", "Book it"])
    XCTAssertTrue(text.contains("Please answer y or n."))
    XCTAssertTrue(text.contains("Staying with this part; take the time you need."))
    XCTAssertTrue(text.contains("Anything else?"))
    XCTAssertEqual(session.answers["extra"], .text("We are new"))
    XCTAssertEqual(
      text.components(separatedBy: "has taken").count - 1, 1, "said once, not at every answer")
    XCTAssertTrue(session.isFinished)
  }
}
