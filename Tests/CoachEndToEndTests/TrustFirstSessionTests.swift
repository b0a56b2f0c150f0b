import Foundation
import XCTest

/// The default session, "Elevate Your Team in Twenty Minutes", run end to end through the built
/// `coach` binary with piped answers: golden transcripts, the plan file, the `.ics` file.
///
/// Each persona's answers are in `Fixtures/golden/NAME.in`, its expected standard output in
/// `NAME.out` (the temporary data folder written as `$XDG_DATA_HOME`). To accept new output after
/// changing the dialogue on purpose: `COACH_UPDATE_GOLDEN=1 swift test --filter TrustFirstSessionTests`.
final class TrustFirstSessionTests: XCTestCase {
  static let now = "2026-11-29T09:00:00Z"

  /// What each golden persona must show: the focus as the plan says it, a line of that area's menu.
  static let areas: [String: (label: String, menu: String)] = [
    "self": ("trust within myself", "write down every promise I make"),
    "relationships": (
      "my relationships with my team", "ask what the person is aiming for"
    ),
    "safe_haven": ("my team as a safe haven", "tell the team about a mistake of my own"),
    "systems": ("my team's systems", "Take the least reliable resource to whoever owns it"),
    "organization": ("trust across the organization", "explain the reasons to my team"),
  ]

  // MARK: - Personas

  func testSelfIsWeakest() throws {
    let run = try assertPersona("self", focus: "self", followUp: "2026-12-14")
    // Two actions: both first steps are events, beside the check-in.
    let calendar = run.root.appendingPathComponent("data/coach/plans/2026-11-29-trust-first.ics")
    let events = try CalendarParser.events(try Data(contentsOf: calendar))
    XCTAssertEqual(
      events.compactMap { $0["UID"]?.replacingOccurrences(of: "@coach", with: "") }
        .map { String($0.split(separator: "-", maxSplits: 2).last ?? "") },
      ["a1-first-step", "a2-first-step", "check-in"])
    // The transcript an in-memory host gets from the runtime (RuntimeTests) is the binary's too.
    let export = try runCoach(
      ["export", "test-session", "--format", "markdown"],
      environment: ["XDG_DATA_HOME": run.root.appendingPathComponent("data").path], binary: true)
    XCTAssertEqual(export.status, 0, export.errors)
    XCTAssertEqual(
      export.output,
      try String(
        contentsOf: Self.goldenSource.appendingPathComponent("self.transcript.md"),
        encoding: .utf8))
  }

  func testRelationshipsIsWeakest() throws {
    let run = try assertPersona("relationships", focus: "relationships", followUp: "2026-12-14")
    XCTAssert(run.plan.contains("**Lowest of the four A's:** appreciation"))
    XCTAssert(run.plan.contains("at the very bottom of the scale: appreciation"))
  }

  func testSafeHavenIsWeakest() throws {
    let run = try assertPersona("safe_haven", focus: "safe_haven", followUp: "2026-12-14")
    XCTAssert(run.plan.contains("the credit for the last win went mostly to me"))
  }

  func testSystemsIsWeakest() throws {
    try assertPersona("systems", focus: "systems", followUp: "2026-12-07")
  }

  func testOrganizationIsWeakest() throws {
    let run = try assertPersona("organization", focus: "organization", followUp: "2026-12-14")
    XCTAssert(
      run.plan.contains("the last big change arrived as a one-way directive with consequences"))
    XCTAssert(run.plan.contains("- How to talk with my manager about the office mandate"))
  }

  /// Systems 37.5 and organization 33.3 are within 6.25: the tie goes inside-out, to systems.
  func testTieIsBrokenInsideOut() throws {
    let run = try assertPersona("tie", focus: "systems", followUp: "2026-12-07")
    XCTAssert(run.output.contains("are within a quarter point of each other at the bottom"))
    XCTAssert(run.plan.contains("chosen by the tie-break"))
    XCTAssert(run.plan.contains("| Organization | 33 |"))
    // Three actions, the third one the leader's own idea.
    XCTAssert(
      run.plan.contains(
        "### 3. Ask my team which tool fails them most, and fix that one first"))
    XCTAssert(
      run.output.contains("Action 3 of 3: your own idea. What exactly will you do?\n> Ask my team"))
  }

