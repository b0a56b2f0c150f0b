import Foundation
import XCTest

/// Files that are not dialogues at all, or are built to hurt a YAML parser: each gets one clear
/// message and exit 65, and none crashes or hangs (the run is killed after the timeout).
final class HostileDialogueTests: XCTestCase {
  var folder: URL!

  override func setUpWithError() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-hostile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Writes `bytes` as `name`, runs `coach check` on it, and returns the output.
  func check(_ name: String, _ bytes: [UInt8]) throws -> CoachProcess.Result {
    try Data(bytes).write(to: folder.appendingPathComponent(name))
    let result = try CoachProcess.run(["check", name], in: folder, timeout: 10)
    XCTAssertFalse(result.timedOut, "\(name) hung")
    XCTAssertEqual(result.status, 65, "\(name): \(result)")
    return result
  }

  func assertFinding(
    _ name: String, _ bytes: [UInt8], _ expected: String, file: StaticString = #filePath,
    line: UInt = #line
  )
    throws
  {
    let result = try check(name, bytes)
    XCTAssertEqual(result.stdoutLines.first, expected, "\(result)", file: file, line: line)
  }

  static func bomb(levels: Int, keyAlias: Bool = false) -> String {
    var yaml =
      "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    for level in 1...levels {
      let previous = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
      yaml += "a\(level): &a\(level) [\(previous)]\n"
    }
    if keyAlias { yaml += "*a\(levels) : boom\n" }
    return yaml
  }

  func testMalformedYAML() throws {
    try assertFinding(
      "broken.yaml", Array("id: x\ntitle: [unclosed\nduration: 1\n".utf8),
      "broken.yaml:3:9: error: the list that opens with '[' at line 2, column 8 needs a ',' or a closing ']' here; if the value is text that starts with '[', put it in quotes"
    )
  }

  func testSixLevelAliasBomb() throws {
    try assertFinding(
      "bomb.yaml", Array(Self.bomb(levels: 6).utf8),
      "bomb.yaml:1:5: error: anchors and aliases (&name, *name) are not supported in dialogue files; repeat the value instead"
    )
  }

  func testAliasUsedAsAMappingKey() throws {
    try assertFinding(
      "key.yaml", Array(Self.bomb(levels: 7, keyAlias: true).utf8),
      "key.yaml:1:5: error: anchors and aliases (&name, *name) are not supported in dialogue files; repeat the value instead"
    )
  }

  func testTwoThousandLevelsOfNesting() throws {
    let flow = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000)
    let result = try check("deep.yaml", Array("id: x\nsteps: \(flow)\n".utf8))
    XCTAssertTrue(result.stdoutLines.first?.hasPrefix("deep.yaml:2:") ?? false, "\(result)")
    XCTAssertTrue(result.stdout.contains("levels deep; dialogue files allow 200"), "\(result)")
    var indented = ""
    for level in 0..<2000 { indented += String(repeating: " ", count: level) + "k\(level):\n" }
    let blocks = try check("indented.yaml", Array(indented.utf8))
    XCTAssertTrue(blocks.stdout.contains("levels deep; dialogue files allow 200"), "\(blocks)")
  }

  func testInvalidUTF8() throws {
    try assertFinding(
      "latin1.yaml", Array("id: x\ntitle: caf".utf8) + [0xE9, 0x0A],
      "latin1.yaml:2:11: error: the file is not valid UTF-8 (byte 0xE9 at line 2, column 11); save it as UTF-8"
    )
  }

  func testBinaryFile() throws {
    let result = try check(
      "image.yaml", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])
    XCTAssertTrue(
      result.stdout.contains("this looks like a binary file, not YAML text"), "\(result)")
  }

  func testEmptyFile() throws {
    try assertFinding(
      "empty.yaml", [],
      "empty.yaml:1:1: error: the file is empty; a dialogue needs at least an id, a title and sections"
    )
    try assertFinding(
      "comments.yaml", Array("# only a comment\n\n".utf8),
      "comments.yaml:1:1: error: the file is empty; a dialogue needs at least an id, a title and sections"
    )
  }

  func testAFolderWithoutADialogueAndAMissingPath() throws {
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("empty-folder"), withIntermediateDirectories: true)
    let result = try CoachProcess.run(["check", "empty-folder"], in: folder)
    XCTAssertEqual(result.status, 66)
    XCTAssertEqual(
      result.stderr, "coach: no dialogue at 'empty-folder/dialogue.yaml': no such file or folder\n")
    let missing = try CoachProcess.run(["check", "nowhere.yaml"], in: folder)
    XCTAssertEqual(missing.status, 66)
  }

  func testAFIFOIsNotRead() throws {
    let path = folder.appendingPathComponent("pipe.yaml").path
    XCTAssertEqual(mkfifo(path, 0o600), 0)
    let result = try CoachProcess.run(["check", "pipe.yaml"], in: folder, timeout: 10)
    XCTAssertFalse(result.timedOut, "reading a FIFO must not block")
    XCTAssertEqual(result.status, 66)
    XCTAssertEqual(result.stderr, "coach: 'pipe.yaml' is not a regular file or a folder\n")
  }
}
