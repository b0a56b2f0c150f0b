import XCTest

@testable import CoachKit

/// item, label, number, repeat, match and join: the functions the default session needs.
final class MoreFunctionTests: XCTestCase {
  static let types: [String: ValueType] = [
    "picks": .list, "focus": .text, "days": .text, "score": .number, "missing": .number,
    "flag": .bool, "menu": .list,
  ]
  static let values: [String: Value] = [
    "picks": .list(["walk", "own"]), "focus": .text("safe_haven"), "days": .text("14"),
    "score": .number(62.5), "flag": .bool(true),
  ]
  static let labels: [String: [String: String]] = [
    "focus": ["self": "Yourself", "safe_haven": "Safe haven"],
    "menu": ["walk": "Walk the floor", "own": "My own idea"],
  ]

  func value(
    _ source: String, type: ValueType? = nil, file: StaticString = #filePath, line: UInt = #line
  ) throws -> Value {
    let expression = try Expression.parse(source)
    let checked = try expression.typeCheck(types: Self.types)
    if let type { XCTAssertEqual(checked, type, source, file: file, line: line) }
    return expression.evaluate({ Self.values[$0] ?? .none }, labels: { Self.labels[$0]?[$1] })
  }

  func error(_ source: String) -> ExpressionError? {
    do {
      _ = try Expression.parse(source).typeCheck(types: Self.types)
      return nil
    } catch {
      return error
    }
  }

  func testItem() throws {
    XCTAssertEqual(try value("item(picks, 1)", type: .text), .text("walk"))
    XCTAssertEqual(try value("item(picks, 2)"), .text("own"))
    XCTAssertEqual(try value("item(picks, 3)"), .none)
    XCTAssertEqual(try value("item(picks, 0)"), .none)
    XCTAssertEqual(try value("item(menu, 1)"), .none)
    XCTAssertEqual(
      error("item(focus, 1)")?.message, "item() needs a list of choices as argument 1; got text")
  }

  func testLabel() throws {
    XCTAssertEqual(try value("label(focus, focus)", type: .text), .text("Safe haven"))
    XCTAssertEqual(try value("label('self', menu, focus)"), .text("Yourself"))
    XCTAssertEqual(try value("label(picks, menu)"), .text("Walk the floor, My own idea"))
    XCTAssertEqual(try value("label('unknown', menu)"), .text("unknown"))
    XCTAssertEqual(try value("label(item(picks, 3), menu)"), .none)
    XCTAssertEqual(
      error("label(focus)")?.message,
      "label() takes a value and the names of questions with options, like label(focus_area, focus)"
    )
    XCTAssertEqual(error("label(focus, 'menu')")?.offset, 13)
    XCTAssertEqual(
      error("label(focus, score)")?.message,
      "label() reads the options of choice or multi questions; 'score' is a number")
    XCTAssertEqual(
      error("label(score, menu)")?.message,
      "label() needs text or a list of choices as argument 1; got a number")
    // The questions named after the value are read for their options, not their answers.
    XCTAssertEqual(try Expression.parse("label(focus, menu, picks)").names.map(\.name), ["focus"])
  }

  func testNumber() throws {
    XCTAssertEqual(try value("number(days)", type: .number), .number(14))
    XCTAssertEqual(try value("number(' 2.5 ')"), .number(2.5))
    XCTAssertEqual(try value("number('soon')"), .none)
    XCTAssertEqual(try value("number(focus + 'x')"), .none)
  }

  func testRepeat() throws {
    XCTAssertEqual(try value("repeat('#', score / 10)", type: .text), .text("######"))
    XCTAssertEqual(try value("repeat('ab', 2) + repeat('.', -3)"), .text("abab"))
    XCTAssertEqual(try value("repeat('#', missing)"), .none)
    XCTAssertEqual(try value("length(repeat('#', 10000000))"), .number(1000))
  }

  func testMatch() throws {
    XCTAssertEqual(try value("match(focus, 'self', 1, 'safe_haven', 3)", type: .number), .number(3))
    XCTAssertEqual(try value("match(focus, 'self', 'me', 'others')"), .text("others"))
    XCTAssertEqual(try value("match(focus, 'self', 'me')"), .none)
    XCTAssertEqual(try value("match(missing, 1, 'one', 'none')"), .text("none"))
    XCTAssertEqual(try value("match(flag, true, 'yes', false, 'no')"), .text("yes"))
    XCTAssertEqual(
      error("match(focus, 1, 'a')")?.message,
      "match() compares text with each key; this key is a number")
    XCTAssertEqual(
      error("match(focus, 'a', 1, 'b', 'x')")?.message,
      "match() needs every result of the same type; got a number and text")
    XCTAssertEqual(error("match(focus, 'a')")?.offset, 0)
  }

  func testJoin() throws {
    XCTAssertEqual(
      try value("join(', ', 'a', if(flag, 'b', ''), '', focus)", type: .text),
      .text("a, b, safe_haven"))
    XCTAssertEqual(try value("join('; ', '', '')"), .text(""))
    XCTAssertEqual(try value("join(', ', item(picks, 5), 'x')"), .text("x"))
    XCTAssertEqual(
      error("join(', ', score)")?.message, "join() needs text as argument 2; got a number")
  }
}
