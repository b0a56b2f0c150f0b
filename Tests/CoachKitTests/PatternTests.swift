import Foundation
import XCTest

@testable import CoachKit

/// coach's pattern dialect: what matches, what is refused and where, and that it agrees with
/// Swift's own regular expressions wherever both accept a pattern.
final class PatternTests: XCTestCase {
  func matches(
    _ pattern: String, _ text: String, file: StaticString = #filePath, line: UInt = #line
  )
    -> Bool
  {
    do {
      return try Pattern(pattern).matches(text)
    } catch {
      XCTFail("'\(pattern)' was refused: \(error.message)", file: file, line: line)
      return false
    }
  }

  func refusal(_ pattern: String) -> (offset: Int, message: String)? {
    do throws(PatternError) {
      _ = try Pattern(pattern)
      return nil
    } catch {
      return (error.offset, error.message)
    }
  }

  // MARK: - The dialect

  func testWholeAnswerMatching() {
    XCTAssertTrue(matches("[0-9]+", "42"))
    XCTAssertFalse(matches("[0-9]+", "42 min"), "the whole answer must match")
    XCTAssertFalse(matches("[0-9]+", "x42"))
    XCTAssertTrue(matches("", ""))
    XCTAssertFalse(matches("", "a"))
    XCTAssertTrue(matches("^ab$", "ab"), "^ and $ may be written; they change nothing here")
    XCTAssertFalse(matches("a^b", "ab"))
  }

  func testLiteralsClassesAndEscapes() {
    XCTAssertTrue(matches("a.c", "abc"))
    XCTAssertFalse(matches("a.c", "a\nc"), ". does not take a line break without (?s)")
    XCTAssertTrue(matches("(?s)a.c", "a\nc"))
    XCTAssertTrue(matches("[a-cx]+", "abcx"))
    XCTAssertFalse(matches("[a-cx]+", "abd"))
    XCTAssertTrue(matches("[^0-9]+", "abc"))
    XCTAssertFalse(matches("[^0-9]+", "ab1"))
    XCTAssertTrue(matches("[-a]+", "-a-"), "a leading '-' is literal")
    XCTAssertTrue(matches("[a-]+", "a-"), "a trailing '-' is literal")
    XCTAssertTrue(matches("[\\]\\[]+", "][]"))
    XCTAssertTrue(matches("\\d\\D\\w\\W\\s\\S", "1a_-\tx"))
    XCTAssertTrue(matches("\\d+", "٤٢"), "\\d takes digits of any script")
    XCTAssertTrue(matches("\\w+", "café_2"))
    XCTAssertTrue(matches("\\.\\*\\(\\)\\\\\\{", ".*()\\{"))
    XCTAssertTrue(matches("a\\tb\\nc", "a\tb\nc"))
    XCTAssertTrue(matches("\\u{E9}t\\u00E9", "été"))
    XCTAssertTrue(
      matches("caf.", "cafe\u{301}"), "an accented letter typed as two code points is one character"
    )
    XCTAssertTrue(matches("[ab}\\]]+", "a}]b"))
    XCTAssertTrue(matches("[\\d-z]+", "1-z"), "a class escape cannot start a range: '-' is literal")
  }

  func testGroupsAlternationAndRepetition() {
    XCTAssertTrue(matches("(mon|tue)day", "tueday"))
    XCTAssertTrue(matches("(?:ab)+", "ababab"))
    XCTAssertFalse(matches("(?:ab)+", "aba"))
    XCTAssertTrue(matches("(?<day>mon|tue) (?P<time>[0-9]+)", "mon 9"))
    XCTAssertTrue(matches("a|", ""))
    XCTAssertTrue(matches("x{3}", "xxx"))
    XCTAssertFalse(matches("x{3}", "xx"))
    XCTAssertTrue(matches("x{2,}", "xxxxx"))
    XCTAssertFalse(matches("x{2,}", "x"))
    XCTAssertTrue(matches("x{1,3}", "xxx"))
    XCTAssertFalse(matches("x{1,3}", "xxxx"))
    XCTAssertTrue(matches("x{,2}", ""))
    XCTAssertTrue(matches("a*?b+?c??", "aabb"), "lazy repetitions mean the same for a whole answer")
    XCTAssertTrue(matches("(a*)*b", "aaab"), "a repetition of what may be empty ends")
    XCTAssertTrue(matches("(|a)+", "aaa"))
  }

