import Foundation
import XCTest

@testable import CoachKit

/// The expected path takes a `next`'s branches as often as their `if` holds, not each equally:
/// a way out that only a rare answer takes (a check-in put off) does not halve the time of the
/// way most people go.
final class BranchTimingTests: XCTestCase {
  /// `early` (10 s) is asked one time in ten; "later" is one of its two options, so the way out
  /// is taken one time in twenty; everyone else goes on to 100 s of work.
  static let text = """
    id: d
    title: D
    duration: 2
    sections:
      - id: s
        title: S
        budget: 2
        steps:
          - id: early
            when: rate > 3
            likely: 0.1
            estimate: 10
            ask: {type: choice, prompt: Go on?, options: [{value: now, label: Now}, {value: later, label: Later}]}
            next:
              - if: early == "later"
                goto: put_off
              - goto: work
          - id: put_off
            estimate: 0
            say: Come back later.
            final: true
          - id: work
            estimate: 100
            ask: {type: text, prompt: What will you do?}
          - id: rate
            estimate: 0
            ask: {type: scale, prompt: Rate, min: 1, max: 5}
            final: true
    """

  func testARareWayOutTakesItsShare() throws {
    let result = DialogueLoader().load(text: Self.text, name: "d.yaml")
    let dialogue = try XCTUnwrap(result.dialogue, "\(result.diagnostics)")
    let timing = try XCTUnwrap(PathTiming(dialogue))
    XCTAssertEqual(timing.expected, 0.1 * 10 + 0.95 * 100, accuracy: 1e-9)
    XCTAssertEqual(timing.shortest, 0, accuracy: 1e-9)
    XCTAssertEqual(timing.longest, 110, accuracy: 1e-9)
  }
}
