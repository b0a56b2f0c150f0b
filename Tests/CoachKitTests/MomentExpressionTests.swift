import XCTest

@testable import CoachKit

/// Days and times in expressions: `now`, a `moment` answer, `date()`, `moment_text()`,
/// `time_text()`, arithmetic and comparisons.
final class MomentExpressionTests: XCTestCase {
  static let types: [String: ValueType] = [
    "first_step": .moment, "deadline": .date, "now": .moment, "today": .date, "unset": .moment,
  ]
  static let values: [String: Value] = [
    "first_step": .moment(Moment(iso: "2026-12-01T09:30")!),
    "deadline": .date(Day(year: 2026, month: 12, day: 2)!),
    "now": .moment(Moment(iso: "2026-11-30T10:00")!),
    "today": .date(Day(year: 2026, month: 11, day: 30)!),
  ]

  func value(_ source: String, type: ValueType? = nil, file: StaticString = #filePath, line: UInt = #line)
    throws -> Value
  {
    let expression = try Expression.parse(source)
    let checked = try expression.typeCheck(types: Self.types)
    if let type { XCTAssertEqual(checked, type, source, file: file, line: line) }
    return expression.evaluate { Self.values[$0] ?? .none }
  }

  func error(_ source: String) -> String? {
    do {
      _ = try Expression.parse(source).typeCheck(types: Self.types)
      return nil
    } catch {
      return error.message
    }
  }

  func testFunctions() throws {
    XCTAssertEqual(try value("date(first_step)", type: .date), .date(Day(year: 2026, month: 12, day: 1)!))
    XCTAssertEqual(
      try value("moment_text(first_step)", type: .text), .text("Tuesday 1 December at 09:30"))
    XCTAssertEqual(try value("time_text(first_step)", type: .text), .text("09:30"))
    XCTAssertEqual(try value("weekday(first_step)", type: .text), .text("Tuesday"))
    XCTAssertEqual(
      try value("date_text(first_step)", type: .text), .text("Tuesday 1 December 2026"))
    XCTAssertEqual(try value("text(first_step)"), .text("Tuesday 1 December at 09:30"))
    XCTAssertEqual(try value("moment_text(unset)"), .none)
    XCTAssertEqual(error("date(deadline)"), "date() needs a day and time as argument 1; got a date")
    XCTAssertEqual(
      error("weekday(3)"), "weekday() needs a date or a day and time as argument 1; got a number")
  }

  func testArithmetic() throws {
    XCTAssertEqual(try value("first_step + 1", type: .moment), .moment(Moment(iso: "2026-12-02T09:30")!))
    XCTAssertEqual(try value("first_step - 2"), .moment(Moment(iso: "2026-11-29T09:30")!))
    XCTAssertEqual(try value("now + 1 / 24"), .moment(Moment(iso: "2026-11-30T11:00")!))
    XCTAssertEqual(try value("round((first_step - now) * 24, 1)", type: .number), .number(23.5))
    XCTAssertEqual(try value("unset + 1"), .none)
  }

  /// A day and time compares with another, and with a date by its day.
  func testComparisons() throws {
    XCTAssertEqual(try value("first_step <= deadline", type: .bool), .bool(true))
    XCTAssertEqual(try value("first_step > deadline"), .bool(false))
    XCTAssertEqual(try value("deadline >= first_step"), .bool(true))
    XCTAssertEqual(try value("first_step > now"), .bool(true))
    XCTAssertEqual(try value("date(first_step) == today + 1"), .bool(true))
    XCTAssertEqual(try value("unset < deadline"), .bool(false))
    XCTAssertEqual(
      error("first_step < 3"), "'<' needs two numbers, or dates and days and times; got a day and time and a number")
    XCTAssertEqual(
      error("first_step == deadline"),
      "'==' needs two values of the same type; got a day and time and a date")
  }
}