  func testFlagsAtTheStart() {
    XCTAssertFalse(matches("monday", "Monday"), "patterns are case-sensitive by default")
    XCTAssertTrue(matches("(?i)monday", "MonDAY"))
    XCTAssertTrue(matches("(?i)[a-z]+", "ABC"))
    XCTAssertTrue(matches("(?i)[A-Z]+", "abc"))
    XCTAssertTrue(matches("(?i)été", "ÉTÉ"))
    XCTAssertTrue(matches("(?is)a.b", "A\nB"))
    XCTAssertTrue(matches("(?i)(?s)a.b", "A\nB"))
  }

  func testWordBoundaries() {
    XCTAssertTrue(matches("(when|if)\\b.+", "when I start"))
    XCTAssertFalse(matches("(when|if)\\b.+", "whenever"))
    XCTAssertTrue(matches("(when|if)\\b.+", "if, then"))
    XCTAssertTrue(matches("a\\Bb", "ab"))
    XCTAssertFalse(matches("a\\B b", "a b"))
  }

  /// `\b` finds Unicode's word boundaries, as Swift's Regex does: not inside "when's" or "3.5",
  /// but between two signs, and always at the start and end.
  func testWordBoundariesAgreeWithSwiftRegex() throws {
    let cases: [(String, String)] = [
      ("a\\b", "a"), ("\\ba", "a"), (" \\b", " "), ("\\b", ""), (" \\b ", "  "), ("!\\b\\?", "!?"),
      ("a\\b'b", "a'b"), ("a\\b\\.b", "a.b"), ("a\\b:b", "a:b"), ("1\\b\\.2", "1.2"),
      ("1\\b,2", "1,2"),
      ("a\\b1", "a1"), ("a\\b_", "a_"), ("a\\b-b", "a-b"), ("a'\\bb", "a'b"), ("a\\b'", "a'"),
      ("a\\b\\.\\.b", "a..b"), ("1\\b\\.a", "1.a"), ("\\t\\b ", "\t "), (" \\b\\n", " \n"),
      ("あ\\bい", "あい"), ("a\\bあ", "aあ"), ("ア\\bイ", "アイ"), ("ア\\ba", "アa"), ("中\\b文", "中文"),
      ("a\\b’b", "a’b"), ("a\\b·b", "a·b"), ("1\\b;2", "1;2"), ("a\\b‿", "a‿"),
      ("a\\b\\u{AD}b", "a\u{AD}b"), ("\\u{AD}\\bb", "\u{AD}b"), ("a\\b\\u{200B}", "a\u{200B}"),
      ("\\u{3000}\\b\\u{3000}", "\u{3000}\u{3000}"), ("\\u{A0}\\b\\u{A0}", "\u{A0}\u{A0}"),
      ("a\\b'\\.b", "a'.b"), ("1\\b\\.\\.2", "1..2"), ("a\\B", "a"), ("\\B", ""),
      ("(?i)when\\b.+", "When's it"), ("(?i)at\\b.+", "at.x"), ("(?i)at\\b.+", "at:9"),
      ("(?i)once\\b.+", "Once’s"), ("on\\b.+", "on 3.5"), ("\\w+\\b.\\b\\w+", "can't"),
    ]
    for (pattern, answer) in cases {
      let expected = try Regex(pattern).wholeMatch(in: answer) != nil
      XCTAssertEqual(matches(pattern, answer), expected, "\(pattern) on \(answer.debugDescription)")
    }
  }

