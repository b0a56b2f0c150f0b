@testable import CoachKit
import Foundation
import XCTest

/// The format reference is the contract with every author: it must mention every key the loader
/// accepts, and its examples must be accepted.
final class FormatReferenceTests: XCTestCase {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()

  func reference() throws -> String {
    try String(
      contentsOf: Self.packageRoot.appending(path: "docs/dialogue-format.md"), encoding: .utf8)
  }

  func testEveryAcceptedKeyIsDocumented() throws {
    let text = try reference()
    let missing = Schema.allKeys.filter { !text.contains("`\($0)`") }.sorted()
    XCTAssertEqual(
      missing, [], "docs/dialogue-format.md does not mention these keys the loader accepts")
  }

  func testEveryQuestionTypeIsDocumented() throws {
    let text = try reference()
    for type in Schema.questionTypes {
      XCTAssertTrue(text.contains("### `type: \(type)`"), "no section for type '\(type)'")
    }
  }

  func testEveryFunctionIsDocumented() throws {
    let text = try reference()
    for function in Function.allCases {
      XCTAssertTrue(
        text.contains("`\(function.name)("), "the function \(function.name) is not documented")
    }
  }

  func testTheOpeningExampleIsAValidDialogue() throws {
    let text = try reference()
    let start = try XCTUnwrap(text.range(of: "```yaml\n"))
    let end = try XCTUnwrap(text.range(of: "```", range: start.upperBound..<text.endIndex))
    let yaml = String(text[start.upperBound..<end.lowerBound])
    let result = DialogueLoader().load(text: yaml, name: "example.yaml")
    let dialogue = try XCTUnwrap(result.dialogue)
    XCTAssertEqual(result.diagnostics + DialogueChecker().check(dialogue), [])
  }

  func testTheExampleTourIsValid() throws {
    // The core reads no files itself; the test hands it the tour's files.
    let folder = Self.packageRoot.appending(path: "Dialogues/examples/tour")
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where name.hasSuffix(".yaml") || name.hasSuffix(".mustache") {
      files["tour/" + name] = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
    }
    let result = try DialogueLoader(source: .inMemory(files)).load(path: "tour")
    let dialogue = try XCTUnwrap(result.dialogue)
    XCTAssertEqual(result.diagnostics + DialogueChecker().check(dialogue), [])
  }
}

/// Every example in the format reference that is a whole dialogue loads, passes the checker,
/// and runs to its end (each question answered with the first thing it takes).
final class FormatReferenceExampleTests: XCTestCase {
  func testEveryWholeDialogueInTheReferenceChecksAndRuns() throws {
    let text = try String(
      contentsOf: FormatReferenceTests.packageRoot.appending(path: "docs/dialogue-format.md"),
      encoding: .utf8)
    var blocks: [String] = []
    var rest = Substring(text)
    while let start = rest.range(of: "```yaml\n"),
      let end = rest.range(of: "\n```", range: start.upperBound..<rest.endIndex)
    {
      blocks.append(String(rest[start.upperBound..<end.lowerBound]) + "\n")
      rest = rest[end.upperBound...]
    }
    let whole = blocks.filter { $0.hasPrefix("format:") }
    XCTAssertGreaterThanOrEqual(whole.count, 3)
    for (index, yaml) in whole.enumerated() {
      let name = "example-\(index + 1).yaml"
      let result = DialogueLoader().load(text: yaml, name: name)
      let dialogue = try XCTUnwrap(result.dialogue, "\(name): \(result.diagnostics)")
      XCTAssertEqual(
        (result.diagnostics + DialogueChecker().check(dialogue)).map(\.description), [],
        "\(name):\n\(yaml)")
      let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
      var (session, reply) = engine.start()
      var turns = 0
      while let prompt = reply.prompt, turns < 200 {
        turns += 1
        reply = engine.handle(.answer(Self.firstAnswer(for: prompt.kind)), in: &session)
        XCTAssertNil(reply.rejection, "\(name): \(prompt.stepID) refused the answer")
      }
      XCTAssertTrue(session.isFinished, "\(name) ends")
    }
  }

  static func firstAnswer(for kind: AnswerKind) -> String {
    switch kind {
    case .text: "a plain answer"
    case .choice, .multipleChoice: "1"
    case .scale(let scale): "\(scale.max)"
    case .number(let rules): rules.min.map { Value.number($0).displayText } ?? "1"
    case .yesNo: "y"
    case .moment: "tomorrow at 9:00"
    }
  }
}
