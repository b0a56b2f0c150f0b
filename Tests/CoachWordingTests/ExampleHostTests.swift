import CoachKit
import CoachWording
import Foundation
import XCTest

/// The example host of docs/runtime.md, as written there, run on the tour with scripted lines:
/// so the documented API is the real one.
final class ExampleHostTests: XCTestCase {
  // From docs/runtime.md ("A host in a few lines"), with `readLine()` and `print` given.
  func runHost(
    _ dialogue: Dialogue, readLine: () -> String?, print: (String) -> Void
  ) throws {
    let header = LogHeader(
      session: "demo", dialogue: dialogue, source: "demo", startedAt: Date(),
      timeZone: .current)
    var (runtime, reply) = SessionRuntime.start(
      dialogue, header: header, store: MemoryEventStore())
    while true {
      if let notice = reply.notice { print(ReplyText.notice(notice, dialogue: runtime.dialogue)) }
      for case .say(let text, _) in reply.lines { print(text) }
      if let rejection = reply.rejection { print(RejectionText.sentence(rejection)) }
      if let prompt = reply.prompt { print(PromptText.lines(for: prompt).joined(separator: "\n")) }
      guard !runtime.isFinished, let line = readLine() else { break }
      reply = try runtime.handle(line == "/back" ? .back : .answer(line), at: Date())
    }
    if let plan = runtime.plan(at: Date()) { print(plan) }
  }

  func testTheDocumentedHostRunsTheTour() throws {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    var files: [String: String] = [:]
    for name in ["dialogue.yaml", "questions.yaml", "plan.md.mustache"] {
      let path = "Dialogues/examples/tour/" + name
      files[path] = try String(
        contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }
    let dialogue = try XCTUnwrap(
      DialogueLoader(source: .inMemory(files)).load(path: "Dialogues/examples/tour").dialogue)
    var lines = ["Tigers", "4", "6", "/back", "4", "remote", "4", "2", "50", "1", "yes", ""]
    var shown: [String] = []
    try runHost(
      dialogue, readLine: { lines.isEmpty ? nil : lines.removeFirst() },
      print: { shown.append($0) })
    let text = shown.joined(separator: "\n")
    XCTAssertTrue(text.contains("What do you call your team?"), text)
    XCTAssertTrue(text.contains("Back to the previous question"), text)
  }
}
