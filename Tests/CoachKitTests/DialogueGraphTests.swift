import XCTest

@testable import CoachKit

/// `coach graph`: nodes by section, edges with their conditions, and text escaped for DOT and Mermaid.
final class DialogueGraphTests: XCTestCase {
  /// The retro dialogue with a quote, a backslash and `<`, `#`, `|` in its condition and title.
  static let tricky = DialogueText.retro(
    (old: "title: A short retro check", new: #"title: 'The "retro" \ check <#1>'"#),
    (old: "- if: team_size > 8", new: #"- if: 'team_size > 8 and "a|b#c" != "x\\y"'"#),
    (old: "      - id: mood\n", new: "      - id: mood\n        when: team_size < 20\n"),
  )

  func graph(_ text: String = tricky) throws -> DialogueGraph {
    let result = DialogueLoader().load(text: text, name: "retro.yaml")
    XCTAssertEqual(result.diagnostics, [])
    return DialogueGraph(try XCTUnwrap(result.dialogue))
  }

  func testNodesAreGroupedBySectionWithTheirBudgets() throws {
    let graph = try graph(DialogueText.retro)
    XCTAssertEqual(graph.clusters.map(\.id), ["opening", "feelings"])
    XCTAssertEqual(graph.clusters.map(\.budget), [1, 3])
    XCTAssertEqual(graph.clusters[0].nodes.map(\.id), ["hello", "team_size", "big"])
    XCTAssertEqual(graph.clusters[0].nodes.map(\.kind), ["says", "asks number 1–50", "says"])
    XCTAssertTrue(graph.clusters[0].nodes[0].isStart)
    XCTAssertTrue(graph.clusters[1].nodes[1].isFinal)
    XCTAssertEqual(
      graph.edges.map(\.description),
      [
        "hello → team_size", "team_size → big (if team_size > 8)",
        "team_size → mood (otherwise)", "big → mood", "mood → done",
      ])
  }

  func testDOTEscapesQuotesAndBackslashesAndMarksTheSteps() throws {
    let dot = try graph().dot()
    XCTAssertTrue(dot.hasPrefix("digraph dialogue {\n"))
    XCTAssertTrue(dot.contains(#"graph [label="The \"retro\" \\ check <#1> · 4 min""#), dot)
    XCTAssertTrue(dot.contains(#"label="Opening · 1 min";"#), dot)
    XCTAssertTrue(
      dot.contains(
        #""team_size" -> "big" [label="if team_size > 8 and \"a|b#c\" != \"x\\\\y\""];"#), dot)
    XCTAssertTrue(dot.contains(#""team_size" -> "mood" [label="otherwise", style=dashed];"#), dot)
    XCTAssertTrue(
      dot.contains(
        #""mood" [label="mood\nasks scale 1–5\nwhen team_size < 20", style="rounded,dashed"];"#),
      dot)
    XCTAssertTrue(dot.contains(#""done" [label="done\nsays\n(final)", peripheries=2"#), dot)
    XCTAssertTrue(dot.contains(#""__start" -> "hello";"#), dot)
  }

  func testMermaidUsesEntityCodesInsideLabels() throws {
    let mermaid = try graph().mermaid()
    let lines = mermaid.components(separatedBy: "\n")
    XCTAssertEqual(lines[0], "---")
    XCTAssertEqual(lines[1], #"title: "The \"retro\" \\ check <#1> · 4 min""#)
    XCTAssertTrue(lines.contains("flowchart TD"))
    XCTAssertTrue(
      lines.contains(
        #"  s1 -->|"if team_size #gt; 8 and #quot;a#124;b#35;c#quot; != #quot;x\\y#quot;"| s2"#),
      mermaid)
    XCTAssertTrue(lines.contains(#"  s1 -.->|"otherwise"| s3"#), mermaid)
    XCTAssertTrue(
      lines.contains(#"    s3["mood<br/>asks scale 1–5<br/>when team_size #lt; 20"]"#), mermaid)
    XCTAssertTrue(lines.contains("  class s4 final"), mermaid)
    XCTAssertTrue(lines.contains("  class s3 conditional"), mermaid)
    XCTAssertTrue(lines.contains("  start --> s0"), mermaid)
    // Inside every quoted label, no quote but the closing one.
    for line in lines where line.contains("[\"") {
      let inner = line.split(separator: "[\"", maxSplits: 1)[1]
      XCTAssertTrue(inner.hasSuffix("\"]"), line)
      XCTAssertFalse(inner.dropLast(2).contains("\""), line)
    }
  }
}
