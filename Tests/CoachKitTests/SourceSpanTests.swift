import XCTest
import Yams

@testable import CoachKit

/// A place inside a value is found in the file, whatever way the value was written: every
/// character of every scalar maps to where it stands (a character made by an escape, to its
/// backslash).
final class SourceSpanTests: XCTestCase {
  /// Every non-blank character of every scalar in `yaml` maps to itself in the file.
  private func assertEveryCharacterMaps(
    _ yaml: String, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let document = try YAMLEventReader().read(Array(yaml.utf8), file: "t.yaml").get()
    let lines = yaml.replacingOccurrences(of: "\r\n", with: "\n")
      .split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    var checked = 0
    for id in document.nodes.indices where document.kind(id) == .scalar {
      let value = document.nodes[id].value
      let scalars = Array(value.unicodeScalars)
      let places = document.span(id).locations(ofScalars: Array(scalars.indices), in: value)
      for (offset, character) in scalars.enumerated() where !character.properties.isWhitespace {
        let place = places[offset]
        guard place.line <= lines.count, place.column <= lines[place.line - 1].count else {
          return XCTFail(
            "\(value.debugDescription)[\(offset)] maps to \(place), outside the file:\n\(yaml)",
            file: file, line: line)
        }
        let written = lines[place.line - 1][place.column - 1]
        guard written == character || written == "\\" else {
          return XCTFail(
            "\(value.debugDescription)[\(offset)] '\(character)' maps to \(place), which holds '\(written)':\n\(yaml)",
            file: file, line: line)
        }
        checked += 1
      }
    }
    XCTAssertGreaterThan(checked, 0, file: file, line: line)
  }

  func testBlockFoldedPlainAndQuotedText() throws {
    for yaml in [
      "say: |\n  First line.\n  Second {{name}} line.\n\n    more indented\n  last\n",
      "say: |-\n    four spaces\n    {{x}}\nnext: 1\n",
      "say: |2\n     three deep\n    two deep {{y}}\n",
      "say: >\n  folded into\n  one {{line}}\n\n  new paragraph\n    kept as is\n  end\n",
      "- >+\n  keep\n\n- x\n",
      "say: plain text that goes\n  on over {{several}}\n\n  lines\n",
      "say: 'it''s {{one}}\n  and ''two'''\n",
      "say: \"tab\\there \\\"q\\\" \\u00e9\\x41 \\U0001F600 {{n}}\"\n",
      "say: \"joined \\\n   here {{n}} and\n  folded\"\n",
      "key: value\r\nsay: |\r\n  crlf {{x}}\r\n  two\r\n",
      "ask:\n  prompt: >-\n    How many\n    people, {{team}}?\n",
      "- \"é{{ü}}ñ\\n\"\n- 'ü''é'\n",
    ] {
      try assertEveryCharacterMaps(yaml)
    }
  }

  /// Random texts, written by Yams in each style, map back character by character.
  func testRandomTextInEveryStyle() throws {
    let pieces = [
      "a", "b", " ", "  ", "\n", "\n\n", "{{x}}", "é", "'", "\"", "\\", ":", "#", "-", "\t", "ü",
      "😀", "word", "x y",
    ]
    var generator = SplitMix(seed: 7)
    let styles: [Node.Scalar.Style] = [.plain, .singleQuoted, .doubleQuoted, .literal, .folded]
    for _ in 0..<2000 {
      var text = ""
      for _ in 0..<generator.next(12) + 1 {
        text += pieces[generator.next(pieces.count)]
      }
      let style = styles[generator.next(styles.count)]
      let say = Node.mapping(Node.Mapping([(Node("say"), Node(text, .implicit, style))]))
      let node = Node.mapping(Node.Mapping([(Node("steps"), Node.sequence(Node.Sequence([say])))]))
      guard let yaml = try? Yams.serialize(node: node) else { continue }
      try assertEveryCharacterMaps(yaml)
    }
  }

  func testAnExpressionDefaultDropsItsEquals() throws {
    let yaml = "default: \"=today +\n  \\u0033\"\n"
    let document = try YAMLEventReader().read(Array(yaml.utf8), file: "t.yaml").get()
    let value = document.nodes[2].value
    XCTAssertEqual(value, "=today + 3")
    let span = document.span(2).dropping(1, of: value)
    let expression = String(value.dropFirst())
    XCTAssertEqual(span.start.description, "t.yaml:1:12")
    XCTAssertEqual(span.location(ofCharacter: 8, in: expression).description, "t.yaml:2:3")
  }
}