  func testOverrideOfTheProposedFocus() throws {
    let out = try temporaryDirectory().appendingPathComponent("elsewhere/my-plan.md").path
    let run = try assertPersona(
      "override", focus: "organization", followUp: "2026-12-29", arguments: ["--plan-out", out],
      planPath: out)
    XCTAssert(
      run.plan.contains(
        "**My focus:** trust across the organization (75 of 100), my own choice (the scores suggested my relationships with my team): I am building on one of my strongest areas on purpose"))
    XCTAssertTrue(
      FileManager.default.fileExists(atPath: out.replacingOccurrences(of: ".md", with: ".ics")))
  }

  func testConfidenceBelowSevenAsksToMakeItSmaller() throws {
    let run = try assertPersona("low_confidence", focus: "safe_haven", followUp: "2026-12-14")
    XCTAssert(run.output.contains("Below 7 is a sign to make the plan smaller"))
    // Three actions planned; the default change drops the last one.
    XCTAssert(run.plan.contains("5 of 10 that I'll have done these actions by the check-in."))
    XCTAssert(run.plan.contains("Dropped: Ask my team which tool fails them most"))
    XCTAssert(run.plan.contains("Now: **8 of 10**"))
    XCTAssertFalse(run.plan.contains("### 3."))
  }

  func testConfidenceOfSevenAsksNothingMore() throws {
    let run = try assertPersona("self", focus: "self", followUp: "2026-12-14")
    XCTAssertFalse(run.output.contains("Below 7 is a sign"))
    XCTAssert(run.plan.contains("## 5. Confidence\n\n8 of 10 that I'll have done these actions"))
  }

  func testDontSaveAnythingWritesNothing() throws {
    for name in ["nothing_saved", "discard_at_close"] {
      let run = try runGolden(name)
      XCTAssertEqual(run.status, 0, run.errors)
      XCTAssert(
        run.output.contains("Nothing was saved: this plan exists only on my screen."), name)
      XCTAssert(run.output.contains("Nothing was saved, as you chose."), name)
      let files = try allFiles(under: run.root)
      XCTAssertEqual(files, [], "\(name) wrote \(files)")
    }
  }

  func testRefusesToWriteThroughASymbolicLink() throws {
    let root = try temporaryDirectory()
    let target = root.appendingPathComponent("target.md")
    let link = root.appendingPathComponent("link.md")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let golden = try XCTUnwrap(
      Bundle.module.url(forResource: "Fixtures/golden", withExtension: nil))
    let result = try runCoach(
      ["--plan-out", link.path],
      input: try String(contentsOf: golden.appendingPathComponent("systems.in"), encoding: .utf8),
      environment: [
        "XDG_DATA_HOME": root.appendingPathComponent("data").path, "COACH_NOW": Self.now,
      ])
    XCTAssertEqual(result.status, 73)
    XCTAssert(result.errors.contains("it is a symbolic link"), result.errors)
    XCTAssertFalse(FileManager.default.fileExists(atPath: target.path))
  }

  // MARK: - The dialogue and the binary

  /// No errors and no warnings: the expected path (one action, the default) fits the twenty
  /// minutes under the time model; the longest (three actions, low confidence twice) is said.
  func testTheDefaultDialogueChecksCleanAndFitsTwentyMinutes() throws {
    let result = try runCoach([
      "check", Self.repository.appendingPathComponent("Dialogues/trust-first").path,
    ])
    XCTAssertEqual(result.status, 0, result.output + result.errors)
    XCTAssertEqual(
      result.output,
      Self.repository.appendingPathComponent("Dialogues/trust-first").path
        + ": 0 errors, 0 warnings (13 sections, 102 steps, 87 questions); paths take 17–41 min (expected 19)\n"
    )
  }

