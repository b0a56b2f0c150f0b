import Foundation
import XCTest

/// The team's voice in the default session, run for a room through pipes: the team's scores beside
/// the leader's in the plan and the HTML chart, blind spots named in the item's own direction, the
/// focus proposed from the team's view, and nothing individual in any export.
final class TeamVoiceTests: XCTestCase {
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/golden")

  /// The safe-haven persona's answers, with the room's ratings typed before each team question
  /// (then Enter to close the round). The team sees systems far worse than the leader does, and
  /// mistakes held against people less than the leader fears.
  func facilitatedAnswers() throws -> String {
    var lines = try String(
      contentsOf: Self.golden.appendingPathComponent("safe_haven.in"), encoding: .utf8
    ).components(separatedBy: "\n")
    // Line numbers (from 1) of the team questions' answers, and what the room rates there.
    let rounds: [(line: Int, ratings: String)] = [
      (5, "5 6 7"), (16, "2 2 1"), (17, "4 4 5"), (18, "4 5 4"), (20, "1 2 1"), (21, "2 1 1"),
      (23, "4 4 4"), (24, "3 4 4"),
    ]
    for round in rounds.reversed() {
      lines.insert(contentsOf: [round.ratings, ""], at: round.line - 1)
    }
    return lines.joined(separator: "\n")
  }

  func testTheTeamsViewShapesThePlanAndTheExportsWithoutIndividualRatings() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-team-voice-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let environment = [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "COACH_NOW": "2026-11-29T09:00:00Z", "COACH_SESSION_ID": "voice", "NO_COLOR": "1",
    ]
    let result = try CoachProcess.runInProcess(
      ["run", "--facilitator", "--participants", "3"], stdin: try facilitatedAnswers(),
      environment: environment)
    XCTAssertEqual(result.status, 0, result.description)
    let out = result.stdout
    // The reveal: the team's scores beside the leader's; the team's view proposes the focus.
    XCTAssertTrue(out.contains("Safe haven     25  █████░░░░░░░░░░░░░░░  priority · team 83"), out)
    XCTAssertTrue(out.contains("Systems        75  ███████████████░░░░░  strength · team 8\n"), out)
    XCTAssertTrue(out.contains("Your team's view: Systems."), out)
    XCTAssertTrue(out.contains("Press Enter for Systems (your team's\n    view)"), out)
    // The plan.
    XCTAssertTrue(out.contains("| Safe haven | 25 | 83 |"), out)
    XCTAssertTrue(out.contains("| Systems | 75 | 8 |"), out)
    XCTAssertTrue(out.contains("**Focus:** Systems, proposed by your team's ratings."), out)
    let blindSpots = try XCTUnwrap(
      out.components(separatedBy: "\n").first { $0.hasPrefix("**Blind spots**") }, out)
    XCTAssertTrue(blindSpots.contains("reliable resources, hearing when something breaks"))
    // "Mistakes are held against people" is reverse-scored: the leader (4, agreeing) sees it
    // worse than the team (median 2), which is no blind spot.
    XCTAssertFalse(blindSpots.contains("mistakes held against people"), blindSpots)
    XCTAssertTrue(out.contains("The team's ratings were anonymous"), out)

    let html = try CoachProcess.runInProcess(
      ["export", "voice", "--format", "html"], environment: environment)
    XCTAssertEqual(html.status, 0, html.description)
    XCTAssertTrue(html.stdout.contains("your scores, and the team's where it rated"))
    XCTAssertTrue(html.stdout.contains(">83 (team)</text>"), html.stdout)
    XCTAssertTrue(
      html.stdout.contains(">– (team: not rated)</text>"), "Yourself is the leader's alone")
    for format in ["html", "markdown", "json", "text"] {
      let export = try CoachProcess.runInProcess(
        ["export", "voice", "--format", format], environment: environment)
      XCTAssertFalse(export.stdout.contains("1, 1, 2"), "\(format): a list of ratings")
      XCTAssertFalse(export.stdout.lowercased().contains("participant"), "\(format)")
      XCTAssertEqual(
        export.stdout.components(separatedBy: "3 team ratings for").count - 1, 8, "\(format)")
    }
  }
}
