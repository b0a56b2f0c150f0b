@testable import CoachKit
import Foundation
import XCTest

/// What comes next, as the facilitator's private view shows it: decided by the answers so far,
/// honouring `when`, and every way it could go while an answer is still to come.
final class LookAheadTests: XCTestCase {
  let yaml = """
    id: ahead
    title: Ahead
    duration: 3
    sections:
      - id: one
        title: One
        budget: 3
        steps:
          - id: size
            ask: {type: number, prompt: How many?, min: 1, max: 50}
          - id: remote
            ask: {type: yesno, prompt: Remote?}
          - id: big_remote
            when: size > 8 and remote
            say: A big remote team.
          - id: small
            when: size <= 8
            say: A small team.
          - id: mood
            ask: {type: scale, prompt: Mood?, min: 1, max: 5}
            next:
              - if: mood < 3
                goto: low
              - goto: done
          - id: low
            say: Sorry to hear.
          - id: done
            say: Thanks.
            final: true
    """

  func start() throws -> (Engine, Session) {
    let dialogue = try XCTUnwrap(DialogueLoader().load(text: yaml, name: "a.yaml").dialogue)
    let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
    return (engine, engine.start().0)
  }

  func testAWhenThatDoesNotHoldIsPassedOver() throws {
    let (engine, start) = try start()
    var session = start
    _ = engine.handle(.answer("4"), in: &session)
    // At "Remote?": with 4 people, big_remote cannot hold and small does, whatever the answer.
    XCTAssertEqual(engine.lookAhead(in: session).places, [.step("small")])
    _ = engine.handle(.back, in: &session)
    _ = engine.handle(.answer("12"), in: &session)
    // With 12, big_remote depends on the answer now asked; small cannot hold.
    XCTAssertEqual(engine.lookAhead(in: session).places, [.step("big_remote"), .step("mood")])
  }

  func testABranchOnTheWaitingAnswerListsEachWay() throws {
    let (engine, start) = try start()
    var session = start
    for answer in ["4", "yes"] { _ = engine.handle(.answer(answer), in: &session) }
    XCTAssertEqual(session.currentStepID, "mood")
    let ahead = engine.lookAhead(in: session)
    XCTAssertEqual(ahead.places, [.step("low"), .step("done")])
    XCTAssertFalse(ahead.isDecided)
    _ = engine.handle(.answer("5"), in: &session)
    XCTAssertEqual(engine.lookAhead(in: session).places, [], "the session has ended")
  }
}
