import Foundation
import XCTest

@testable import CoachKit

final class DayTests: XCTestCase {
  func testEpochAndKnownDays() {
    XCTAssertEqual(Day(year: 1970, month: 1, day: 1)?.daysSince1970, 0)
    XCTAssertEqual(Day(year: 1969, month: 12, day: 31)?.daysSince1970, -1)
    XCTAssertEqual(Day(year: 2000, month: 3, day: 1)?.daysSince1970, 11_017)
    let day = Day(year: 2026, month: 12, day: 13)!
    XCTAssertEqual(day.year, 2026)
    XCTAssertEqual(day.month, 12)
    XCTAssertEqual(day.day, 13)
    XCTAssertEqual(day.weekday, "Sunday")
    XCTAssertEqual(day.iso, "2026-12-13")
    XCTAssertEqual(day.longText, "Sunday 13 December 2026")
    XCTAssertEqual(Day(daysSince1970: 0).weekday, "Thursday")
    XCTAssertEqual(Day(daysSince1970: -1).weekday, "Wednesday")
    XCTAssertEqual(Day(year: 1900, month: 1, day: 1)?.weekday, "Monday")
  }

  func testRoundTripsOverManyYears() {
    var previous: Day?
    for days in stride(from: -800_000, through: 800_000, by: 997) {
      let day = Day(daysSince1970: days)
      XCTAssertEqual(Day(year: day.year, month: day.month, day: day.day), day)
      if let previous { XCTAssertLessThan(previous, day) }
      previous = day
    }
  }

  func testInvalidDates() {
    XCTAssertNil(Day(year: 2026, month: 2, day: 29))
    XCTAssertNotNil(Day(year: 2028, month: 2, day: 29))
    XCTAssertNil(Day(year: 1900, month: 2, day: 29))
    XCTAssertNotNil(Day(year: 2000, month: 2, day: 29))
    XCTAssertNil(Day(year: 2026, month: 13, day: 1))
    XCTAssertNil(Day(year: 2026, month: 4, day: 31))
    XCTAssertNil(Day(year: 2026, month: 1, day: 0))
    XCTAssertNil(Day(iso: "2026-1-13"))
    XCTAssertNil(Day(iso: "2026-02-30"))
    XCTAssertNil(Day(iso: "tomorrow"))
    XCTAssertNil(Day(iso: "2026-12-13T00:00"))
    XCTAssertEqual(Day(iso: "2026-12-13"), Day(year: 2026, month: 12, day: 13))
  }

  func testAddingAcrossBoundaries() {
    XCTAssertEqual(Day(iso: "2028-02-28")!.adding(days: 1).iso, "2028-02-29")
    XCTAssertEqual(Day(iso: "2027-02-28")!.adding(days: 1).iso, "2027-03-01")
    XCTAssertEqual(Day(iso: "2026-12-25")!.adding(days: 14).iso, "2027-01-08")
    XCTAssertEqual(Day(iso: "2026-01-31")!.adding(days: 1).iso, "2026-02-01")
    XCTAssertEqual(Day(iso: "2027-01-01")!.adding(days: -1).iso, "2026-12-31")
    XCTAssertEqual(Day(iso: "2026-12-13")!.adding(days: Int.max), Day(daysSince1970: Int.max))
  }

  func testCodableAsISOText() throws {
    let day = Day(year: 2026, month: 12, day: 13)!
    let data = try JSONEncoder().encode([day])
    XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["2026-12-13"]"#)
    XCTAssertEqual(try JSONDecoder().decode([Day].self, from: data), [day])
    XCTAssertThrowsError(try JSONDecoder().decode([Day].self, from: Data(#"["2026-13-01"]"#.utf8)))
  }

  func testFromDateInTimeZone() {
    // 2026-12-13T23:30:00Z
    let date = Date(timeIntervalSince1970: 1_797_204_600)
    XCTAssertEqual(Day(date, timeZone: TimeZone(identifier: "UTC")!).iso, "2026-12-13")
    XCTAssertEqual(Day(date, timeZone: TimeZone(secondsFromGMT: 3_600)!).iso, "2026-12-14")
    XCTAssertEqual(Day(date, timeZone: TimeZone(secondsFromGMT: -18_000)!).iso, "2026-12-13")
    XCTAssertEqual(
      Day(Date(timeIntervalSince1970: -1), timeZone: TimeZone(identifier: "UTC")!).iso, "1969-12-31"
    )
  }
}

final class WorkdayTests: XCTestCase {
  func testWeekendDatesMoveToMonday() throws {
    let sunday = try XCTUnwrap(Day(year: 2026, month: 12, day: 13))
    let expression = try Expression.parse("workday(d)")
    func workday(_ day: Day) -> Value { expression.evaluate { $0 == "d" ? .date(day) : .none } }
    XCTAssertEqual(workday(sunday), .date(sunday.adding(days: 1)))
    XCTAssertEqual(workday(sunday.adding(days: -1)), .date(sunday.adding(days: 1)))
    XCTAssertEqual(workday(sunday.adding(days: 2)), .date(sunday.adding(days: 2)))
  }
}
