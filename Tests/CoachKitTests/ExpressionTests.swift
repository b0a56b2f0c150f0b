import XCTest

@testable import CoachKit

final class ExpressionTests: XCTestCase {
  static let types: [String: ValueType] = [
    "a": .number, "b": .number, "c": .number, "self_score": .number, "team_score": .number,
    "relationships": .number, "safe_haven": .number, "team_size": .number, "remote": .bool,
    "weak_resources": .list, "name": .text, "notes": .text, "deadline": .date, "missing": .number,
  ]

  static let values: [String: Value] = [
    "a": .number(2), "b": .number(3), "c": .number(4), "team_size": .number(12),
    "remote": .bool(false), "weak_resources": .list(["tools", "time"]), "name": .text("Ann"),
    "notes": .text("Too many MEETINGS lately"),
    "today": .date(Day(year: 2026, month: 12, day: 13)!),
    "deadline": .date(Day(year: 2027, month: 1, day: 8)!), "missing": .none,
  ]

  /// Parses, type-checks (expecting `type` if given) and evaluates `source`.
  func value(
    _ source: String, _ values: [String: Value] = values, type: ValueType? = nil,
    file: StaticString = #filePath, line: UInt = #line
  ) throws -> Value {
    let expression = try Expression.parse(source)
    let checked = try expression.typeCheck(types: Self.types)
    if let type { XCTAssertEqual(checked, type, source, file: file, line: line) }
    return expression.evaluate { values[$0] ?? .none }
  }

  /// The error from parsing and type-checking `source`.
  func error(_ source: String) -> ExpressionError? {
    do {
      _ = try Expression.parse(source).typeCheck(types: Self.types)
      return nil
    } catch {
      return error
    }
  }

  func assertError(
    _ source: String, _ message: String, at offset: Int,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(
      error(source), ExpressionError(message: message, offset: offset), source, file: file,
      line: line)
  }

  // MARK: Operators

  func testArithmetic() throws {
    XCTAssertEqual(try value("1 + 2 * 3", type: .number), .number(7))
    XCTAssertEqual(try value("(1 + 2) * 3"), .number(9))
    XCTAssertEqual(try value("10 - 4 - 3"), .number(3))
    XCTAssertEqual(try value("8 / 4 / 2"), .number(1))
    XCTAssertEqual(try value("-a + 5"), .number(3))
    XCTAssertEqual(try value("- -a"), .number(2))
    XCTAssertEqual(try value("0.25 * 4"), .number(1))
    XCTAssertEqual(try value("6 - a * b"), .number(0))
    XCTAssertEqual(try value("name + '!'", type: .text), .text("Ann!"))
  }

  func testComparisons() throws {
    XCTAssertEqual(try value("team_size > 10 and not remote", type: .bool), .bool(true))
    XCTAssertEqual(try value("a < b"), .bool(true))
    XCTAssertEqual(try value("a <= 2"), .bool(true))
    XCTAssertEqual(try value("a > 2"), .bool(false))
    XCTAssertEqual(try value("a >= 3"), .bool(false))
    XCTAssertEqual(try value("a == 2"), .bool(true))
    XCTAssertEqual(try value("a != 2"), .bool(false))
    XCTAssertEqual(try value("name == \"Ann\""), .bool(true))
    XCTAssertEqual(try value("today < deadline"), .bool(true))
    XCTAssertEqual(try value("remote == false"), .bool(true))
    XCTAssertEqual(try value("weak_resources == [\"tools\", \"time\"]"), .bool(true))
  }

  func testLogic() throws {
    XCTAssertEqual(try value("true and false"), .bool(false))
    XCTAssertEqual(try value("true or false"), .bool(true))
    XCTAssertEqual(try value("not true or true"), .bool(true))
    XCTAssertEqual(try value("not (true or true)"), .bool(false))
    XCTAssertEqual(try value("false or true and false"), .bool(false))
    XCTAssertEqual(try value("not not true"), .bool(true))
  }

