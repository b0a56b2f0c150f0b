import Foundation
import XCTest

/// What a person, a script or the machine can throw at a running session: huge answers, bytes
/// that are not text, a dialogue that cannot be read, a full disk, no `HOME`. Each ends with a
/// clear message and the right exit status, never a crash or a hang.
/// (Hostile dialogue *files* are in ``HostileDialogueTests``.)
final class HostileInputTests: XCTestCase {
  static let now = "2026-11-29T09:00:00Z"
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-hostile-input-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  // MARK: - Answers

  /// A megabyte on one line, to a choice question and to a short text question: refused, asked
  /// again, and the session goes on to its plan.
  func testMegabyteAnswersAreRefusedAndTheSessionGoesOn() throws {
    var lines = try Self.answers("organization")
    let megabyte = [UInt8](String(repeating: "1 ", count: 1 << 19).utf8)
    lines.insert(megabyte, at: 3)  // before "A clear next step", a text question
    lines.insert(megabyte, at: 0)  // before "Yes, save my plan", a choice question
    let result = try run([], stdin: Self.joined(lines), environment: dataHome())
    XCTAssertFalse(result.timedOut)
    XCTAssertEqual(result.status, 0, result.errors)
    XCTAssert(
      result.output.contains("that is too long for this question; enter a number from 1 to 2"),
      String(result.output.prefix(3000)))
    XCTAssert(result.output.contains("please keep it to "), String(result.output.prefix(5000)))
    XCTAssert(result.output.contains("Plan saved to "))
  }

  /// Invalid UTF-8 and NUL bytes in answers are refused like any other text that does not fit,
  /// and never reach the screen raw.
  func testInvalidUTF8AndNULBytesOnStandardInput() throws {
    var lines = try Self.answers("organization")
    lines.insert([0xFF, 0xFE, 0xC3, 0x28, 0x00, 0x31, 0x00], at: 1)
    lines.insert([0x00], at: 0)
    let result = try run([], stdin: Self.joined(lines), environment: dataHome())
    XCTAssertEqual(result.status, 0, result.errors)
    XCTAssertFalse(result.rawOutput.contains(0x00), "a NUL byte reached standard output")
    XCTAssertNotNil(String(validating: result.rawOutput, as: UTF8.self), "output is not UTF-8")
    XCTAssert(result.output.contains("Plan saved to "))
  }

  // MARK: - Files

  /// Tests run as root here, and root reads a file whatever its permission bits: then this test
  /// is skipped. As anyone else, `coach check` says the file cannot be read.
  func testUnreadableDialogue() throws {
    let path = folder.appendingPathComponent("locked.yaml")
    try Data("id: x\n".utf8).write(to: path)
    chmod(path.path, 0)
    defer { chmod(path.path, 0o600) }
    try XCTSkipIf(getuid() == 0, "running as root: permission bits do not stop reads")
    let result = try run(["check", path.path])
    XCTAssertEqual(result.status, 65, result.description)
    XCTAssert(result.output.contains("cannot read the file: permission denied"), result.description)
  }