  // MARK: - What is refused, and where

  func testRefusalsPointAtTheCharacter() {
    let cases: [(String, Int, String)] = [
      ("(a)\\1", 3, "backreferences like \\1 are not supported"),
      ("(?<n>a)\\k<n>", 7, "backreferences like \\1 are not supported"),
      ("a(?=b)", 1, "lookahead (?=…) is not supported"),
      ("a(?!b)", 1, "lookahead (?!…) is not supported"),
      ("(?<=a)b", 0, "lookbehind (?<=…) is not supported"),
      ("(?<!a)b", 0, "lookbehind (?<!…) is not supported"),
      ("ab(?i)c", 2, "flags like (?i) and (?s) go at the very start"),
      ("(?i:ab)", 0, "scoped flags like (?i:…) are not supported"),
      ("(?m)ab", 2, "the flag 'm' is not supported"),
      ("a(?>b)", 1, "atomic groups (?>…) are not supported"),
      ("\\p{L}+", 0, "Unicode properties like \\p{L} are not supported"),
      ("x\\q", 1, "\\q is not a known escape"),
      ("\\Aab", 0, "\\A is not supported"),
      ("ab\\", 2, "a pattern cannot end with a single \\"),
      ("[a[b]]", 2, "'[' inside a class"),
      ("[a-z&&[aeiou]]", 4, "'&&' inside a class: set operations are not supported"),
      ("[]a]", 0, "an empty class '[]'"),
      ("[z-a]", 1, "the range z-a is backwards"),
      ("ab[cd", 2, "'[' is never closed with ']'"),
      ("a(b(c)", 1, "'(' is never closed with ')'"),
      ("ab)", 2, "')' closes no group"),
      ("*a", 0, "'*' has nothing to repeat"),
      ("a|+b", 2, "'+' has nothing to repeat"),
      ("^*", 1, "'*' has nothing to repeat here"),
      ("\\b+", 2, "'+' has nothing to repeat here"),
      ("a**", 2, "a repetition of a repetition"),
      ("a{2}{3}", 4, "a repetition of a repetition"),
      ("a*+", 2, "possessive repetitions like a*+ are not supported"),
      ("a{1001}", 1, "a repetition count is at most 1000"),
      ("a{99999999999999999999}", 1, "a repetition count is at most 1000"),
      ("a{5,2}", 1, "{5,2}: the first count is the smaller"),
      ("{2}", 0, "'{' starts a repetition like {2,5}"),
      ("a{x}", 1, "'{' starts a repetition like {2,5}"),
      ("(?P=n)", 0, "(?P… is not supported"),
      ("(?#c)", 0, "'(?' starts only (?:…) and (?<name>…) groups"),
      (
        String(repeating: "(", count: 40) + String(repeating: ")", count: 40), 32,
        "groups are nested more than 32 deep"
      ),
      ("(a{1000}){1000}", 9, "the pattern is too large"),
      ("(x{1000}){3}", 9, "the pattern is too large"),
      ("((a{100}){100})b", 9, "the pattern is too large"),
      (
        "[" + (0..<2100).map { String(UnicodeScalar(0x4E00 + $0)!) }.joined() + "]", 0,
        "the pattern is too large (more than 2000 steps"
      ),
    ]
    for (pattern, offset, message) in cases {
      guard let refusal = refusal(pattern) else {
        XCTFail("'\(pattern)' was accepted")
        continue
      }
      XCTAssertTrue(
        refusal.message.hasPrefix(message), "'\(pattern)': \(refusal.message)")
      XCTAssertEqual(refusal.offset, offset, "'\(pattern)': \(refusal.message)")
    }
  }

  // MARK: - In a dialogue

  /// A retro whose mood question is a text question with this pattern (and these extra keys).
  func dialogue(pattern: String, extra: String = "") -> String {
    DialogueText.retro(
      (
        "          type: scale\n          prompt: How did the retro feel?\n          min: 1\n          max: 5\n",
        "          type: text\n          prompt: How did the retro feel?\n          pattern: '\(pattern)'\n\(extra)"
      ))
  }