  func testMembership() throws {
    XCTAssertEqual(try value("\"tools\" in weak_resources", type: .bool), .bool(true))
    XCTAssertEqual(try value("'money' in weak_resources"), .bool(false))
    XCTAssertEqual(try value("name in ['Ann', 'Bob']"), .bool(true))
    XCTAssertEqual(try value("name in []"), .bool(false))
    XCTAssertEqual(try value("'money' not in weak_resources"), .bool(true))
    XCTAssertEqual(try value("not 'tools' in weak_resources"), .bool(false))
    XCTAssertEqual(try value("'a' + 'b' in ['ab']"), .bool(true))
  }

  func testStringsAndEscapes() throws {
    XCTAssertEqual(try value(#""say \"hi\"""#), .text("say \"hi\""))
    XCTAssertEqual(try value(#"'it\'s'"#), .text("it's"))
    XCTAssertEqual(try value(#"'back\\slash'"#), .text("back\\slash"))
    XCTAssertEqual(try value(#""it's""#), .text("it's"))
  }

  func testDates() throws {
    XCTAssertEqual(
      try value("today + 14", type: .date), .date(Day(year: 2026, month: 12, day: 27)!))
    XCTAssertEqual(try value("14 + today"), .date(Day(year: 2026, month: 12, day: 27)!))
    XCTAssertEqual(try value("today - 13"), .date(Day(year: 2026, month: 11, day: 30)!))
    XCTAssertEqual(try value("deadline - today", type: .number), .number(26))
    XCTAssertEqual(try value("today + 1 > today"), .bool(true))
    let christmas: [String: Value] = ["today": .date(Day(year: 2026, month: 12, day: 25)!)]
    XCTAssertEqual(try value("today + 14", christmas), .date(Day(iso: "2027-01-08")!))
    let leap: [String: Value] = ["today": .date(Day(year: 2028, month: 2, day: 28)!)]
    XCTAssertEqual(try value("today + 1", leap), .date(Day(iso: "2028-02-29")!))
    XCTAssertEqual(try value("today + 2", leap), .date(Day(iso: "2028-03-01")!))
    XCTAssertEqual(try value("today + 100000 * 100000", leap), .none)
  }

  // MARK: Functions

  func testAggregates() throws {
    let values: [String: Value] = [
      "self_score": .number(4), "team_score": .none, "a": .number(1), "b": .number(6),
    ]
    XCTAssertEqual(try value("mean(a, b, 6 - b, self_score)", values, type: .number), .number(2.75))
    XCTAssertEqual(try value("mean(a, team_score, b)", values), .number(3.5))
    XCTAssertEqual(try value("mean(team_score)", values), .none)
    XCTAssertEqual(try value("sum(a, b, team_score)", values), .number(7))
    XCTAssertEqual(try value("sum(team_score, missing)", values), .none)
    XCTAssertEqual(try value("min(b, a, self_score)", values), .number(1))
    XCTAssertEqual(try value("max(b, a, team_score)", values), .number(6))
    XCTAssertEqual(try value("max(team_score)", values), .none)
  }

  func testCount() throws {
    XCTAssertEqual(try value("count(weak_resources)", type: .number), .number(2))
    XCTAssertEqual(try value("count(a, missing, name, remote)"), .number(3))
    XCTAssertEqual(try value("count(weak_resources)", [:]), .number(0))
  }

  func testRound() throws {
    XCTAssertEqual(try value("round(2.5)", type: .number), .number(3))
    XCTAssertEqual(try value("round(-2.5)"), .number(-3))
    XCTAssertEqual(try value("round(10 / 3, 2)"), .number(3.33))
    XCTAssertEqual(try value("round(1234, -2)"), .number(1200))
    XCTAssertEqual(try value("round(missing)"), .none)
  }

  func testIf() throws {
    XCTAssertEqual(try value("if(a > 1, 'big', 'small')", type: .text), .text("big"))
    XCTAssertEqual(try value("if(a > 5, 'big', 'small')"), .text("small"))
    XCTAssertEqual(try value("if(missing > 5, 1, 2)"), .number(2))
    XCTAssertEqual(try value("if(remote, today, deadline)", type: .date), Self.values["deadline"])
  }

  func testLowestAndHighest() throws {
    let values: [String: Value] = [
      "self_score": .number(3), "team_score": .number(2), "relationships": .number(2),
      "safe_haven": .none, "a": .number(2.2),
    ]
    XCTAssertEqual(
      try value("lowest(self_score, team_score, relationships)", values, type: .text),
      .text("team_score"))
    XCTAssertEqual(
      try value("highest(team_score, safe_haven, self_score)", values), .text("self_score"))
    XCTAssertEqual(try value("lowest(safe_haven, missing)", values), .none)
    XCTAssertEqual(
      try value("lowest_within(0.25, self_score, a, relationships)", values, type: .text),
      .text("a"))
    XCTAssertEqual(
      try value("lowest_within(0, self_score, a, relationships)", values), .text("relationships"))
    XCTAssertEqual(
      try value("highest_within(1, team_score, self_score)", values), .text("team_score"))
    XCTAssertEqual(
      try value("highest_within(0.5, team_score, self_score)", values), .text("self_score"))
    XCTAssertEqual(try value("lowest_within(missing, a, b)", values), .none)
  }

  func testDateAndTextFunctions() throws {
    XCTAssertEqual(try value("weekday(today)", type: .text), .text("Sunday"))
    XCTAssertEqual(try value("date_text(today)", type: .text), .text("Sunday 13 December 2026"))
    XCTAssertEqual(try value("days_between(today, deadline)", type: .number), .number(26))
    XCTAssertEqual(try value("days_between(deadline, today)"), .number(-26))
    XCTAssertEqual(try value("contains(notes, 'meetings')", type: .bool), .bool(true))
    XCTAssertEqual(try value("contains(notes, 'email')"), .bool(false))
    XCTAssertEqual(try value("contains(notes, 'email')", [:]), .bool(false))
    XCTAssertEqual(try value("length(name)", type: .number), .number(3))
    XCTAssertEqual(try value("length(name)", [:]), .none)
    XCTAssertEqual(try value("weekday(deadline)", [:]), .none)
  }

  // MARK: None

  func testNonePropagation() throws {
    XCTAssertEqual(try value("missing + 1"), .none)
    XCTAssertEqual(try value("1 - missing * 2"), .none)
    XCTAssertEqual(try value("-missing"), .none)
    XCTAssertEqual(try value("a / 0"), .none)
    XCTAssertEqual(try value("a / (b - 3)"), .none)
    XCTAssertEqual(try value("missing > 1"), .bool(false))
    XCTAssertEqual(try value("missing <= 1"), .bool(false))
    XCTAssertEqual(try value("missing == 1"), .bool(false))
    XCTAssertEqual(try value("missing != 1"), .bool(true))
    XCTAssertEqual(try value("missing == missing"), .bool(true))
    XCTAssertEqual(try value("remote and true", [:]), .bool(false))
    XCTAssertEqual(try value("remote or true", [:]), .bool(true))
    XCTAssertEqual(try value("not remote", [:]), .bool(true))
    XCTAssertEqual(try value("name in weak_resources", [:]), .bool(false))
    XCTAssertEqual(try value("today + missing"), .none)
    XCTAssertEqual(try value("name + 'x'", [:]), .none)
  }

  func testUncheckedEvaluationNeverTraps() throws {
    // Ill-typed expressions still evaluate (to none / false) if someone skips the type check.
    for source in ["name * 2", "'a' < 3", "not 4", "weekday(3)", "mean('x')", "today - 'x'"] {
      let expression = try Expression.parse(source)
      let result = expression.evaluate { Self.values[$0] ?? .none }
      XCTAssert(result == .none || result == .bool(false) || result == .bool(true), source)
    }
    XCTAssertEqual(try Expression.parse("unknown + 1").evaluate { _ in .none }, .none)
  }

  // MARK: Names

  func testNames() throws {
    let expression = try Expression.parse(
      "lowest_within(0.25, self_score, relationships) == x or today > d")
    XCTAssertEqual(
      expression.names,
      [
        NameUse(name: "self_score", offset: 20), NameUse(name: "relationships", offset: 32),
        NameUse(name: "x", offset: 50), NameUse(name: "today", offset: 55),
        NameUse(name: "d", offset: 63),
      ])
    XCTAssertEqual(try Expression.parse("a + a").names.map(\.name), ["a", "a"])
    XCTAssertEqual(try Expression.parse("mean(1, 2)").names, [])
    XCTAssertEqual(error("é + 1"), ExpressionError(message: "unexpected character 'é'", offset: 0))
  }

  func testOffsetsCountCharacters() {
    // "é" and the emoji are one Character each.
    XCTAssertEqual(error("'é👍' + 1")?.offset, 5)
    XCTAssertEqual(
      error("'é👍' + nme"),
      ExpressionError(message: "unknown name 'nme'; did you mean 'name'?", offset: 7))
  }

  func testTodayIsADateByDefault() throws {
    XCTAssertEqual(try Expression.parse("today + 1").typeCheck(types: [:]), .date)
    XCTAssertEqual(try Expression.parse("today").typeCheck(types: ["today": .text]), .text)
  }

  // MARK: Errors

  func testSyntaxErrors() {
    assertError("mean(a, b", "expected ')' to close '(' at column 5", at: 9)
    assertError("mean(a b)", "expected ',' or ')' to close '(' at column 5", at: 7)
    assertError("(a + b", "expected ')' to close '(' at column 1", at: 6)
    assertError("a b", "unexpected 'b'; expected an operator or the end of the expression", at: 2)
    assertError("a + 1)", "unexpected ')' with no matching '('", at: 5)
    assertError("", "empty expression", at: 0)
    assertError("   ", "empty expression", at: 0)
    assertError("name == \"tools", "unterminated text: add a closing \" to match this one", at: 8)
    assertError("'tools", "unterminated text: add a closing ' to match this one", at: 0)
    assertError("a +", "expected a value after '+'", at: 3)
    assertError("a * )", "expected a value, found ')'", at: 4)
    assertError("and a", "expected a value, found 'and'", at: 0)
    assertError("a < b < c", "comparisons can't be chained; write 'a < b and b < c' instead", at: 6)
    assertError(
      "a == b >= c", "comparisons can't be chained; write 'a == b and b >= c' instead", at: 7)
    assertError(
      "name in weak_resources in x", "'in' can't be chained; combine two tests with 'and' or 'or'",
      at: 23)
    assertError("a = 1", "use '==' to compare two values; '=' alone is not an operator", at: 2)
    assertError("!remote", "use 'not' instead of '!'", at: 0)
    assertError("a && b", "use 'and' instead of '&'", at: 2)
    assertError("a % 2", "'%' is not an operator; only + - * / are", at: 2)
    assertError("a # b", "unexpected character '#'", at: 2)
    assertError("3. + a", "expected a digit after '.' in a number", at: 1)
    // A backslash before anything but a quote or a backslash stays: patterns read as written.
    XCTAssertEqual(try Expression.parse(#"'a\n\d'"#).evaluate { _ in .none }, .text(#"a\n\d"#))
    assertError(
      "name in ['a', 2]", "a list can only hold texts in quotes, like [\"a\", \"b\"]; found '2'",
      at: 14)
    assertError("name in ['a'", "expected ']' to close '[' at column 9", at: 12)
    assertError("meen(a)", "unknown function 'meen'; did you mean 'mean'?", at: 0)
    assertError("1 + Mean(a)", "unknown function 'Mean'; did you mean 'mean'?", at: 4)
    XCTAssertEqual(
      error("frobnicate(a)")?.message.hasPrefix(
        "unknown function 'frobnicate'; the functions are mean, sum"), true)
  }

  func testNameErrors() {
    assertError("self_scor + 1", "unknown name 'self_scor'; did you mean 'self_score'?", at: 0)
    assertError("1 + Remote", "unknown name 'Remote'; did you mean 'remote'?", at: 4)
    assertError("todya + 1", "unknown name 'todya'; did you mean 'today'?", at: 0)
    assertError("zzzzzz", "unknown name 'zzzzzz'", at: 0)
    assertError("x", "unknown name 'x'", at: 0)
    assertError("mean + 1", "'mean' is a function; call it like mean(x, ...)", at: 0)
  }

  func testOperatorTypeErrors() {
    assertError(
      "name + 1", "'+' needs two numbers, two texts, or a date (or day and time) and a number; got text and a number",
      at: 5)
    assertError(
      "a - today",
      "'-' needs two numbers, two dates, two days and times, or a date minus a number; got a number and a date", at: 2)
    assertError("a * name", "'*' needs two numbers; got a number and text", at: 2)
    assertError("remote / 2", "'/' needs two numbers; got a yes/no value and a number", at: 7)
    assertError("-name", "'-' needs a number; got text", at: 0)
    assertError("name < 3", "'<' needs two numbers, or dates and days and times; got text and a number", at: 5)
    assertError("today >= 3", "'>=' needs two numbers, or dates and days and times; got a date and a number", at: 6)
    assertError("a == name", "'==' needs two values of the same type; got a number and text", at: 2)
    assertError(
      "a and remote", "'and' needs two yes/no values; got a number and a yes/no value", at: 2)
    assertError(
      "remote or name", "'or' needs two yes/no values; got a yes/no value and text", at: 7)
    assertError("not a", "'not' needs a yes/no value; got a number", at: 0)
    assertError(
      "a in weak_resources",
      "'in' needs text on the left and a list of choices on the right; got a number and a list of choices",
      at: 2)
    assertError(
      "name in name",
      "'in' needs text on the left and a list of choices on the right; got text and text", at: 5)
  }

  func testFunctionErrors() {
    assertError("mean()", "mean() takes at least 1 argument, like mean(x, ...); got 0", at: 0)
    assertError("mean(a, name)", "mean() needs a number as argument 2; got text", at: 8)
    assertError(
      "sum(a, 1 + name)",
      "'+' needs two numbers, two texts, or a date (or day and time) and a number; got a number and text", at: 9)
    assertError(
      "round(a, 1, 2)", "round() takes 1 or 2 arguments, like round(x) or round(x, digits); got 3",
      at: 0)
    assertError(
      "if(remote, 1)", "if() takes 3 arguments, like if(condition, a, b); got 2", at: 0)
    assertError("if(a, 1, 2)", "if() needs a yes/no value as argument 1; got a number", at: 3)
    assertError(
      "if(remote, 1, 'x')", "if() needs both results of the same type; got a number and text",
      at: 14)
    assertError(
      "lowest(a, b + 1)", "lowest() takes names of values, like lowest(self_score, team_score)",
      at: 10)
    assertError(
      "highest(a, 3)", "highest() takes names of values, like highest(self_score, team_score)",
      at: 11)
    assertError(
      "lowest(a)",
      "lowest() needs at least two names of values, like lowest(self_score, team_score)",
      at: 0)
    assertError("lowest(a, name)", "lowest() compares numbers; 'name' is text", at: 10)
    assertError("lowest(a, nmae)", "unknown name 'nmae'; did you mean 'name'?", at: 10)
    assertError(
      "lowest_within(a, b)",
      "lowest_within() takes a tolerance and two or more names, like lowest_within(0.25, self_score, team_score)",
      at: 0)
    assertError(
      "lowest_within(name, a, b)", "lowest_within() needs a number as argument 1; got text", at: 14)
    assertError(
      "highest_within(0.5, a, 2 * b)",
      "highest_within() takes names of values, like highest_within(0.25, self_score, team_score)",
      at: 23)
    assertError(
      "count(a)",
      "count() of one value needs a list of choices; got a number (to count answered values, give two or more: count(a, b))",
      at: 6)
    assertError("weekday(a)", "weekday() needs a date or a day and time as argument 1; got a number", at: 8)
    assertError("date_text()", "date_text() takes 1 argument, like date_text(date); got 0", at: 0)
    assertError(
      "days_between(today, 3)", "days_between() needs a date as argument 2; got a number", at: 20)
    assertError("contains(notes, 3)", "contains() needs text as argument 2; got a number", at: 16)
    assertError(
      "length(weak_resources)", "length() needs text as argument 1; got a list of choices", at: 7)
  }

  // MARK: Limits

  func testDeepNestingIsAnErrorNotACrash() {
    let tooDeep =
      "expression is nested too deeply (more than 100 levels); split it into smaller computed values"
    let parens = String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
    XCTAssertEqual(error(parens)?.message, tooDeep)
    XCTAssertEqual(error(String(repeating: "(", count: 5_000))?.message, tooDeep)
    XCTAssertEqual(error(String(repeating: "-", count: 5_000) + "1")?.message, tooDeep)
    XCTAssertEqual(error(String(repeating: "not ", count: 5_000) + "true")?.message, tooDeep)
    XCTAssertEqual(error(String(repeating: "mean(", count: 5_000) + "1")?.message, tooDeep)
    let chain = "1" + String(repeating: "+1", count: 50_000)
    XCTAssertEqual(chain.count, 100_001)
    XCTAssertEqual(error(chain)?.message, tooDeep)
    // Up to the limit is fine.
    let fine = String(repeating: "(", count: 99) + "1" + String(repeating: ")", count: 99)
    XCTAssertEqual(try value(fine), .number(1))
    XCTAssertEqual(try value("1" + String(repeating: "+1", count: 99)), .number(100))
  }

  // MARK: Display

  func testDisplayText() {
    XCTAssertEqual(Value.none.displayText, "")
    XCTAssertEqual(Value.bool(true).displayText, "yes")
    XCTAssertEqual(Value.bool(false).displayText, "no")
    XCTAssertEqual(Value.number(4).displayText, "4")
    XCTAssertEqual(Value.number(-4).displayText, "-4")
    XCTAssertEqual(Value.number(62.5).displayText, "62.5")
    XCTAssertEqual(Value.number(10.0 / 3).displayText, "3.33")
    XCTAssertEqual(Value.number(2.0 / 3).displayText, "0.67")
    XCTAssertEqual(Value.number(3.999).displayText, "4")
    XCTAssertEqual(Value.number(0.1 + 0.2).displayText, "0.3")
    XCTAssertEqual(Value.number(-0.001).displayText, "0")
    XCTAssertEqual(Value.number(1_000_000).displayText, "1000000")
    XCTAssertEqual(Value.text("hi").displayText, "hi")
    XCTAssertEqual(Value.list(["tools", "time"]).displayText, "tools, time")
    XCTAssertEqual(Value.list([]).displayText, "")
    XCTAssertEqual(Value.date(Day(year: 2026, month: 12, day: 13)!).displayText, "2026-12-13")
  }

  func testValueTypes() {
    XCTAssertNil(Value.none.type)
    XCTAssertEqual(Value.list([]).type, .list)
    XCTAssertEqual(ValueType.number.description, "a number")
    XCTAssertEqual(ValueType.bool.description, "a yes/no value")
    XCTAssertEqual(ValueType.list.description, "a list of choices")
  }

  func testSuggestion() {
    XCTAssertEqual(Suggestion.closest(to: "meen", among: ["mean", "min", "max"]), "mean")
    XCTAssertEqual(Suggestion.closest(to: "TEAM_SIZE", among: ["team_size", "team"]), "team_size")
    XCTAssertEqual(Suggestion.closest(to: "x", among: ["y", "z"]), nil)
    XCTAssertEqual(Suggestion.closest(to: "cat", among: ["bat", "hat"]), "bat")
    XCTAssertEqual(Suggestion.closest(to: "cat", among: ["hat", "bat"]), "bat")
    XCTAssertEqual(Suggestion.closest(to: "question", among: ["answer"]), nil)
    XCTAssertEqual(Suggestion.closest(to: "same", among: ["same"]), nil)
  }

  func testExpressionIsHashableAndKeepsSource() throws {
    let one = try Expression.parse("a + 1")
    XCTAssertEqual(one, try Expression.parse("a + 1"))
    XCTAssertNotEqual(one, try Expression.parse("a+1"))
    XCTAssertEqual(one.source, "a + 1")
    XCTAssertEqual(one.root, .binary(.plus, .name("a", at: 0), .literal(.number(1), at: 4), at: 2))
  }
}