  /// A full disk where the plan goes: exit 73 with the reason, and no partial plan left behind.
  /// Needs to mount a 64 KiB tmpfs (root); skipped where that is not permitted.
  func testFullDiskForThePlan() throws {
    let disk = folder.appendingPathComponent("disk")
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    let mounted = Self.system("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path])
    try XCTSkipUnless(mounted, "cannot mount a tmpfs here (not root, or no permission)")
    defer { _ = Self.system("/bin/umount", [disk.path]) }
    // Fill it up.
    XCTAssert(FileManager.default.createFile(atPath: disk.path + "/filler", contents: nil))
    let filler = try XCTUnwrap(FileHandle(forWritingAtPath: disk.path + "/filler"))
    let block = Data(repeating: 0x2E, count: 4096)
    while (try? filler.write(contentsOf: block)) != nil {}
    try? filler.close()
    let plan = disk.appendingPathComponent("plan.md").path
    let result = try run(
      ["--plan-out", plan], stdin: Self.joined(try Self.answers("organization")),
      environment: dataHome())
    XCTAssertEqual(result.status, 73, result.description)
    XCTAssert(result.errors.contains("No space left on device"), result.errors)
    // The answers are kept, and the person is told how to get the plan.
    XCTAssert(
      result.errors.contains("'coach resume test-session' writes the plan once there is room"),
      result.errors)
    let left = try FileManager.default.contentsOfDirectory(atPath: disk.path)
    XCTAssertEqual(left, ["filler"], "left behind: \(left)")
    // Once there is room, resume writes it.
    try FileManager.default.removeItem(atPath: disk.path + "/filler")
    let resumed = try run(["resume", "--plan-out", plan], environment: dataHome())
    XCTAssertEqual(resumed.status, 0, resumed.description)
    XCTAssert(FileManager.default.fileExists(atPath: plan), resumed.description)
  }

  /// A full disk under the sessions folder: the answer that cannot be saved is not taken, the
  /// reason is said as it is, and the log holds no half line (nothing later claims "the program
  /// was stopped while writing").
  func testFullDiskForTheSessionLog() throws {
    let disk = folder.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    let mounted = Self.system("/bin/mount", ["-t", "tmpfs", "-o", "size=400k", "tmpfs", disk.path])
    try XCTSkipUnless(mounted, "cannot mount a tmpfs here (not root, or no permission)")
    defer { _ = Self.system("/bin/umount", [disk.path]) }
    // The session begins (its dialogue copy and first lines fit); then the disk fills up.
    var lines = try Self.answers("organization")
    let first = try run([], stdin: Self.joined(Array(lines.prefix(3))), environment: dataHome())
    XCTAssertEqual(first.status, 65, first.description)
    XCTAssert(FileManager.default.createFile(atPath: disk.path + "/filler", contents: nil))
    let filler = try XCTUnwrap(FileHandle(forWritingAtPath: disk.path + "/filler"))
    let block = Data(repeating: 0x2E, count: 512)
    while (try? filler.write(contentsOf: block)) != nil {}
    try? filler.close()
    lines.removeFirst(3)
    let full = try run(
      ["resume", "test-session"], stdin: Self.joined(lines), environment: dataHome())
    XCTAssertNotEqual(full.status, 0, full.description)
    XCTAssert(full.errors.contains("No space left on device"), full.errors)
    XCTAssertFalse(full.errors.contains("was stopped"), full.errors)
    try FileManager.default.removeItem(atPath: disk.path + "/filler")
    let again = try run(
      ["resume", "test-session"], stdin: Self.joined(lines), environment: dataHome())
    XCTAssertEqual(again.status, 0, again.description)
    XCTAssertFalse(again.errors.contains("cut short"), again.errors)
    XCTAssertFalse(again.errors.contains("incomplete"), again.errors)
  }

  /// Standard output on a full disk (`/dev/full`): the program says so and ends with 74, for a
  /// listing and for a whole session, and never crashes.
  func testStandardOutputOnAFullDisk() throws {
    let coach = try CoachProcess.executable().path
    for command in ["sessions", "--help", ""] {
      let result = try CoachProcess.runRawCommand(
        "/bin/sh", ["-c", "exec '\(coach)' \(command) > /dev/full"], in: folder,
        stdin: Self.joined(try Self.answers("organization")),
        environment: ProcessInfo.processInfo.environment.merging(dataHome()) { $1 }, timeout: 30)
      let errors = String(decoding: result.stderr, as: UTF8.self)
      XCTAssertEqual(result.status, 74, "\(command): \(errors)")
      XCTAssertTrue(
        errors.contains("coach: cannot write to standard output: No space left on device"),
        "\(command): \(errors)")
      XCTAssertFalse(errors.contains("crashed"), errors)
    }
  }

  /// Without `HOME` (and without XDG variables) the session still runs; a plan the person chose
  /// not to save writes nothing anywhere.
  func testHomeUnset() throws {
    var environment = ProcessInfo.processInfo.environment
    for name in ["HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME"] {
      environment[name] = nil
    }
    environment["COACH_NOW"] = Self.now
    let help = try run(["--help"], replacingEnvironment: environment)
    XCTAssertEqual(help.status, 0, help.description)
    let session = try run(
      [], stdin: Self.joined(try Self.answers("nothing_saved")), replacingEnvironment: environment)
    XCTAssertEqual(session.status, 0, session.description)
    XCTAssert(session.output.contains("Nothing was saved, as you chose."), session.description)
    // With XDG_DATA_HOME but still no HOME, the plan is saved there.
    environment["XDG_DATA_HOME"] = folder.appendingPathComponent("data").path
    let saved = try run(
      [], stdin: Self.joined(try Self.answers("organization")), replacingEnvironment: environment)
    XCTAssertEqual(saved.status, 0, saved.description)
    XCTAssert(
      FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("data/coach/plans/2026-11-29-trust-first.md").path))
  }

  // MARK: - Running coach with raw bytes

  struct Run: CustomStringConvertible {
    var status: Int32
    var rawOutput: [UInt8]
    var errors: String
    var timedOut: Bool
    var output: String { String(decoding: rawOutput, as: UTF8.self) }
    var description: String {
      "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(output.prefix(4000))--- stderr\n\(errors)"
    }
  }

  func dataHome() -> [String: String] {
    [
      "XDG_DATA_HOME": folder.appendingPathComponent("data").path, "COACH_NOW": Self.now,
      "COACH_SESSION_ID": "test-session",
    ]
  }

  /// Runs `coach` with `stdin` as raw bytes (through a file, so nothing blocks), the environment
  /// either added to this process's or replacing it; kills it after `timeout` seconds.
  func run(
    _ arguments: [String], stdin: [UInt8] = [], environment: [String: String] = [:],
    replacingEnvironment: [String: String]? = nil, timeout: TimeInterval = 30
  ) throws -> Run {
    let raw = try CoachProcess.runRaw(
      arguments, in: folder, stdin: stdin,
      environment: replacingEnvironment
        ?? ProcessInfo.processInfo.environment.merging(environment) { $1 },
      timeout: timeout)
    return Run(
      status: raw.status, rawOutput: raw.stdout,
      errors: String(decoding: raw.stderr, as: UTF8.self),
      timedOut: raw.timedOut)
  }

  static func answers(_ persona: String) throws -> [[UInt8]] {
    let url = try XCTUnwrap(
      Bundle.module.url(forResource: "Fixtures/golden/\(persona)", withExtension: "in"))
    var lines = [UInt8](try Data(contentsOf: url)).split(
      separator: 0x0A, omittingEmptySubsequences: false
    ).map(Array.init)
    if lines.last == [] { lines.removeLast() }
    return lines
  }

  static func joined(_ lines: [[UInt8]]) -> [UInt8] {
    lines.flatMap { $0 + [0x0A] }
  }

  static func system(_ tool: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
