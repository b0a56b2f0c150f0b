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

  // MARK: - A dialogue reads only its own folder

  /// A dialogue folder `d` whose main file includes `name` (and maybe names a plan template).
  func writeDialogue(including name: String, template: String? = nil) throws -> URL {
    let fixtures = try CheckCommandTests.fixtures.appendingPathComponent("broken/missing-include")
    let d = folder.appendingPathComponent("d")
    try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
    var main = try String(
      contentsOf: fixtures.appendingPathComponent("dialogue.yaml"), encoding: .utf8)
    main = main.replacingOccurrences(of: "  - feelings.yml\n", with: "  - \(name)\n")
    if let template { main += "plan:\n  template_file: \(template)\n" }
    try main.write(to: d.appendingPathComponent("dialogue.yaml"), atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(
      at: fixtures.appendingPathComponent("feelings.yaml"),
      to: d.appendingPathComponent("feelings.yaml"))
    return d
  }

  /// What was refused, and that nothing of the file outside reached the output.
  func assertRefused(
    _ expected: String, including name: String = "feelings.yaml", template: String? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let secret = folder.appendingPathComponent("secret.yaml")
    try "root:x:0:0:root:/root:/bin/bash\n".write(to: secret, atomically: true, encoding: .utf8)
    let result = try CoachProcess.run(["check", "d"], in: folder, timeout: 10)
    XCTAssertFalse(result.timedOut, "reading a pipe must not block", file: file, line: line)
    XCTAssertEqual(result.status, 65, "\(result)", file: file, line: line)
    XCTAssertEqual(result.stdoutLines.first, expected, "\(result)", file: file, line: line)
    XCTAssertFalse(result.stdout.contains("root:x"), "\(result)", file: file, line: line)
  }

  func testAnIncludeOutsideTheFolderIsNotRead() throws {
    _ = try writeDialogue(including: "/etc/passwd")
    try assertRefused(
      "d/dialogue.yaml:9:5: error: cannot include '/etc/passwd': it is an absolute path, and a dialogue reads only files in its own folder; copy the file into the folder and name it from there"
    )
  }

  func testAnIncludeWithDotDotIsNotRead() throws {
    _ = try writeDialogue(including: "../secret.yaml")
    try assertRefused(
      "d/dialogue.yaml:9:5: error: cannot include '../secret.yaml': '..' is not allowed in a file name, since a dialogue reads only files in its own folder; name the file from there (or copy it there)"
    )
  }

  func testALinkLeadingOutOfTheFolderIsNotRead() throws {
    let d = try writeDialogue(including: "link.yaml")
    try FileManager.default.createSymbolicLink(
      atPath: d.appendingPathComponent("link.yaml").path, withDestinationPath: "../secret.yaml")
    try assertRefused(
      "d/dialogue.yaml:9:5: error: cannot include 'link.yaml': it is a link to a file outside the dialogue's folder, and a dialogue reads only files in its own folder; copy the file into the folder instead"
    )
  }

  /// Running it goes through the same loading (with the session's snapshot of the files).
  func testALinkLeadingOutOfTheFolderIsNotRunEither() throws {
    let d = try writeDialogue(including: "link.yaml")
    try "root:x:0:0:root:/root:/bin/bash\n".write(
      to: folder.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      atPath: d.appendingPathComponent("link.yaml").path, withDestinationPath: "../secret.yaml")
    let result = try CoachProcess.run(
      ["run", "d"], in: folder,
      environment: ["XDG_DATA_HOME": folder.appendingPathComponent("data").path],
      timeout: 10)
    XCTAssertEqual(result.status, 65, "\(result)")
    XCTAssertTrue(
      result.stderr.contains("it is a link to a file outside the dialogue's folder"), "\(result)")
    XCTAssertFalse(
      result.stderr.contains("root:x") || result.stdout.contains("root:x"), "\(result)")
  }

  func testALinkInsideTheFolderIsRead() throws {
    let d = try writeDialogue(including: "other.yaml")
    try FileManager.default.createSymbolicLink(
      atPath: d.appendingPathComponent("other.yaml").path, withDestinationPath: "feelings.yaml")
    let result = try CoachProcess.run(["check", "d"], in: folder, timeout: 10)
    XCTAssertEqual(result.status, 0, "\(result)")
  }

  func testAPipeIsNotIncludedAndDoesNotBlock() throws {
    let d = try writeDialogue(including: "pipe.yaml")
    XCTAssertEqual(mkfifo(d.appendingPathComponent("pipe.yaml").path, 0o600), 0)
    try assertRefused(
      "d/dialogue.yaml:9:5: error: cannot include 'pipe.yaml': it is not a regular file (a pipe, a device or a socket), so it is not read"
    )
  }

  func testAPlanTemplateOutsideTheFolderOrAPipeIsNotRead() throws {
    let d = try writeDialogue(including: "feelings.yaml", template: "/etc/passwd")
    try assertRefused(
      "d/dialogue.yaml:31:18: error: cannot read the template file '/etc/passwd': it is an absolute path, and a dialogue reads only files in its own folder; copy the file into the folder and name it from there"
    )
    XCTAssertEqual(mkfifo(d.appendingPathComponent("plan.md").path, 0o600), 0)
    let main = d.appendingPathComponent("dialogue.yaml")
    try String(contentsOf: main, encoding: .utf8)
      .replacingOccurrences(of: "template_file: /etc/passwd", with: "template_file: plan.md")
      .write(to: main, atomically: true, encoding: .utf8)
    try assertRefused(
      "d/dialogue.yaml:31:18: error: cannot read the template file 'plan.md': it is not a regular file (a pipe, a device or a socket), so it is not read"
    )
  }
}
