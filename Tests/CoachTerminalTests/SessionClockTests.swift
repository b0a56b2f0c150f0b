import CoachKit
import CoachTerminal
import Foundation
import XCTest

/// The clock measures the conversation, not the calendar: in process, with a clock the test
/// moves, through the same commands `coach run` and `coach resume` run.
final class SessionClockTests: XCTestCase {
  func testAfterQuitAndADayAwayTimeShowsTheMinutesSpent() throws {
    let coach = try InProcessCoach()
    defer { coach.remove() }
    // Three lines, thirty seconds each, the last one /quit: 1:30 spent.
    XCTAssertNoThrow(
      try SessionCommands.run(
        "Dialogues/examples/tour", options: .init(),
        launch: coach.launch(["Tigers", "4", "/quit"], pace: 30)))
    XCTAssertTrue(coach.output.out.contains("Stopped. Nothing more will be asked."))
    coach.clock.advance(by: 86_400)
    // Back a day later: thirty seconds more before /time.
    XCTAssertThrowsError(
      try SessionCommands.resume(
        "in-process", dialogue: nil, options: .init(),
        launch: coach.launch(["/time"], pace: 30))
    ) { error in
      XCTAssertEqual((error as? CoachFailure)?.status, .dataError, "the input ended")
    }
    XCTAssertTrue(coach.output.out.contains("Welcome back."), coach.output.out)
    XCTAssertTrue(
      coach.output.out.contains("Session: 2:00 of 5:00."), coach.output.out)
    XCTAssertFalse(coach.output.out.contains("1442:"), "a day away is not counted")
  }
}
