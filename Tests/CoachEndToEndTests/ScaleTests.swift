import Foundation
import XCTest

/// Size does not hurt: a huge typed line, a huge parked topic, a huge file among the sessions.
/// Each is checked by what it would break (memory, what is kept), never by timing.
final class ScaleTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-scale-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  var environment: [String: String] {
    ProcessInfo.processInfo.environment.merging([
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "COACH_NOW": "2026-11-29T09:00:00Z", "COACH_SESSION_ID": "big",
    ]) { $1 }
  }

  var sessions: URL { root.appendingPathComponent("data/coach/sessions") }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

  /// Runs the binary under a limit on its address space: reading a gigabyte into memory, or
  /// holding a 50 MB line as text several times over, would fail under it.
  func runLimited(_ arguments: [String], stdin: [UInt8] = [], megabytes: Int = 1024) throws
    -> CoachProcess.RawResult
  {
    let coach = try CoachProcess.executable().path
    let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
    return try CoachProcess.runRawCommand(
      "/bin/sh",
      ["-c", "ulimit -v \(megabytes * 1024) && exec '\(coach)' \(quoted.joined(separator: " "))"],
      in: Self.fixtures, stdin: stdin, environment: environment, timeout: 120)
  }

  /// A 50 MB line on standard input is read as it comes and kept to its first megabyte: the
  /// question refuses it as too long, and the session goes on.
  func testAFiftyMegabyteLineIsReadWithinBoundedMemory() throws {
    let huge = [UInt8](repeating: UInt8(ascii: "a"), count: 50 << 20)
    let input = huge + Array("\nTigers\n".utf8)
    let result = try runLimited(
      ["run", "transcripts/every-type.yaml"], stdin: input, megabytes: 900)
    let output = String(decoding: result.stdout, as: UTF8.self)
    XCTAssertFalse(result.timedOut)
    XCTAssertTrue(output.contains("please keep it to 20"), String(output.suffix(2000)))
    XCTAssertTrue(output.contains("How many people are in Tigers?"), String(output.suffix(2000)))
  }

  /// `/park` keeps 500 characters of a topic, and so does the log: a megabyte parked costs a
  /// line of the log, not a megabyte.
  func testAParkedTopicIsLoggedAsKept() throws {
    let topic = String(repeating: "budget ", count: 150_000)
    let result = try CoachProcess.runInProcess(
      ["run", "--facilitator", "--participants", "4", "team"], in: Self.fixtures,
      stdin: "2\n4\n/skip\n5\n4\n/park \(topic)\n",
      environment: [
        "XDG_DATA_HOME": root.appendingPathComponent("data").path, "COACH_SESSION_ID": "big",
      ])
    XCTAssertTrue(result.stdout.contains("budget budget"), result.description)
    let log = sessions.appendingPathComponent("big.jsonl")
    let size = try XCTUnwrap(
      FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int)
    XCTAssertLessThan(size, 20_000, "the log keeps what the parking lot keeps")
  }

  /// A gigabyte log (sparse: it takes no disk) among the sessions: listing reads its first line
  /// and its end, never the rest, so it fits in a small address space. So does one whose end is
  /// nothing but zeros (it used to be replayed whole: 2 GB and two minutes to list).
  func testAGigabyteLogIsListedFromItsHeadAndTail() throws {
    let run = try CoachProcess.runInProcess(
      ["run", "transcripts/every-type.yaml"], in: Self.fixtures, stdin: "Tigers\n4\n",
      environment: [
        "XDG_DATA_HOME": root.appendingPathComponent("data").path, "COACH_SESSION_ID": "small",
      ])
    XCTAssertEqual(run.status, 65, run.description)
    let small = try String(
      contentsOf: sessions.appendingPathComponent("small.jsonl"), encoding: .utf8)
    let lines = small.split(separator: "\n")
    let big = sessions.appendingPathComponent("big.jsonl")
    try (lines[0] + "\n").write(to: big, atomically: false, encoding: .utf8)
    let handle = try FileHandle(forWritingTo: big)
    try handle.truncate(atOffset: 1 << 30)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(("\n" + lines[lines.count - 1] + "\n").utf8))
    try handle.close()
    let zeros = sessions.appendingPathComponent("zeros.jsonl")
    try (lines[0] + "\n").write(to: zeros, atomically: false, encoding: .utf8)
    let zerosHandle = try FileHandle(forWritingTo: zeros)
    try zerosHandle.truncate(atOffset: 1 << 30)
    try zerosHandle.close()
    let listed = try runLimited(["sessions"], megabytes: 600)
    let output = String(decoding: listed.stdout, as: UTF8.self)
    XCTAssertEqual(listed.status, 0, output + String(decoding: listed.stderr, as: UTF8.self))
    XCTAssertTrue(output.contains("big "), output)
    XCTAssertTrue(output.contains("small "), output)
    XCTAssertTrue(output.contains("zeros "), output)
    XCTAssertTrue(output.contains("1024 MiB it is not read whole"), output)
    // Asked for by name, it is said to be no session's log, and never read whole either.
    let resumed = try runLimited(["resume", "zeros"], megabytes: 600)
    let said = String(decoding: resumed.stderr, as: UTF8.self)
    XCTAssertEqual(resumed.status, 65, said)
    XCTAssertTrue(said.contains("far more than any session writes"), said)
    XCTAssertTrue(said.contains("'coach sessions delete zeros'"), said)
    let exported = try runLimited(["export", "zeros", "--format", "json"], megabytes: 600)
    XCTAssertEqual(exported.status, 0, String(decoding: exported.stderr, as: UTF8.self))
  }

  /// `graph -o` never writes through a symbolic link, and writes a file others may read (the
  /// picture holds nothing of anyone's answers).
  func testGraphOutputNeverFollowsALinkAndIsReadable() throws {
    let target = root.appendingPathComponent("target.txt")
    try "keep me".write(to: target, atomically: true, encoding: .utf8)
    let link = root.appendingPathComponent("flow.dot")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
    let refused = try CoachProcess.runInProcess(
      ["graph", "transcripts/every-type.yaml", "-o", link.path], in: Self.fixtures)
    XCTAssertEqual(refused.status, 73, refused.description)
    XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "keep me")
    let file = root.appendingPathComponent("real.dot")
    let written = try CoachProcess.runInProcess(
      ["graph", "transcripts/every-type.yaml", "-o", file.path], in: Self.fixtures)
    XCTAssertEqual(written.status, 0, written.description)
    let mode =
      try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o644)
  }
}
