import XCTest
import Yams

@testable import CoachKit

#if canImport(CYaml)
  import CYaml
#endif

/// The YAML reader: what it refuses, where and in which words, and that it reads everything else
/// libyaml reads. (These were the pre-check scanner's tests; each hostile input must still be refused.)
final class YAMLEventReaderTests: XCTestCase {
  private let anchorMessage =
    "anchors and aliases (&name, *name) are not supported in dialogue files; repeat the value instead"
  private let tagMessage =
    "tags (!…) are not supported in dialogue files; if the '!' is part of the text, put the value in quotes"

  // MARK: - Helpers

  private func read(_ bytes: [UInt8], limits: DialogueLoader.Limits = .standard) -> Result<
    YAMLDocument, YAMLProblem
  > {
    YAMLEventReader(limits: limits).read(bytes, file: "t.yaml")
  }

  private func assertProblem(
    _ bytes: [UInt8], limits: DialogueLoader.Limits = .standard, _ line: Int, _ column: Int,
    _ message: String,
    file: StaticString = #filePath, line testLine: UInt = #line
  ) {
    switch read(bytes, limits: limits) {
    case .success:
      XCTFail("expected a problem, the input passed", file: file, line: testLine)
    case .failure(let problem):
      XCTAssertEqual(
        problem, YAMLProblem(line: line, column: column, message: message), file: file,
        line: testLine)
    }
  }

  private func assertProblem(
    _ text: String, limits: DialogueLoader.Limits = .standard, _ line: Int, _ column: Int,
    _ message: String,
    file: StaticString = #filePath, line testLine: UInt = #line
  ) {
    assertProblem(
      Array(text.utf8), limits: limits, line, column, message, file: file, line: testLine)
  }

  /// Read without a problem, and Yams composes it too.
  private func assertPasses(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
    if case .failure(let problem) = read(Array(text.utf8)) {
      XCTFail("unexpected problem: \(problem)\n---\n\(text)", file: file, line: line)
    }
    XCTAssertNotNil(try Yams.compose(yaml: text), "Yams composes nothing", file: file, line: line)
  }

  private func composeFails(_ text: String) -> Bool {
    (try? Yams.compose(yaml: text)) == nil
  }

  // MARK: - Empty, size, bytes

  func testEmptyInputs() throws {
    for text in [
      "", "   \n\n \n", "# just a comment\n  # another one\n", "\u{FEFF}", "\u{FEFF}# c\n", "---\n",
      "--- # c\n...\n", "~\n",
    ] {
      XCTAssertEqual(try read(Array(text.utf8)).get().nodes.count, 0, text.debugDescription)
    }
    XCTAssertEqual(
      DialogueText.loaderFindings("# nothing yet\n"),
      [
        "retro.yaml:1:1: error: the file is empty; a dialogue needs at least an id, a title and sections"
      ])
  }

  func testTooBig() {
    let size = 21_286_093  // 20.3 MiB
    assertProblem(
      [UInt8](repeating: 0x61, count: size), 1, 1,
      "the file is 20.3 MB; dialogue files are limited to 16 MB")
    assertProblem(
      [UInt8](repeating: 0x61, count: 16 * 1024 * 1024 + 1), 1, 1,
      "the file is 16,777,217 bytes; dialogue files are limited to 16 MB")
    assertProblem(
      [UInt8](repeating: 0x61, count: 2000), limits: .init(maxBytes: 1000), 1, 1,
      "the file is 2 KB; dialogue files are limited to 1,000 bytes")
  }

  func testBinary() {
    assertProblem(
      Array("id: x\ntitle: y\nabcdef\0gh\n".utf8), 3, 7,
      "this looks like a binary file, not YAML text (byte 0x00 at line 3, column 7)")
    assertProblem(
      Array("say: é\u{7F}\n".utf8), 1, 7,
      "this looks like a binary file, not YAML text (byte 0x7F at line 1, column 7)")
    assertProblem(
      Array("a: 1\r\nb: \u{1B}[0m\n".utf8), 2, 4,
      "this looks like a binary file, not YAML text (byte 0x1B at line 2, column 4)")
    // A PNG header: invalid UTF-8 first, but the NUL bytes make it binary.
    assertProblem(
      [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], 2, 1,
      "this looks like a binary file, not YAML text (byte 0x1A at line 2, column 1)")
  }