  func testCheckPointsAtTheColumnInsideThePattern() {
    XCTAssertEqual(
      DialogueText.findings(dialogue(pattern: "(good|bad)\\1")),
      [
        "retro.yaml:35:31: error: pattern: backreferences like \\1 are not supported: a pattern cannot ask for a repeat of what it matched"
      ])
    XCTAssertEqual(
      DialogueText.findings(dialogue(pattern: "ok(?=ay)")),
      [
        "retro.yaml:35:23: error: pattern: lookahead (?=…) is not supported: a pattern describes the whole answer"
      ])
  }

  /// `(a|a)*b` as a default: checking the default never finished; now it is simply found not to fit.
  func testACatastrophicPatternWithADefaultIsCheckedAtOnce() {
    let text = dialogue(
      pattern: "(a|a)*b", extra: "          default: \(String(repeating: "a", count: 60))\n")
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:36:20: error: the default '\(String(repeating: "a", count: 60))' does not fit this question: that does not have the expected form"
      ])
    XCTAssertEqual(
      DialogueText.findings(dialogue(pattern: "(a|a)*b", extra: "          default: aaab\n")), [])
  }

  func testAPatternTooSlowForItsLongestAnswerIsRefused() {
    let heavy = "(.*,){400}"
    XCTAssertEqual(try Pattern(heavy).stepsPerCharacter, 1603)
    XCTAssertEqual(
      DialogueText.findings(dialogue(pattern: heavy)), [], "fine up to 2,000 characters")
    XCTAssertEqual(
      DialogueText.findings(dialogue(pattern: heavy, extra: "          max_length: 5000\n")),
      [
        "retro.yaml:33:11: error: this question's pattern takes 1603 steps per character, too many for answers of up to 5000 characters; lower max_length to 2495 or less, or simplify the pattern"
      ])
    XCTAssertEqual(
      DialogueText.findings(
        dialogue(pattern: "[0-9]+", extra: "          max_length: 9223372036854775807\n")
      ).count, 1, "no overflow")
  }

  // MARK: - The patterns that made coach hang

  /// Each of these passed `coach check` and made Swift's Regex take seconds, then minutes, on
  /// answers of a few dozen characters; every answer here took longer than the test suite.
  func testCatastrophicPatternsMatchAndRefuseCorrectly() {
    let almost = String(repeating: "a", count: 40) + "!"
    let cases: [(String, String, Bool)] = [
      ("(a|a)*b", almost, false), ("(a|a)*b", "aaab", true),
      ("(a|aa)*c", almost, false), ("(a|aa)*c", "aaac", true),
      ("(a+){20}b", almost, false), ("(a+){20}b", String(repeating: "a", count: 20) + "b", true),
      (String(repeating: "[a-z]*", count: 6) + "1", almost, false),
      (String(repeating: ".*", count: 7) + "1", almost, false),
      (String(repeating: ".*", count: 7) + "!", almost, true),
      ("(a*)*b", almost, false), ("(\\w+\\s?)*$!", almost + "x", false),
      ("(x+x+)+y", String(repeating: "x", count: 5000), false),
    ]
    for (pattern, text, expected) in cases {
      XCTAssertEqual(matches(pattern, text), expected, pattern)
    }
  }

  // MARK: - Agreement with Swift's Regex

  /// The patterns of the shipped dialogues accept and refuse the same answers as before, when
  /// Swift's Regex matched them.
  func testShippedPatternsAgreeWithSwiftRegex() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Dialogues")
    var patterns: Set<String> = []
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "yaml" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      for line in text.split(separator: "\n") {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("pattern:") else { continue }
        var pattern = trimmed.dropFirst("pattern:".count).trimmingCharacters(in: .whitespaces)
        if pattern.hasPrefix("\""), pattern.hasSuffix("\"") {
          pattern = String(pattern.dropFirst().dropLast())
        }
        patterns.insert(pattern)
      }
    }
    XCTAssertGreaterThanOrEqual(patterns.count, 1, "the shipped dialogues' patterns were found")
    let answers = [
      "When I open my laptop on Monday, I will ask", "when i start", "If they ask, I listen",
      "whenever we meet", "After lunch", "as soon as I can", "At 9", "on Monday I'll call",
      "I will try", "Every Friday", "each day", "Tue 9:30 book the room",
      "Tuesday at 10:00 talk to Sam", "tomorrow 9 call", "12th March 14:00 review",
      "3 may at 9", "Fri. 8", "Mon,9", "today at 5pm", "next week", "Monday", "9:30 Tuesday",
      "Sun\n10 walk", "  when\tthen", "at", "at ", "When", "Team A", "R&D", "O'Neil-Smith",
      "9 lives", "", "when's lunch", "Thu 7", "mon9", "ätsch", "Ångström 4",
    ]
    for pattern in patterns {
      let regex = try Regex(pattern)
      let ours = try Pattern(pattern)
      for answer in answers {
        let expected = (try regex.wholeMatch(in: answer)) != nil
        XCTAssertEqual(ours.matches(answer), expected, "\(pattern) on '\(answer)'")
      }
    }
  }

  /// Random patterns over a small alphabet, on every short answer over it: where Swift's Regex
  /// takes the pattern, both say the same. (Kept small: Swift's Regex backtracks.)
  func testRandomPatternsAgreeWithSwiftRegex() throws {
    var random = SplitMix(seed: 18)
    let answers = Self.words(over: ["a", "b", "A", " ", "1", "'"], upTo: 3)
    var compared = 0
    for _ in 0..<200 {
      let pattern = Self.randomPattern(&random, depth: 3)
      guard let ours = try? Pattern(pattern) else { continue }
      let regex = try Regex(pattern)
      for answer in answers {
        let expected = (try regex.wholeMatch(in: answer)) != nil
        XCTAssertEqual(ours.matches(answer), expected, "'\(pattern)' on '\(answer)'")
        compared += 1
      }
    }
    XCTAssertGreaterThan(compared, 20_000)
  }

  static func words(over letters: [String], upTo length: Int) -> [String] {
    var result = [""]
    var layer = [""]
    for _ in 0..<length {
      layer = layer.flatMap { word in letters.map { word + $0 } }
      result += layer
    }
    return result
  }

  static func randomPattern(_ random: inout SplitMix, depth: Int) -> String {
    let atoms = [
      "a", "b", "A", " ", "1", ".", "[ab]", "[^a]", "[a-b1]", "\\d", "\\w", "\\s", "\\W", "\\b",
      "^", "$", "[A-Z]",
    ]
    func piece(_ depth: Int) -> String {
      var text: String
      if depth > 0, random.next(8) == 0 {
        text = "(" + alternation(depth - 1) + ")"
      } else if depth > 0, random.next(8) == 0 {
        text = "(?:" + alternation(depth - 1) + ")"
      } else {
        text = atoms[random.next(atoms.count)]
      }
      if text != "\\b", text != "^", text != "$" {
        let quantifiers = ["", "", "", "*", "+", "?", "{2}", "{1,2}", "{0,}", "{,1}"]
        text += quantifiers[random.next(quantifiers.count)]
      }
      return text
    }
    func sequence(_ depth: Int) -> String {
      (0..<(1 + random.next(3))).map { _ in piece(depth) }.joined()
    }
    func alternation(_ depth: Int) -> String {
      (0..<(1 + random.next(2))).map { _ in sequence(depth) }.joined(separator: "|")
    }
    let flags = ["", "", "(?i)", "(?s)"][random.next(4)]
    return flags + alternation(depth)
  }
}

/// A small, fixed pseudo-random generator, so that every run tests the same cases.
struct SplitMix {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}
