import XCTest

@testable import CoachKit

/// The text primitives, `plural`, `visits` and functions a dialogue defines, in the expression
/// language alone.
final class TextFunctionTests: XCTestCase {
  static let types: [String: ValueType] = [
    "cue": .text, "score": .number, "n": .number, "picks": .list, "focus": .text, "missing": .number,
  ]
  static let values: [String: Value] = [
    "cue": .text("  When I have time, I will call  "), "score": .number(62.5), "n": .number(3),
    "picks": .list(["walk", "own"]), "focus": .text("self"),
  ]
  static let functions = FunctionTable([
    definition("bar(score)", #"repeat("█", round(score / 5)) + repeat("░", 20 - round(score / 5))"#),
    definition(
      "band(score)",
      #"if(not answered(score), "not rated", if(score >= 75, "strength", if(score >= 50, "build", "priority")))"#
    ),
    definition("double(x)", "x + x"),
    definition("twice(t)", "double(t)"),
    definition("shown(n)", "round(n) + score"),
  ])

  static func definition(_ head: String, _ body: String) -> FunctionDefinition {
    let name = String(head.prefix { $0 != "(" })
    let parameters = head.drop { $0 != "(" }.dropFirst().dropLast().split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    return FunctionDefinition(name: name, parameters: parameters, body: try! Expression.parse(body))
  }

  func value(
    _ source: String, type: ValueType? = nil, visits: [String: Int] = [:],
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> Value {
    let expression = try Expression.parse(source)
    let checked = try expression.typeCheck(types: Self.types, functions: Self.functions)
    if let type { XCTAssertEqual(checked, type, source, file: file, line: line) }
    let context = EvaluationContext(
      value: { Self.values[$0] ?? .none }, visits: { visits[$0 ?? "here"] ?? 0 },
      functions: Self.functions)
    return expression.evaluate(in: context)
  }

  func error(_ source: String, cache: FunctionTypeCache = FunctionTypeCache()) -> ExpressionError? {
    do {
      _ = try Expression.parse(source).typeCheck(
        types: Self.types, functions: Self.functions, cache: cache)
      return nil
    } catch {
      return error
    }
  }

  func testMatchesUsesCoachsPatternsOnTheTrimmedText() throws {
    XCTAssertEqual(
      try value(#"matches(cue, "(?i).*\b(when i have time|later)\b.*")"#, type: .bool),
      .bool(true))
    XCTAssertEqual(try value(#"matches(cue, "when.*")"#), .bool(false), "case matters")
    XCTAssertEqual(try value(#"matches(cue, "When.*call")"#), .bool(true))
    XCTAssertEqual(try value(#"matches(cue, "(a")"#), .bool(false), "a broken pattern")
  }

  func testStartsAndEndsWithIgnoreCase() throws {
    XCTAssertEqual(try value(#"starts_with(trim(cue), "when")"#, type: .bool), .bool(true))
    XCTAssertEqual(try value(#"ends_with(trim(cue), "CALL")"#), .bool(true))
    XCTAssertEqual(try value(#"starts_with(cue, "I")"#), .bool(false))
  }

  func testCaseAndSpaces() throws {
    XCTAssertEqual(try value("trim(cue)", type: .text), .text("When I have time, I will call"))
    XCTAssertEqual(try value("lower(trim(cue))"), .text("when i have time, i will call"))
    XCTAssertEqual(try value("upper('ok')"), .text("OK"))
    XCTAssertEqual(try value("capitalize('the team')"), .text("The team"))
    XCTAssertEqual(try value("capitalize('')"), .text(""))
  }

  func testReplaceContainsAnyAndWords() throws {
    XCTAssertEqual(
      try value("replace(trim(cue), 'I', 'we')", type: .text),
      .text("When we have time, we will call"))
    XCTAssertEqual(try value("replace('abc', '', 'x')"), .text("abc"))
    XCTAssertEqual(
      try value(#"contains_any(cue, ["someday", "HAVE TIME"])"#, type: .bool), .bool(true))
    XCTAssertEqual(try value(#"contains_any(cue, ["someday"])"#), .bool(false))
    XCTAssertEqual(try value("words(cue)", type: .number), .number(7))
  }

  func testPlural() throws {
    XCTAssertEqual(try value("plural(1, 'action')", type: .text), .text("1 action"))
    XCTAssertEqual(try value("plural(n, 'action')"), .text("3 actions"))
    XCTAssertEqual(try value("plural(0, 'person', 'people')"), .text("0 people"))
    XCTAssertEqual(try value("plural(2.5, 'point')"), .text("2.5 points"))
    XCTAssertEqual(
      error("plural('3', 'x')")?.message, "plural() needs a number as argument 1; got text")
  }

  func testVisits() throws {
    XCTAssertEqual(
      try value("visits(shrink)", type: .number, visits: ["shrink": 2]), .number(2))
    XCTAssertEqual(try value("visits()", visits: ["here": 1]), .number(1))
    XCTAssertEqual(try value("visits(other)"), .number(0))
    XCTAssertEqual(
      error("visits('shrink')")?.message,
      "visits() takes the id of a step, like visits(shrink), or nothing for this step")
    XCTAssertEqual(Try.names("visits(shrink) < 2 and score > 1"), ["score"])
  }

  func testFunctionsTheDialogueDefines() throws {
    XCTAssertEqual(try value("band(score)", type: .text), .text("build"))
    XCTAssertEqual(try value("band(missing)"), .text("not rated"))
    XCTAssertEqual(
      try value("bar(score)"), .text(String(repeating: "█", count: 13) + String(repeating: "░", count: 7)))
    XCTAssertEqual(try value("twice(2)", type: .number), .number(4))
    XCTAssertEqual(try value("twice('ab')", type: .text), .text("abab"))
    // The parameter shadows the answer of the same name; the body still reads other answers.
    XCTAssertEqual(try value("shown(1.4)"), .number(63.5))
  }

  func testMistakesInCallsOfDialogueFunctions() {
    XCTAssertEqual(error("avg(score)")?.message, "unknown function 'avg'; did you mean 'mean'?")
    XCTAssertEqual(error("bnad(score)")?.message, "unknown function 'bnad'; did you mean 'band'?")
    XCTAssertEqual(
      error("band(score, 2)")?.message, "band() takes 1 argument, like band(score); got 2")
    XCTAssertEqual(error("band")?.message, "'band' is a function; call it like band(score)")
    XCTAssertEqual(error("score(2)")?.message, "'score' is a value, not a function; write it without '(…)'")
  }

  func testAMistakeInABodyIsReportedThereOnceSayingWhichCall() {
    let cache = FunctionTypeCache()
    let first = error("bar(focus)", cache: cache)
    XCTAssertEqual(first?.function, "bar")
    XCTAssertEqual(
      first?.message, "'/' needs two numbers; got text and a number (in bar(), called with text)")
    XCTAssertEqual(first?.offset, 24)
    XCTAssertEqual(first?.isFollowOn, false)
    // The same function again: a follow-on, not to be reported a second time.
    XCTAssertEqual(error("bar(cue) + 'x'", cache: cache)?.isFollowOn, true)
    XCTAssertEqual(error("bar(score)", cache: cache)?.isFollowOn, true)
    XCTAssertTrue(cache.hasFailed("bar"))
  }

  func testBoundsGoThroughDialogueFunctions() throws {
    let expression = try Expression.parse("bar(score)")
    let (bound, oversized) = expression.bound(
      names: { $0 == "score" ? ValueBound(.number(low: 0, high: 100, whole: false)) : nil },
      functions: Self.functions)
    XCTAssertNil(oversized)
    XCTAssertEqual(bound.displayLength, 40)
    let big = try Expression.parse("double(repeat(cue, 1000))")
    let result = big.bound(
      names: { $0 == "cue" ? ValueBound(.text(length: 300)) : nil }, functions: Self.functions)
    XCTAssertEqual(result.oversized?.offset, 7)
  }
}

private enum Try {
  static func names(_ source: String) -> [String] {
    (try? Expression.parse(source))?.names.map(\.name) ?? []
  }
}
