import Foundation
import XCTest

/// `coach graph` as a person runs it: the default session drawn, and rendered by Graphviz.
final class GraphCommandTests: XCTestCase {
  static let packageRoot = CheckCommandTests.packageRoot

  /// Graphviz's `dot`, when installed (`.ci/run` installs it).
  static func dot() throws -> URL {
    for directory in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] {
      let url = URL(fileURLWithPath: directory).appendingPathComponent("dot")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    throw XCTSkip("Graphviz 'dot' is not installed (apt-get install graphviz)")
  }

  func testTheDefaultSessionRendersWithDot() throws {
    let dot = try Self.dot()
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("coach-graph-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let graphFile = scratch.appendingPathComponent("trust-first.dot")
    let result = try CoachProcess.run(
      ["graph", "Dialogues/trust-first", "-o", graphFile.path], in: Self.packageRoot)
    XCTAssertEqual(result.status, 0, "\(result)")
    XCTAssertEqual(result.stdout, "")
    let text = try String(contentsOf: graphFile, encoding: .utf8)
    XCTAssertTrue(text.contains(#"label="Trust within yourself · 0.75 min";"#))
    XCTAssertTrue(text.contains(#""__start" -> "welcome";"#))

    let svg = scratch.appendingPathComponent("trust-first.svg")
    let process = Process()
    process.executableURL = dot
    process.arguments = ["-Tsvg", graphFile.path, "-o", svg.path]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let messages = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    XCTAssertEqual(process.terminationStatus, 0, messages)
    XCTAssertEqual(messages, "", "dot warned or failed")
    let rendered = try String(contentsOf: svg, encoding: .utf8)
    XCTAssertTrue(rendered.contains("<svg"))
    XCTAssertTrue(rendered.contains("picks_self"))
  }

  func testMermaidGoesToStandardOutput() throws {
    let result = try CoachProcess.run(
      ["graph", "Dialogues/examples/tour", "--format", "mermaid"], in: Self.packageRoot)
    XCTAssertEqual(result.status, 0, "\(result)")
    XCTAssertTrue(result.stdoutLines.contains("flowchart TD"), "\(result)")
    XCTAssertTrue(
      result.stdoutLines.contains(#"  s2 -->|"if team_size #gt; 12"| s3"#), "\(result)")
  }

  func testABrokenDialogueIsNotDrawn() throws {
    let result = try CoachProcess.run(
      ["graph", "unknown-goto.yaml"],
      in: try CheckCommandTests.fixtures.appendingPathComponent("broken"))
    XCTAssertEqual(result.status, 65, "\(result)")
    XCTAssertEqual(result.stdout, "")
    XCTAssertTrue(result.stderr.contains("unknown-goto.yaml:24:19: error:"), "\(result)")
  }
}
