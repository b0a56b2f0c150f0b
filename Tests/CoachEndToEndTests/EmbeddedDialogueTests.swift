import Foundation
import XCTest

/// The dialogues built into `coach` are checked when it is built: `DialogueEmbedder`, which the
/// EmbedDialogues plugin runs, refuses a dialogue with an error (failing the build, with
/// FILE:LINE:COLUMN) and embeds one without.
final class EmbeddedDialogueTests: XCTestCase {
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-embed-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Dialogues/retro"), withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  /// Runs the embedder on `Dialogues/retro/dialogue.yaml` holding the fixture `fixture`.
  func embed(_ fixture: String) throws -> (status: Int32, stderr: String, output: String?) {
    let text = try String(
      contentsOf: CheckCommandTests.fixtures.appendingPathComponent(fixture), encoding: .utf8)
    let file = root.appendingPathComponent("Dialogues/retro/dialogue.yaml")
    try text.write(to: file, atomically: true, encoding: .utf8)
    let output = root.appendingPathComponent("EmbeddedFiles.swift")
    let tool = try CoachProcess.executable().deletingLastPathComponent()
      .appendingPathComponent("DialogueEmbedder")
    let process = Process()
    process.executableURL = tool
    process.arguments = [output.path, root.path, file.path]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, stderr, try? String(contentsOf: output, encoding: .utf8))
  }

  func testADialogueWithAnErrorFailsTheBuildAtItsPlace() throws {
    let result = try embed("broken/unknown-step-key.yaml")
    XCTAssertEqual(result.status, 65, result.stderr)
    XCTAssertEqual(
      result.stderr.split(separator: "\n").map(String.init),
      [
        "\(root.path)/Dialogues/retro/dialogue.yaml:15:9: error: unknown key 'note' in a step; did you mean 'notes'?",
        "DialogueEmbedder: 1 error in Dialogues/; run 'coach check' on the dialogue for details",
      ])
    XCTAssertNil(result.output, "nothing is embedded")
  }

  func testACleanDialogueIsEmbedded() throws {
    let result = try embed("valid/retro.yaml")
    XCTAssertEqual(result.status, 0, result.stderr)
    XCTAssertEqual(result.stderr, "")
    XCTAssertTrue(
      result.output?.contains("\"Dialogues/retro/dialogue.yaml\": \"# The tiny") == true)
  }
}
