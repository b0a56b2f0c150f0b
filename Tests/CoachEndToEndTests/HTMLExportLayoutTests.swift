import Foundation
import XCTest

/// Where things are on the HTML page `coach export --format html` writes: the plan first, where
/// a reader looks for it; the progress log to fill in kept as a table; a team question before the
/// ratings it got.
final class HTMLExportLayoutTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  var environment: [String: String] {
    [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "COACH_NOW": "2026-11-29T09:00:00Z", "COACH_SESSION_ID": "page",
    ]
  }

  func page(run arguments: [String], input: String, in folder: URL? = nil) throws -> String {
    let run = try CoachProcess.runInProcess(
      arguments, in: folder, stdin: input, environment: environment)
    XCTAssertEqual(run.status, 0, run.description)
    let export = try CoachProcess.runInProcess(
      ["export", "page", "--format", "html"], environment: environment)
    XCTAssertEqual(export.status, 0, export.description)
    XCTAssertTrue(try HTMLBalance.isWellFormed(export.stdout))
    return export.stdout
  }

  func position(
    of text: String, in page: String, file: StaticString = #filePath, line: UInt = #line
  )
    throws -> String.Index
  {
    try XCTUnwrap(page.range(of: text), "no \(text)", file: file, line: line).lowerBound
  }

  func testThePlanComesFirstAndItsProgressLogIsATableToFillIn() throws {
    let html = try page(
      run: [],
      input: try String(
        contentsOf: Self.fixtures.appendingPathComponent("golden/self.in"), encoding: .utf8))
    let plan = try position(of: "<section class=\"plan\" id=\"plan-page\">", in: html)
    XCTAssertLessThan(try position(of: "<a href=\"#plan-page\">the plan</a>", in: html), plan)
    XCTAssertLessThan(plan, try position(of: "<h2>Agenda</h2>", in: html))
    XCTAssertLessThan(plan, try position(of: "<p class=\"q\">", in: html))
    XCTAssertLessThan(
      try position(of: "</section>", in: html),
      try position(
        of: "<h2 class=\"part\" id=\"conversation-page\">The conversation</h2>", in: html))
    let empty = "<tr><td></td><td></td><td></td><td></td></tr>\n"
    XCTAssertTrue(html.contains(String(repeating: empty, count: 3)), "three rows to fill in")
    XCTAssertTrue(html.contains("td:empty { height: 2rem;"), "tall enough to write in")
  }

  func testATeamQuestionComesBeforeItsRatingsAndTheLeadersOwnAfterThem() throws {
    // Three ratings typed unseen, Enter closes the round, then the leader's own; the second
    // team question closed with none.
    let html = try page(
      run: ["run", "--facilitator", "--participants", "3", "team"],
      input: "4\n3\n5\n\n4\n/next\n2\nTalk\n", in: Self.fixtures)
    let question = try position(
      of: "<p class=\"q\">On this team, it is safe to admit a mistake.</p>", in: html)
    let ratings = try position(of: "<p class=\"rating\">3 team ratings for safety", in: html)
    let leader = try position(of: "<p class=\"a\">The leader's own rating: 4", in: html)
    XCTAssertLessThan(question, ratings)
    XCTAssertLessThan(ratings, leader)
    XCTAssertEqual(
      html.components(separatedBy: "safe to admit a mistake.</p>").count, 2, "asked once")
    XCTAssertFalse(html.lowercased().contains("participant 1"), "no rating is anyone's")
  }
}