  /// Run from /tmp, outside the repository, `coach` with no arguments starts the default session.
  func testCoachWithNoArgumentsStartsTheDefaultSessionFromTmp() throws {
    let result = try runCoach(
      [], input: "", directory: URL(fileURLWithPath: "/tmp"), binary: true)
    XCTAssert(
      result.output.hasPrefix(
        "Elevate Your Team in Twenty Minutes\n\n== Welcome (section 1 of 13, 1 min) =="),
      result.output)
    XCTAssertEqual(result.status, 65)
  }

  // MARK: - Checks shared by the personas

  struct GoldenRun {
    var status: Int32
    var output: String
    var errors: String
    var root: URL
    var plan: String = ""
  }

  @discardableResult
  func assertPersona(
    _ name: String, focus: String, followUp: String, arguments: [String] = [],
    planPath: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> GoldenRun {
    var run = try runGolden(name, arguments: arguments, file: file, line: line)
    XCTAssertEqual(run.status, 0, run.errors, file: file, line: line)
    let area = try XCTUnwrap(Self.areas[focus])
    // The focus area's menu is offered, and no other area's.
    for (other, otherArea) in Self.areas {
      XCTAssertEqual(
        run.output.contains(otherArea.menu), other == focus,
        "\(name): menu of \(other)", file: file, line: line)
    }
    let planFile =
      planPath ?? run.root.appendingPathComponent("data/coach/plans/2026-11-29-trust-first.md").path
    run.plan = try String(contentsOfFile: planFile, encoding: .utf8)
    XCTAssert(
      run.plan.contains("I will strengthen \(area.label)."), "\(name): focus", file: file,
      line: line)
    XCTAssert(run.output.contains("Plan saved to "), file: file, line: line)
    Self.assertWellFormedPlan(run.plan, name, file: file, line: line)
    try Self.assertPrivate(planFile, file: file, line: line)
    let calendarFile = planFile.replacingOccurrences(of: ".md", with: ".ics")
    try Self.assertPrivate(calendarFile, file: file, line: line)
    let events = try CalendarParser.events(try Data(contentsOf: URL(fileURLWithPath: calendarFile)))
    let event = try XCTUnwrap(
      events.first { $0["UID"]?.hasSuffix("-check-in@coach") == true }, file: file, line: line)
    // Each first step is an event at its day and time.
    XCTAssertNotNil(
      events.first { $0["UID"]?.hasSuffix("-a1-first-step@coach") == true }?["DTSTART"],
      file: file, line: line)
    XCTAssertEqual(
      event["DTSTART;VALUE=DATE"], followUp.replacingOccurrences(of: "-", with: ""), file: file,
      line: line)
    XCTAssertEqual(
      event["SUMMARY"], "Trust check-in (5 minutes): coach checkin", file: file, line: line)
    XCTAssertEqual(event["DTSTAMP"], "20261129T090000Z", file: file, line: line)
    XCTAssertNotNil(event["UID"], file: file, line: line)
    XCTAssertEqual(event["TRIGGER;RELATED=START"], "PT9H", file: file, line: line)
    XCTAssert(
      event["DESCRIPTION"]?.contains("keep, adjust or drop?\nThen report") == true, file: file,
      line: line)
    return run
  }

  /// No placeholders left, no HTML entities, no label without its value, tables with as many
  /// cells in every row as in their header.
  static func assertWellFormedPlan(_ plan: String, _ name: String, file: StaticString, line: UInt) {
    XCTAssertFalse(
      plan.contains("{{") || plan.contains("}}"), "\(name): placeholder left", file: file,
      line: line)
    for entity in ["&#", "&amp;", "&quot;", "&lt;", "&gt;", "&apos;"] {
      XCTAssertFalse(
        plan.contains(entity), "\(name): HTML entity \(entity)", file: file, line: line)
    }
    var headerCells: Int?
    for text in plan.split(separator: "\n", omittingEmptySubsequences: false) {
      let row = String(text)
      // A label with nothing after it, or an empty value before punctuation.
      XCTAssertFalse(
        row.hasSuffix(":**") || row.hasSuffix(":** ") || row.hasSuffix(": "),
        "\(name): empty label in '\(row)'", file: file, line: line)
      for gap in [" .", " ,", "If ,", "**  ", "()", "( )"] where !row.hasPrefix("|") {
        XCTAssertFalse(
          row.contains(gap), "\(name): empty value in '\(row)'", file: file, line: line)
      }
      if row.hasPrefix("|") {
        XCTAssert(row.hasSuffix("|"), "\(name): table row '\(row)'", file: file, line: line)
        let cells = row.split(separator: "|", omittingEmptySubsequences: false).count - 2
        if let header = headerCells {
          XCTAssertEqual(cells, header, "\(name): table row '\(row)'", file: file, line: line)
        } else {
          headerCells = cells
        }
      } else {
        headerCells = nil
      }
    }
  }

  static func assertPrivate(_ path: String, file: StaticString, line: UInt) throws {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    XCTAssertEqual(
      (attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600, path, file: file, line: line)
    let folder = try FileManager.default.attributesOfItem(
      atPath: (path as NSString).deletingLastPathComponent)
    XCTAssertEqual(
      (folder[.posixPermissions] as? NSNumber)?.intValue, 0o700, path, file: file, line: line)
  }

  // MARK: - Running coach

  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
  static let goldenSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent(
      "Fixtures/golden")

  /// Runs a persona from /tmp with a fresh XDG_DATA_HOME and HOME, and compares its output.
  func runGolden(
    _ name: String, arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line
  ) throws
    -> GoldenRun
  {
    let golden = try XCTUnwrap(
      Bundle.module.url(forResource: "Fixtures/golden", withExtension: nil))
    let input = try String(contentsOf: golden.appendingPathComponent("\(name).in"), encoding: .utf8)
    let root = try temporaryDirectory()
    let result = try runCoach(
      arguments, input: input, directory: URL(fileURLWithPath: "/tmp"),
      environment: [
        "XDG_DATA_HOME": root.appendingPathComponent("data").path,
        "HOME": root.appendingPathComponent("home").path,
        "COACH_NOW": Self.now, "COACH_SESSION_ID": "test-session",
      ])
    var output = result.output.replacingOccurrences(
      of: root.appendingPathComponent("data").path, with: "$XDG_DATA_HOME")
    // Other temporary folders (a --plan-out target) read as $TMP too.
    output = output.replacingOccurrences(
      of: "\\S*coach-e2e-[0-9A-Fa-f-]{36}", with: "\\$TMP", options: .regularExpression)
    let expectedURL = golden.appendingPathComponent("\(name).out")
    if ProcessInfo.processInfo.environment["COACH_UPDATE_GOLDEN"] == "1" {
      try output.write(
        to: Self.goldenSource.appendingPathComponent("\(name).out"), atomically: true,
        encoding: .utf8)
    } else {
      let expected = (try? String(contentsOf: expectedURL, encoding: .utf8)) ?? ""
      if output != expected {
        let diff = Self.firstDifference(expected, output)
        XCTFail("\(name): output differs from \(name).out at \(diff)", file: file, line: line)
      }
    }
    return GoldenRun(
      status: result.status, output: result.output, errors: result.errors, root: root)
  }

  static func firstDifference(_ a: String, _ b: String) -> String {
    let left = a.split(separator: "\n", omittingEmptySubsequences: false)
    let right = b.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(left.count, right.count) {
      let l = index < left.count ? String(left[index]) : "<end>"
      let r = index < right.count ? String(right[index]) : "<end>"
      if l != r { return "line \(index + 1):\n  expected: \(l)\n  actual:   \(r)" }
    }
    return "nowhere"
  }

  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
  }

  func allFiles(under root: URL) throws -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
    var files: [String] = []
    for case let path as String in walker {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(
        atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files.append(path)
      }
    }
    return files
  }

  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs `coach` in this process (see `CoachProcess.runInProcess`), or with `binary` the built
  /// executable.
  func runCoach(
    _ arguments: [String], input: String = "", directory: URL? = nil,
    environment: [String: String] = [:], binary: Bool = false
  ) throws -> Result {
    if !binary {
      var variables = environment
      if variables["COACH_NOW"] == nil { variables["COACH_NOW"] = "" }
      let result = try CoachProcess.runInProcess(
        arguments, in: directory, stdin: input, environment: variables)
      return Result(status: result.status, output: result.stdout, errors: result.stderr)
    }
    let process = Process()
    process.executableURL = Bundle.main.bundleURL.appendingPathComponent("coach")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "COACH_NOW")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    var errors = Data()
    let group = DispatchGroup()
    group.enter()
    let errorHandle = stderr.fileHandleForReading
    let box = DataBox()
    DispatchQueue.global().async {
      box.data = errorHandle.readDataToEndOfFile()
      group.leave()
    }
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    errors = box.data
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
      errors: String(decoding: errors, as: UTF8.self))
  }
}

