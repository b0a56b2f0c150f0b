import XCTest

@testable import CoachKit

/// A follow-up's own answers and computed values are read by the next follow-up on the same
/// session as `before_<name>`: the checker knows their types and sizes, also for a value that
/// reads its own earlier value (a history carried from check-in to check-in).
final class FollowUpCarryTests: XCTestCase {
  static let session = DialogueText.oneSection(
    id: "plan",
    steps: """
      - id: what
        ask: {type: text, prompt: What will you do?, max_length: 100}
        final: true
      """)

  func followUp(steps: String, computed: String) -> String {
    DialogueText.oneSection(
      id: "check", steps: steps, rest: "follows: plan.yaml\ncomputed:\n" + computed)
  }

  func findings(_ followUp: String) throws -> [String] {
    try DialogueText.findings(
      files: ["plan.yaml": Self.session, "check.yaml": followUp], main: "check.yaml")
  }

  let status = """
    - id: status
      ask: {type: choice, prompt: How did it go?, options: [{value: done, label: Done}, {value: open, label: Not yet}]}
    - id: bye
      say: "{{state}}; {{times}} times since {{first_on}} ({{before_status}}, {{before_follow_ups}} before)"
      final: true
    """

  func testCarriedValuesThatReadTheirOwnEarlierValueAreTyped() throws {
    let text = followUp(
      steps: status,
      computed: """
          state: if(answered(status), status, before_state)
          times: if(answered(before_times), before_times, 0) + 1
          first_on: if(answered(before_first_on), before_first_on, before_session_date)
        """)
    XCTAssertEqual(try findings(text), [])
  }

  func testAWrongTypeInACarriedValueIsFoundWhereItIsWritten() throws {
    let text = followUp(
      steps: status,
      computed: """
          state: if(answered(status), status, before_state)
          times: before_times - "x"
          first_on: before_session_date
        """)
    let found = try findings(text)
    XCTAssertEqual(found.count, 1, "\(found)")
    XCTAssertTrue(
      found[0].contains("'times' reads its own earlier value 'before_times'"), "\(found)")
  }

  func testTwoValuesThatReadEachOthersEarlierValueAreRefused() throws {
    let text = followUp(
      steps: status,
      computed: """
          state: if(answered(status), status, before_times)
          times: if(answered(status), before_state, "x")
          first_on: before_session_date
        """)
    let found = try findings(text)
    XCTAssertTrue(
      found.contains {
        $0.contains("a value may read its own earlier value, not another's that reads it")
      },
      "\(found)")
  }

  func testATextThatGrowsFromCheckInToCheckInIsUnbounded() throws {
    let text = followUp(
      steps: status,
      computed: """
          state: join("; ", before_state, status)
          times: 1
          first_on: before_session_date
        """)
    let found = try findings(text)
    XCTAssertTrue(
      found.contains { $0.contains("a value may have at most 100000") }, "\(found)")
  }

  func testANameReadOnlyAsTheNextFollowUpsEarlierValueIsUsed() throws {
    let text = followUp(
      steps: """
        - id: status
          ask: {type: choice, prompt: How did it go?, options: [{value: done, label: Done}, {value: open, label: Open}]}
        - id: bye
          say: "{{#before_kept}}Again.{{/before_kept}}"
          final: true
        """,
      computed: "  kept: status == \"done\"\n")
    XCTAssertEqual(try findings(text), [])
  }
}
