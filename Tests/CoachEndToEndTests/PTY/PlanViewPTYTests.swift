import CoachTerminal
import Foundation
import XCTest

/// The plan at the end of a session, as a person at a terminal sees it: rendered (not Markdown),
/// wrapped to the terminal, coloured only when colours are on, and paged when it is taller than
/// the screen. The fixture's plan (Fixtures/plan) uses every kind of block a plan may hold, and
/// the team's name, typed as "チーム", takes two columns a character.
final class PlanViewPTYTests: XCTestCase {
  private var home: URL!

  override func setUpWithError() throws {
    home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-plan-pty-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: home)
  }

  /// Runs the fixture to its end at a terminal of the given size; returns what the screen got,
  /// with the terminal's "\r\n" as "\n", and the exit status.
  private func finish(
    columns: UInt16 = 80, rows: UInt16 = 24, environment extra: [String: String],
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> (text: String, status: Int32) {
    let fixtures = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    var environment = [
      "PATH": "/usr/bin:/bin", "HOME": home.path, "TERM": "xterm", "LANG": "C.UTF-8",
      "XDG_STATE_HOME": home.appendingPathComponent("state").path,
      "XDG_DATA_HOME": home.appendingPathComponent("data").path, "PAGER": "cat",
    ]
    environment.merge(extra) { $1 }
    let pty = try PseudoTerminal(
      arguments: ["run", fixtures.appendingPathComponent("plan").path], environment: environment,
      columns: columns, rows: rows)
    try pty.waitFor("What do you call your team?", file: file, line: line)
    try pty.waitFor("> ", file: file, line: line)
    pty.send("チーム\r")
    try pty.waitFor("The session is complete.", file: file, line: line)
    let status = try pty.waitForExit(file: file, line: line)
    return (pty.text.replacingOccurrences(of: "\r\n", with: "\n"), status)
  }

  /// The plan's part of the screen, from its title to the line before "The session is complete."
  private func plan(in text: String) throws -> String {
    let start = try XCTUnwrap(text.range(of: "Plan for チーム"), text).lowerBound
    let end = try XCTUnwrap(text.range(of: "The session is complete."), text).lowerBound
    return String(text[start..<end])
  }

  private func withoutColour(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
  }

  private func hasColour(_ text: String) -> Bool {
    text.range(of: "\u{1B}\\[[0-9;]*m", options: .regularExpression) != nil
  }

  /// The display column of the first `|` in the line that starts with `cell`.
  private func barColumn(after cell: String, in plan: String) throws -> Int {
    let line = try XCTUnwrap(
      plan.split(separator: "\n").first { $0.hasPrefix(cell) }, "no row for \(cell) in \(plan)")
    let before = try XCTUnwrap(line.range(of: " |")).lowerBound
    return TextWrapper.displayWidth(line[..<before])
  }

  /// What every layout must show: the Markdown turned into structure, nothing of its syntax.
  private func assertRendered(
    _ plan: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let lines = plan.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    XCTAssertEqual(lines[1], "===============", "the title underlined", file: file, line: line)
    for markdown in ["**", "`", "# ", "|---", "```", "- **"] {
      XCTAssertFalse(plan.contains(markdown), "no '\(markdown)' in \(plan)", file: file, line: line)
    }
    XCTAssertTrue(plan.contains("\nScores\n------\n"), plan, file: file, line: line)
    XCTAssertTrue(plan.contains("\n• Worth attention\n  ◦ at the very bottom"), plan, file: file, line: line)
    XCTAssertTrue(plan.contains("\n1. First numbered\n2. Second numbered\n"), plan, file: file, line: line)
    XCTAssertTrue(plan.contains("\n> A quote to keep in mind.\n"), plan, file: file, line: line)
    XCTAssertTrue(plan.contains("\n  before  ██████░░░░ 31\n"), plan, file: file, line: line)
  }

  func testInColourAt80ColumnsThePlanIsRenderedWithAlignedColumns() throws {
    let (text, status) = try finish(environment: [:])
    XCTAssertEqual(status >> 8, 0)
    let shown = try plan(in: text)
    XCTAssertTrue(text.contains("\u{1B}[1;36mPlan for チーム\u{1B}[0m"), shown.debugDescription)
    XCTAssertTrue(shown.contains("\u{1B}[1mIf-then plan:\u{1B}[0m"), shown.debugDescription)
    let plain = withoutColour(shown)
    try assertRendered(plain)
    // チーム takes six columns, so its row is padded less than its characters suggest.
    XCTAssertEqual(
      try barColumn(after: "チーム", in: plain),
      try barColumn(after: "Relationships", in: plain))
    XCTAssertTrue(
      plain.contains("Relationships (the four A's) |    75 | ███████████████░░░░░ | strength"), plain)
    XCTAssertTrue(
      plain.contains("A bold start, an emphasised word and coach sessions as code, in a paragraph long\n"),
      "wrapped at 80 columns: \(plain)")
  }

  func testWithoutColourTheLayoutIsTheSameAndHasNoEscapes() throws {
    for environment in [["NO_COLOR": "1"], ["TERM": "dumb"]] {
      let (text, status) = try finish(environment: environment)
      XCTAssertEqual(status >> 8, 0)
      let shown = try plan(in: text)
      XCTAssertFalse(hasColour(shown), "\(environment): \(shown.debugDescription)")
      try assertRendered(shown)
      XCTAssertEqual(
        try barColumn(after: "チーム", in: shown),
        try barColumn(after: "Relationships", in: shown))
    }
  }

  func testAt50ColumnsEveryLineFitsAndTheTableIsOneBlockPerRow() throws {
    let (text, _) = try finish(columns: 50, environment: ["NO_COLOR": "1"])
    let shown = try plan(in: text)
    try assertRendered(shown)
    for line in shown.split(separator: "\n") {
      XCTAssertLessThanOrEqual(TextWrapper.displayWidth(line), 50, String(line))
    }
    XCTAssertTrue(
      shown.contains("• Area: チーム\n  Score: 31\n  Chart: ██████░░░░░░░░░░░░░░\n  Band: priority\n"),
      shown.debugDescription)
    XCTAssertTrue(shown.contains("• If-then plan: when I open my laptop on Monday, I\n  look at"), shown)
  }

  func testATallPlanGoesThroughThePagerAndAShortOneDoesNot() throws {
    let marking = ["PAGER": "sed 's/^/paged: /'", "NO_COLOR": "1"]
    let (tall, _) = try finish(rows: 24, environment: marking)
    XCTAssertTrue(tall.contains("paged: Plan for チーム\npaged: ===="), tall.debugDescription)
    XCTAssertTrue(tall.contains("paged: The end of the plan."), tall.debugDescription)
    XCTAssertFalse(tall.contains("paged: The session is complete."), "only the plan is paged")

    let (short, _) = try finish(rows: 80, environment: marking)
    XCTAssertFalse(short.contains("paged:"), short.debugDescription)
    try assertRendered(try plan(in: short))
  }

  func testWithPagerCatThePlanIsShownOnceAndSaved() throws {
    let (text, status) = try finish(environment: ["PAGER": "cat", "NO_COLOR": "1"])
    XCTAssertEqual(status >> 8, 0)
    XCTAssertEqual(text.components(separatedBy: "The end of the plan.").count, 2, text)
    let plans = home.appendingPathComponent("data/coach/plans")
    let saved = try FileManager.default.contentsOfDirectory(atPath: plans.path)
    XCTAssertTrue(saved.contains { $0.hasSuffix("plan-view.md") }, "\(saved)")
  }

  func testAPagerThatFailsNeverLosesThePlan() throws {
    for (pager, reason) in [
      ("false", "the pager 'false' failed (exit status 1)"),
      ("/nonexistent/pager", "the pager '/nonexistent/pager' could not be started"),
    ] {
      let (text, status) = try finish(environment: ["PAGER": pager, "NO_COLOR": "1"])
      XCTAssertEqual(status >> 8, 0, pager)
      XCTAssertTrue(text.contains("coach: \(reason); here is the plan."), text.debugDescription)
      try assertRendered(try plan(in: text))
      XCTAssertTrue(text.contains("The end of the plan."), text)
    }
  }

  func testTheSuggestedExportCommandCanBePasted() throws {
    let (text, _) = try finish(environment: ["NO_COLOR": "1"])
    let line = try XCTUnwrap(
      text.split(separator: "\n").first { $0.hasPrefix("  coach export ") }, text)
    XCTAssertTrue(line.hasSuffix("--format html -o transcript.html"), String(line))
    // Pasted as it stands, it works.
    let words = line.split(separator: " ").map(String.init)
    XCTAssertEqual(words.first, "coach")
    let export = try CoachProcess.run(
      Array(words.dropFirst()), in: home,
      environment: ["XDG_DATA_HOME": home.appendingPathComponent("data").path])
    XCTAssertEqual(export.status, 0, export.description)
    let page = try String(
      contentsOf: home.appendingPathComponent("transcript.html"), encoding: .utf8)
    XCTAssertTrue(page.contains("Plan for チーム"), page)
  }
}