private final class DataBox: @unchecked Sendable {
  var data = Data()
}

/// A small iCalendar reader for the tests: checks line endings and folding, unfolds, and gives
/// each VEVENT's properties (and its VALARM's TRIGGER and TRANSP) with TEXT values unescaped.
enum CalendarParser {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The first event's properties.
  static func parse(_ data: Data) throws -> [String: String] {
    guard let first = try events(data).first else { throw Failure(description: "no VEVENT") }
    return first
  }

  /// Every event's properties, in order.
  static func events(_ data: Data) throws -> [[String: String]] {
    let text = String(decoding: data, as: UTF8.self)
    guard text.hasSuffix("\r\n") else { throw Failure(description: "does not end with CRLF") }
    // In Swift "\r\n" is one Character: split on the bytes.
    let physical = String(decoding: data.dropLast(2), as: UTF8.self).components(separatedBy: "\r\n")
    for line in physical {
      if line.contains("\n") || line.contains("\r") {
        throw Failure(description: "bare LF or CR in '\(line)'")
      }
      if line.utf8.count > 75 {
        throw Failure(description: "line longer than 75 octets: '\(line)'")
      }
    }
    var lines: [String] = []
    for line in physical {
      if line.hasPrefix(" ") || line.hasPrefix("\t") {
        guard !lines.isEmpty else { throw Failure(description: "continuation first") }
        lines[lines.count - 1] += line.dropFirst()
      } else {
        lines.append(line)
      }
    }
    guard lines.first == "BEGIN:VCALENDAR", lines.last == "END:VCALENDAR" else {
      throw Failure(description: "not a VCALENDAR")
    }
    var stack: [String] = []
    var events: [[String: String]] = []
    for line in lines {
      guard let colon = line.firstIndex(of: ":") else {
        throw Failure(description: "no ':' in '\(line)'")
      }
      let name = String(line[..<colon])
      let value = String(line[line.index(after: colon)...])
      switch name {
      case "BEGIN":
        stack.append(value)
        if stack == ["VCALENDAR", "VEVENT"] { events.append([:]) }
      case "END":
        guard stack.popLast() == value else {
          throw Failure(description: "END:\(value) does not match")
        }
      default:
        if stack == ["VCALENDAR", "VEVENT"] || (stack.last == "VALARM" && name.hasPrefix("TRIGGER"))
        {
          events[events.count - 1][name] = unescape(value)
        }
      }
    }
    guard stack.isEmpty else { throw Failure(description: "unclosed \(stack)") }
    return events
  }

  static func unescape(_ value: String) -> String {
    var result = ""
    var escaping = false
    for character in value {
      if escaping {
        result.append(character == "n" || character == "N" ? "\n" : character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