  func testInvalidUTF8() {
    assertProblem(
      Array("id: x\nsay: abcd".utf8) + [0xFF] + Array(" more\n".utf8), 2, 10,
      "the file is not valid UTF-8 (byte 0xFF at line 2, column 10); save it as UTF-8")
    // Latin-1 "é" after a multi-byte character: columns count characters.
    assertProblem(
      Array("say: ü caf".utf8) + [0xE9, 0x0A], 1, 11,
      "the file is not valid UTF-8 (byte 0xE9 at line 1, column 11); save it as UTF-8")
    for bad: [UInt8] in [
      [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0x80],
    ] {
      assertProblem(
        Array("a: ".utf8) + bad, 1, 4,
        "the file is not valid UTF-8 (byte 0x\(String(bad[0], radix: 16, uppercase: true)) at line 1, column 4); save it as UTF-8"
      )
    }
  }

  func testUTF16AndBOM() {
    let message = "the file is saved as UTF-16; save it as UTF-8"
    assertProblem(
      [0xFF, 0xFE] + Array("id: x\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, 1, 1,
      message)
    assertProblem(
      [0xFE, 0xFF] + Array("id: x\n".utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, 1, 1,
      message)
    assertProblem(
      Array("id: x\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, 1, 1, message)
    // A UTF-8 byte order mark is fine and is not part of the text.
    let document = try? read([0xEF, 0xBB, 0xBF] + Array("id: x\n".utf8)).get()
    XCTAssertEqual(document?.nodes.map(\.value), ["", "id", "x"])
    XCTAssertEqual(document.map { $0.location(1).description }, "t.yaml:1:1")
    assertProblem([0xEF, 0xBB, 0xBF] + Array("a: &x 1\n".utf8), 1, 4, anchorMessage)
  }

  // MARK: - Anchors, aliases, tags

  func testAnchorsAndAliases() {
    assertProblem("a: &x 1\nb: *x\n", 1, 4, anchorMessage)
    assertProblem("a: 1\nb: *x\n", 2, 4, anchorMessage)
    assertProblem("- &a x\n", 1, 3, anchorMessage)
    assertProblem("list:\n  - one\n  - *x\n", 3, 5, anchorMessage)
    assertProblem("a:\n  &x\n  b: 1\n", 2, 3, anchorMessage)
    assertProblem("a: [b, &c d]\n", 1, 8, anchorMessage)
    assertProblem("a: {b: *c}\n", 1, 8, anchorMessage)
    assertProblem("a: [b,\n  *c]\n", 2, 3, anchorMessage)
    assertProblem("&top\na: 1\n", 1, 1, anchorMessage)
    assertProblem("a: |\n  text\nb: &x 1\n", 3, 4, anchorMessage)
    assertProblem("a: \"x\ny\"\nb: *x\n", 3, 4, anchorMessage)
    assertProblem("say: hello\n  world\nb: &x 1\n", 3, 4, anchorMessage)
    // Written as text, but YAML reads an alias or an anchor here (and Yams rejects it).
    for (text, column, indicator, what) in [
      ("say: *bold* text\n", 6, "*", "an alias"), ("say: & more\n", 6, "&", "an anchor"),
      ("- *emphasis* first\n", 3, "*", "an alias"),
    ] {
      assertProblem(
        text, 1, column,
        "a value cannot start with '\(indicator)' (YAML reads it as \(what)); put the value in quotes"
      )
      XCTAssertTrue(composeFails(text), text)
    }
  }

  func testBillionLaughs() {
    var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    for (previous, name) in zip("abcde", "bcdef") {
      lines.append(
        "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",")
          + "]")
    }
    assertProblem(lines.joined(separator: "\n") + "\n", 1, 4, anchorMessage)
  }

  func testAliasAsMappingKey() {
    assertProblem("a: &a [x, y]\nb:\n  ? *a\n  : x\n", 1, 4, anchorMessage)
    assertProblem("a: &a [x, y]\nb:\n  *a : x\n", 1, 4, anchorMessage)
    assertProblem("? *a\n: x\n", 1, 3, anchorMessage)
    assertProblem("*a : x\n", 1, 1, anchorMessage)
    assertProblem("{*a : x}\n", 1, 2, anchorMessage)
  }

  func testTags() {
    assertProblem("a: !!str 1\n", 1, 4, tagMessage)
    assertProblem("a: !custom x\n", 1, 4, tagMessage)
    assertProblem("- !!map {}\n", 1, 3, tagMessage)
    assertProblem("!!map\na: 1\n", 1, 1, tagMessage)
    assertProblem("a: [x, !y z]\n", 1, 8, tagMessage)
    assertProblem("--- !doc\na: 1\n", 1, 5, tagMessage)
  }

  func testDirectivesAndDocuments() {
    let directive =
      "YAML directives (%YAML, %TAG) are not supported in dialogue files; remove the '%' line"
    assertProblem("%YAML 1.2\n---\na: 1\n", 1, 1, directive)
    assertProblem("# c\n%TAG ! tag:example.com,2000:\n---\na: 1\n", 2, 1, directive)
    assertProblem(
      "---\na: 1\n---\nb: 2\n", 3, 1, "only one YAML document per file; remove the second '---'")
    assertProblem(
      "---\n---\nb: 2\n", 2, 1, "only one YAML document per file; remove the second '---'")
    assertProblem(
      "a: 1\n---\nb: 2\n", 2, 1,
      "only one YAML document per file; a '---' line after content starts a new one, so remove it")
    assertProblem(
      "a: 1\n...\nb: 2\n", 3, 1,
      "only one YAML document per file; remove everything after the '...' on line 2")
    assertProblem(
      "a: 1\n...\n---\nb: 2\n", 3, 1,
      "only one YAML document per file; remove everything after the '...' on line 2")
    assertPasses("---\na: 1\n")
    assertPasses("# comment\n--- # start\na: 1\n...\n")
    assertPasses("a: 1\n...\n# trailing comment\n")
    assertPasses("a: |\n  ---\n  ...\n  %YAML\nb: '---'\n")
    assertPasses("a: 50%\nb: x --- y\n")
  }

  func testTabIndentation() {
    let message = "tabs cannot be used for indentation; indent with spaces"
    for (text, line, column) in [
      ("a:\n\tb: 1\n", 2, 1), ("a: 1\n\tb: 2\n", 2, 1), ("a: |\n  x\n\ty\n", 3, 1),
      ("- \tx\n", 1, 3),
    ] {
      assertProblem(text, line, column, message)
      XCTAssertTrue(composeFails(text), text)
    }
    assertPasses("a: b\tc\nd:\te\n")
    assertPasses("a: [1,\n\t2]\n")
    assertPasses("a: |\n  x\n  \ty\n")
    assertProblem("a: |\n  \tx\n", 2, 3, message)
    assertProblem("a: 1\n\t\nb: 2\n", 2, 1, message)
  }

  // MARK: - libyaml's errors in plain words

  func testIndentationMistakesSayWhatToLineUpWith() {
    assertProblem(
      "a:\n  b: 1\n   c: 2\n", 3, 4,
      "line 3 starts at column 4, right of 'b' on line 2 (column 3), so YAML reads it as more of the value of 'b'; to make it a key of its own, start it at column 3 like 'b'; if it is text that holds ': ', put the text in quotes"
    )
    assertProblem(
      "a:\n  b: 1\n c: 2\n", 3, 2,
      "line 3 starts at column 2, which lines up with neither 'b' on line 2 (column 3) nor 'a' on line 1 (column 1); line it up with the one it belongs with"
    )
    assertProblem(
      "steps:\n  - id: x\n    say: hi\n   - id: y\n", 4, 4,
      "line 4 starts at column 4, which lines up with neither 'say' on line 3 (column 5) nor the '- ' items of the list on line 2 (column 3); line it up with the one it belongs with"
    )
    assertProblem(
      "a:\n  - b\n  c: 1\n", 3, 3,
      "line 3 lines up with the '- ' items of the list on line 2 but does not start with '- '; start it with '- ' to make it an item, or start it at column 1 like 'a' on line 1 to make it a key there"
    )
    assertProblem(
      "a:\n  b: 1\n  - c\n", 3, 3,
      "a list item ('- ') cannot stand among the keys of a mapping ('b' on line 2); indent it under the key whose list it is"
    )
    assertProblem(
      "a: >\n  x\n y\n", 3, 2,
      "line 3 starts at column 2, left of the text of the '>' block that starts on line 1, so the block ends before it; line it up with the block's other lines to keep it in the text"
    )
    assertProblem(
      "k: v\nfoo\nz: 1\n", 2, 1,
      "'foo' on line 2 has no ':' after it, so it is not a key; if it is one, add ': ' and its value; if it continues the text above, indent it more than that text's key"
    )
  }

  func testQuotesColonsAndOtherMistakesInPlainWords() {
    assertProblem(
      "say: Feelings: how it went\n", 1, 14,
      "YAML reads this ': ' as the start of a key and value, which cannot stand here; if the text holds ': ', put the whole text in quotes"
    )
    assertProblem(
      "k: 'it's'\n", 1, 8,
      "the text in single quotes ended before this; to write ' inside single quotes, write it twice ('it''s'), or put the whole text in double quotes"
    )
    assertProblem(
      "k: \"say \"hi\" now\"\n", 1, 10,
      "the text in double quotes ended before this; to write \" inside double quotes, write \\\", or put the whole text in single quotes"
    )
    assertProblem(
      "k: \"unclosed\nz: 1\n", 1, 4,
      "the text in quotes that starts here is never closed; end it with \" (to write \" inside it, write \\\")"
    )
    assertProblem(
      "k: \"a \\q\"\n", 1, 7,
      "'\\q' is not an escape that double-quoted text knows; write '\\\\' for a backslash, or put the text in single quotes"
    )
    assertProblem("k: @x\n", 1, 4, "a value cannot start with '@'; put the value in quotes")
    assertProblem(
      "a: - b\n", 1, 4,
      "a list cannot start on the same line as its key; put each '- ' item on a line of its own, indented under the key (or, if this is text, put it in quotes)"
    )
    assertProblem(
      "k: |x\n  a\n", 1, 5,
      "the text of a '|' or '>' block starts on the next line; on this line only '-', '+', a digit or a comment may follow it"
    )
    // Text from the file in a message is shown without control characters.
    assertProblem(
      "k: \"a \\\u{1B}\"\n", 1, 8,
      "this looks like a binary file, not YAML text (byte 0x1B at line 1, column 8)")
    assertProblem(
      "k: \"a \\\u{202E}x\"\n", 1, 7,
      "'\\' is not an escape that double-quoted text knows; write '\\\\' for a backslash, or put the text in single quotes"
    )
  }

  // MARK: - Depth and size of the tree

  func testDeepFlowNesting() {
    let text = String(repeating: "[", count: 2000) + String(repeating: "]", count: 2000) + "\n"
    assertProblem(
      text, 1, 201, "the nesting here is more than 200 levels deep; dialogue files allow 200")
  }

  func testDeepBlockNesting() {
    var text = ""
    for level in 0..<2000 {
      text += String(repeating: " ", count: level) + "a:\n"
    }
    assertProblem(
      text, 201, 201, "the nesting here is more than 200 levels deep; dialogue files allow 200")
    let three = "the nesting here is more than 3 levels deep; dialogue files allow 3"
    assertProblem("a:\n b:\n  c:\n   d: 1\n", limits: .init(maxDepth: 3), 4, 4, three)
    assertProblem("- - - - x\n", limits: .init(maxDepth: 3), 1, 7, three)
    assertProblem("a:\n  - [x, {y: z}]\n", limits: .init(maxDepth: 3), 2, 9, three)
    assertPasses(String(repeating: "[", count: 150) + String(repeating: "]", count: 150) + "\n")
  }

  func testDepthIsReportedEvenIfAnchorsFollow() {
    assertProblem(
      "[[[[x]]]]\na: &x 1\n", limits: .init(maxDepth: 3), 1, 4,
      "the nesting here is more than 3 levels deep; dialogue files allow 3")
  }

  func testNodeCount() {
    let flow = "[" + (1...30).map(String.init).joined(separator: ",") + "]\n"
    let ten = "the file has more than 10 values; dialogue files allow 10"
    // Refused at the eleventh value: the list, then 1 to 9, then 10.
    assertProblem(flow, limits: .init(maxNodes: 10), 1, 20, ten)
    // Empty values count too.
    assertProblem(String(repeating: "-\n", count: 30), limits: .init(maxNodes: 10), 10, 2, ten)
    assertProblem(String(repeating: "k: v\n", count: 10), limits: .init(maxNodes: 10), 5, 4, ten)
    let big = "[" + String(repeating: "1,", count: 2_499_998) + "1]\n"
    assertProblem(
      big, 1, 4_000_000, "the file has more than 2,000,000 values; dialogue files allow 2,000,000")
  }

  // MARK: - Legitimate text

  func testLegitimateAmpersandsAndAsterisks() {
    let texts = [
      "say: \"**bold**\"\n",
      "say: Q&A time\n",
      "- a & b\n",
      "say: 5 * 3 is 15\n",
      "say: rock & roll\n",
      "say: a&b *c* d*\n",
      "say: \"&not an anchor\"\n",
      "say: '*not an alias*'\n",
      "say: 'it''s & * and !'\n",
      "say: \"she said \\\"*hi*\\\" & left\"\n",
      "say: hello! & bye!\n",
      "say: \"!important\"\n",
      "say: C# & F#\n",
      "url: http://example.com/#&anchor\n",
      "key: value # &x *y !z\n",
      "# &x *y !z\n- \"a\" # *b\n",
      "options: [a & b, c * d, \"&e\"]\n",
      "map: {k: \"v\", w: x & y, z: 'a*'}\n",
      "say: -*- not an alias\n",
      "say: ?&x\n",
      "say: :*y\n",
      "- - a & b\n  - c * d\n",
      "say: Welcome. We will cover\n  *three* topics today,\n  & maybe more\n  - not a list\n  !not a tag\n",
      "say: |\n  **Welcome!**\n  * item one\n  & more\n  - dash\n  !bang\n  # not a comment\n\n  *last*\n",
      "say: >-\n  *emphasis* on\n  & continuation\nnext: 1\n",
      "steps:\n  - say: |+\n      *one*\n\n  - say: >2\n       &indented\n      *two*\n",
      "say: \"first line\n  &second line\n  *third*\"\n",
      "say: \"escaped \\\n  *break*\"\n",
      "say: 'first\n  &second'\n",
      "- |\n  *x*\n- y\n",
      // Not legitimate: the block scalar ends at the shallower line, so Yams reads an alias there.
      "a: |\n     &deep\n   *less deep is no longer content\n",
    ]
    for text in texts.dropLast() {
      assertPasses(text)
    }
    // The last one is not valid YAML (the block scalar ends at the shallower line).
    XCTAssertTrue(composeFails(texts.last!))
  }

  func testLineBreaksLikeLibyaml() {
    // CR, CR LF, NEL, LS and PS all end lines for libyaml, so an anchor after one is at node start.
    assertProblem("a: 1\rb: &x 2\r", 2, 4, anchorMessage)
    assertProblem("a: 1\r\nb: &x 2\r\n", 2, 4, anchorMessage)
    assertProblem("a: 1\u{2028}b: &x 2\n", 2, 4, anchorMessage)
    assertPasses("say: Q&A\r\nnext: a & b\r\n")
    assertPasses("say: one\u{2028}  *two*\n")
  }

  func testRealisticDialogue() {
    let text = """
      # A realistic dialogue: comments with & and *, quoted colons, block scalars.
      id: breathing-basics
      title: "Breathing basics: a first session"
      version: 1
      description: >
        A short, calm introduction to box breathing & body scanning.
        Nothing here needs *special* equipment.

      settings:
        pace: slow   # slow & steady
        voice: "calm: warm"
        tags: [calm, beginner, "q&a"]

      sections:
        - id: welcome
          title: Welcome
          steps:
            - say: "Hi {{name}}! Ready to start?"
            - say: |
                Find a quiet place.
                * Sit upright
                * Relax your shoulders
                & breathe normally for a moment.
            - ask: "How do you feel right now: calm, tense or tired?"
              options:
                - label: Calm
                  goto: box
                - label: "Tense: a bit"
                  goto: scan
                - label: Tired & sleepy
                  goto: scan
        - id: box
          title: 'Box breathing'
          steps:
            - say: Breathe in for 4, hold for 4, out for 4 & hold for 4.
            - repeat: 4
              say: >-
                In... 2... 3... 4.
                Hold... 2... 3... 4.
            - say: 'That''s it: well done.'
        - id: scan
          title: Body scan
          steps:
            - say: "Start at your feet.
                Move slowly upwards,
                *noticing* each part."
            - ask: Anything that stands out?
              answer: free-text
              hint: e.g. "tight neck" or "cold hands"
            - when: answer contains "neck"
              say: Roll your shoulders 5 * 2 times.
            - say: Good.
        - id: end
          title: The end
          steps:
            - say: |-
                That's all for today.
                See you soon!
            - done: true
      # end of file: *really*
      """
    XCTAssertGreaterThanOrEqual(
      text.split(separator: "\n", omittingEmptySubsequences: false).count, 60)
    assertPasses(text)
  }

  private func generatedDialogue(minimumBytes: Int) -> String {
    var text = "id: big\ntitle: \"A big one\"\nsections:\n"
    var section = 0
    while text.utf8.count < minimumBytes {
      text += """
          - id: section-\(section)
            title: "Section \(section): Q&A"
            steps:
              - say: Welcome & hello, 5 * 3 is 15
              - say: |
                  *Block* text & more
                  # not a comment
              - ask: "Ready: yes or no?"
                options: [yes, no, "maybe & later"]

        """
      section += 1
    }
    return text
  }

  func testLargeValidFilePasses() {
    let text = generatedDialogue(minimumBytes: 10 * 1024 * 1024)
    XCTAssertNotNil(try? read(Array(text.utf8)).get())
    // Yams agrees on a smaller file of the same shape.
    assertPasses(generatedDialogue(minimumBytes: 4000))
  }

  // MARK: - Agreement with libyaml

  #if canImport(CYaml)
    private enum Scanned {
      /// The first anchor, alias or tag token; whether the scanner then fails further on.
      case property(line: Int, column: Int, thenError: Bool)
      case none
      case error
    }

    /// Where libyaml's own scanner (inside Yams) finds its first anchor, alias or tag token.
    private static func libyamlFirstProperty(_ text: String) -> Scanned {
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else { return .error }
      defer { yaml_parser_delete(&parser) }
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { buffer -> Scanned in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var token = yaml_token_t()
        var first: (line: Int, column: Int)?
        while true {
          guard yaml_parser_scan(&parser, &token) == 1 else {
            return first.map { .property(line: $0.line, column: $0.column, thenError: true) }
              ?? .error
          }
          defer { yaml_token_delete(&token) }
          switch token.type {
          case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN, YAML_TAG_TOKEN:
            if first == nil {
              first = (Int(token.start_mark.line) + 1, Int(token.start_mark.column) + 1)
            }
          case YAML_STREAM_END_TOKEN:
            return first.map { .property(line: $0.line, column: $0.column, thenError: false) }
              ?? .none
          default:
            continue
          }
        }
      }
    }

    /// Builds many small documents from fragments and checks that an anchor, alias or tag is
    /// reported exactly where libyaml's scanner finds one (unless a syntax error comes first), never
    /// where it finds none, and that whatever Yams composes is read.
    func testAgreesWithLibyamlOnAnchorsAliasesAndTags() {
      let fragments = [
        "a", "b:", " ", "  ", "\n", "- ", "&x", "*x", "!t", "& ", "* ", "'q&'", "\"d*\"", "'*\n&'",
        "|", ">-", "|2",
        "#c&", "[", "]", "{", "}", ", ", ",", ": ", ":", "? ", "?", "k: ", "text & more", "5 * 3",
        "\"\n  *m\"", "x",
        "\n  ", "\n    ", "\\", "-", "*", "&", "!",
      ]
      var generator = SplitMix(seed: 42)
      var compared = (found: 0, none: 0)
      for _ in 0..<20_000 {
        let length = generator.next(10) + 1
        var text = ""
        for _ in 0..<length {
          text += fragments[generator.next(fragments.count)]
        }
        text += "\n"
        let expected: (line: Int, column: Int)?
        switch Self.libyamlFirstProperty(text) {
        case .error: continue
        case .none: expected = nil
        case .property(let line, let column, let thenError):
          // libyaml reads ahead: a syntax error further on can come before the property's event.
          if thenError {
            if case .success = read(Array(text.utf8)) {
              return XCTFail("\(text.debugDescription) passed")
            }
            continue
          }
          expected = (line, column)
        }
        let result = read(Array(text.utf8))
        var reported: (line: Int, column: Int)? = nil
        var syntaxError: (line: Int, column: Int)? = nil
        if case .failure(let problem) = result {
          if problem.message.hasPrefix("anchors and aliases") || problem.message.hasPrefix("tags (")
            || problem.message.hasPrefix("a value cannot start with '*'")
            || problem.message.hasPrefix("a value cannot start with '&'")
          {
            reported = (problem.line, problem.column)
          } else {
            syntaxError = (problem.line, problem.column)
          }
        }
        if let expected {
          compared.found += 1
          if let syntaxError, syntaxError <= expected { continue }
          guard let reported, reported == expected else {
            return XCTFail(
              "\(text.debugDescription): libyaml finds one at \(expected), the reader says \(result)"
            )
          }
        } else {
          compared.none += 1
          guard reported == nil else {
            return XCTFail(
              "\(text.debugDescription): libyaml finds none, the reader says \(result)")
          }
          if !composeFails(text), case .failure(let problem) = result {
            return XCTFail("\(text.debugDescription): Yams composes it, the reader says \(problem)")
          }
        }
      }
      XCTAssertGreaterThan(compared.found, 1000)
      XCTAssertGreaterThan(compared.none, 1000)
    }
  #endif
}
