import Foundation
import XCTest

@testable import CoachKit

/// A day and a time as people type them, read relative to the moment they type it.
final class MomentReadingTests: XCTestCase {
  /// Monday 30 November 2026, 10:00.
  let monday = Moment(iso: "2026-11-30T10:00")!

  private func read(_ text: String, at now: Moment? = nil, file: StaticString = #filePath, line: UInt = #line)
    -> String?
  {
    switch MomentReading(now: now ?? monday).read(text) {
    case .success(let reading): return reading.moment.iso
    case .failure(let problem):
      XCTFail("'\(text)' was refused: \(problem.reason)", file: file, line: line)
      return nil
    }
  }

  private func problem(_ text: String, at now: Moment? = nil, file: StaticString = #filePath, line: UInt = #line)
    -> MomentProblem?
  {
    switch MomentReading(now: now ?? monday).read(text) {
    case .success(let reading):
      XCTFail("'\(text)' was read as \(reading.moment.iso)", file: file, line: line)
      return nil
    case .failure(let problem): return problem
    }
  }

  func testTheIssuesPhrasings() {
    XCTAssertEqual(read("tomorrow morning at 9"), "2026-12-01T09:00")
    XCTAssertEqual(read("Tomorrow morning at 9."), "2026-12-01T09:00")
    XCTAssertEqual(read("next Monday 9:30"), "2026-12-07T09:30")
    XCTAssertEqual(read("Next Monday 9:00"), "2026-12-07T09:00")
    XCTAssertEqual(read("Tue 9am"), "2026-12-01T09:00")
    XCTAssertEqual(read("on Tuesday at 9"), "2026-12-01T09:00")
    XCTAssertEqual(read("On Tuesday at 9"), "2026-12-01T09:00")
    XCTAssertEqual(read("9:30 tomorrow"), "2026-12-01T09:30")
    XCTAssertEqual(read("1 Dec 10:00"), "2026-12-01T10:00")
    XCTAssertEqual(read("Friday 14:00"), "2026-12-04T14:00")
    XCTAssertEqual(read("in two days at 8"), "2026-12-02T08:00")
  }

  func testWeekdaysAndAbbreviations() {
    XCTAssertEqual(read("tmrw 2pm"), "2026-12-01T14:00")
    XCTAssertEqual(read("wed 3am"), "2026-12-02T03:00")
    XCTAssertEqual(read("Thursday 09:00"), "2026-12-03T09:00")
    XCTAssertEqual(read("thurs. 8.30"), "2026-12-03T08:30")
    XCTAssertEqual(read("Fri @ 4:30pm"), "2026-12-04T16:30")
    XCTAssertEqual(read("friday at 4.30 p.m."), "2026-12-04T16:30")
    XCTAssertEqual(read("TOMORROW AT 9AM"), "2026-12-01T09:00")
    XCTAssertEqual(read("Weds 10:15"), "2026-12-02T10:15")
    XCTAssertEqual(read("tues 11"), "2026-12-01T11:00")
  }

  func testHoursWithoutAmOrPmAreReadAsWorkingHours() {
    XCTAssertEqual(read("Wednesday at 3"), "2026-12-02T15:00")
    XCTAssertEqual(read("Wednesday at 6:30"), "2026-12-02T18:30")
    XCTAssertEqual(read("Wednesday at 7"), "2026-12-02T07:00")
    XCTAssertEqual(read("Wednesday at 12"), "2026-12-02T12:00")
    XCTAssertEqual(read("Wednesday at 03:00"), "2026-12-02T03:00")
    XCTAssertEqual(read("at nine tomorrow"), "2026-12-01T09:00")
    XCTAssertEqual(read("9 o'clock tomorrow"), "2026-12-01T09:00")
    XCTAssertEqual(read("tomorrow at 9ish"), "2026-12-01T09:00")
    XCTAssertEqual(read("tomorrow 5 pm"), "2026-12-01T17:00")
  }

  func testPartsOfTheDay() {
    XCTAssertEqual(read("tomorrow afternoon at 2"), "2026-12-01T14:00")
    XCTAssertEqual(read("tonight at 8"), "2026-11-30T20:00")
    XCTAssertEqual(read("this evening at 7"), "2026-11-30T19:00")
    XCTAssertEqual(read("this afternoon 2:30"), "2026-11-30T14:30")
    XCTAssertEqual(read("first thing tomorrow at 8"), "2026-12-01T08:00")
    XCTAssertEqual(read("tomorrow at lunch 12:30"), "2026-12-01T12:30")
    XCTAssertEqual(read("lunchtime tomorrow 1"), "2026-12-01T13:00")
    XCTAssertEqual(read("tomorrow in the morning at 7:45"), "2026-12-01T07:45")
    XCTAssertEqual(read("end of day tomorrow at 5"), "2026-12-01T17:00")
    XCTAssertEqual(read("this Friday at noon"), "2026-12-04T12:00")
    XCTAssertEqual(read("Friday 12 noon"), "2026-12-04T12:00")
  }

  func testDates() {
    XCTAssertEqual(read("Dec 2 at 11"), "2026-12-02T11:00")
    XCTAssertEqual(read("2nd December, 11am"), "2026-12-02T11:00")
    XCTAssertEqual(read("December 3rd 4:15pm"), "2026-12-03T16:15")
    XCTAssertEqual(read("3rd of December at 10"), "2026-12-03T10:00")
    XCTAssertEqual(read("2026-12-02 09:15"), "2026-12-02T09:15")
    XCTAssertEqual(read("2026-12-02T09:15"), "2026-12-02T09:15")
    XCTAssertEqual(read("25/12 10:00"), "2026-12-25T10:00")
    XCTAssertEqual(read("12/25 10:00"), "2026-12-25T10:00")
    XCTAssertEqual(read("3/3 10:00"), "2027-03-03T10:00")
    XCTAssertEqual(read("1 Dec 2026 10:00"), "2026-12-01T10:00")
    XCTAssertEqual(read("Dec 1, 2026 at 10am"), "2026-12-01T10:00")
    XCTAssertEqual(read("Tuesday 1 December 9:30"), "2026-12-01T09:30")
    XCTAssertEqual(read("the 3rd at 10"), "2026-12-03T10:00")
    XCTAssertEqual(read("Tuesday 1 December at 09:30"), "2026-12-01T09:30")
  }

  func testRelativeDaysAndTimes() {
    XCTAssertEqual(read("today at 4pm"), "2026-11-30T16:00")
    XCTAssertEqual(read("today 11:30"), "2026-11-30T11:30")
    XCTAssertEqual(read("at 3pm"), "2026-11-30T15:00")
    XCTAssertEqual(read("3pm"), "2026-11-30T15:00")
    XCTAssertEqual(read("in 2 hours"), "2026-11-30T12:00")
    XCTAssertEqual(read("in an hour"), "2026-11-30T11:00")
    XCTAssertEqual(read("in 30 minutes"), "2026-11-30T10:30")
    XCTAssertEqual(read("the day after tomorrow at 10"), "2026-12-02T10:00")
    XCTAssertEqual(read("day after tomorrow 10am"), "2026-12-02T10:00")
    XCTAssertEqual(read("in a couple of days at 10"), "2026-12-02T10:00")
    XCTAssertEqual(read("in 1 week at 9"), "2026-12-07T09:00")
    XCTAssertEqual(read("now"), "2026-11-30T10:00")
    XCTAssertEqual(read("right now"), "2026-11-30T10:00")
    XCTAssertEqual(read("half past 9 tomorrow"), "2026-12-01T09:30")
    XCTAssertEqual(read("quarter to 10 on Wednesday"), "2026-12-02T09:45")
    XCTAssertEqual(read("quarter past 2 on Wednesday"), "2026-12-02T14:15")
  }

  /// Monday 10:00: "Monday" is today while the time is to come; "this" is this week's, "coming"
  /// never today, "next" next week's.
  func testThisNextAndComing() {
    XCTAssertEqual(read("Monday 14:00"), "2026-11-30T14:00")
    XCTAssertEqual(read("Monday 9:00"), "2026-12-07T09:00")
    XCTAssertEqual(read("this Monday 9:00"), "2026-11-30T09:00")
    XCTAssertEqual(read("coming Monday at 9"), "2026-12-07T09:00")
    XCTAssertEqual(read("this Friday 9:00"), "2026-12-04T09:00")
    XCTAssertEqual(read("next Friday 9:00"), "2026-12-11T09:00")
    XCTAssertEqual(read("Tuesday next week at 9"), "2026-12-08T09:00")
    XCTAssertEqual(read("next week Tuesday 9:00"), "2026-12-08T09:00")
    // On a Sunday, next Monday is tomorrow: the Monday of next week.
    let sunday = Moment(iso: "2026-12-06T18:00")!
    XCTAssertEqual(read("next Monday 9:00", at: sunday), "2026-12-07T09:00")
    XCTAssertEqual(read("Monday 9:00", at: sunday), "2026-12-07T09:00")
    // "next Friday" said on Monday has another reading, said when it is too late.
    guard case .success(let reading) = MomentReading(now: monday).read("next Friday 9:00") else {
      return XCTFail("not read")
    }
    XCTAssertEqual(
      reading.otherReading,
      MomentReading.OtherReading(words: "this Friday", moment: Moment(iso: "2026-12-04T09:00")!))
  }

  func testWeekends() {
    XCTAssertEqual(read("Sat 10am"), "2026-12-05T10:00")
    XCTAssertEqual(read("sunday 18:00"), "2026-12-06T18:00")
    // Friday evening: tomorrow is Saturday.
    let friday = Moment(iso: "2026-12-04T17:00")!
    XCTAssertEqual(read("tomorrow 9:00", at: friday), "2026-12-05T09:00")
    XCTAssertEqual(read("Monday 9:00", at: friday), "2026-12-07T09:00")
    XCTAssertEqual(read("in two days at 8", at: friday), "2026-12-06T08:00")
  }

  func testAroundMidnight() {
    XCTAssertEqual(read("12am tomorrow"), "2026-12-01T00:00")
    XCTAssertEqual(read("12pm tomorrow"), "2026-12-01T12:00")
    XCTAssertEqual(read("tomorrow 0:30"), "2026-12-01T00:30")
    XCTAssertEqual(read("tomorrow 00:00"), "2026-12-01T00:00")
    XCTAssertEqual(read("tomorrow 23:59"), "2026-12-01T23:59")
    let late = Moment(iso: "2026-11-30T23:55")!
    XCTAssertEqual(read("in 10 minutes", at: late), "2026-12-01T00:05")
    XCTAssertEqual(read("tomorrow 00:05", at: late), "2026-12-01T00:05")
    XCTAssertEqual(read("today 23:59", at: late), "2026-11-30T23:59")
    // Just after midnight, tomorrow is the next calendar day.
    let early = Moment(iso: "2026-12-01T00:10")!
    XCTAssertEqual(read("tomorrow 9", at: early), "2026-12-02T09:00")
    XCTAssertEqual(read("today 9", at: early), "2026-12-01T09:00")
    XCTAssertEqual(read("9:00", at: early), "2026-12-01T09:00")
  }

  func testMonthAndYearEnds() {
    let newYearsEve = Moment(iso: "2026-12-31T23:30")!
    XCTAssertEqual(read("tomorrow 9:00", at: newYearsEve), "2027-01-01T09:00")
    XCTAssertEqual(read("2 Jan 10:00", at: newYearsEve), "2027-01-02T10:00")
    XCTAssertEqual(read("Friday 9am", at: newYearsEve), "2027-01-01T09:00")
    XCTAssertEqual(read("the 4th at 10", at: newYearsEve), "2027-01-04T10:00")
    let endOfJanuary = Moment(iso: "2026-01-31T08:00")!
    XCTAssertEqual(read("the 31st at 9", at: endOfJanuary), "2026-01-31T09:00")
    XCTAssertEqual(read("in two days at 9", at: endOfJanuary), "2026-02-02T09:00")
    XCTAssertEqual(read("1 Feb 9:00", at: endOfJanuary), "2026-02-01T09:00")
    // 29 February: the next year that has one.
    XCTAssertEqual(read("29 Feb 9:00", at: endOfJanuary), "2028-02-29T09:00")
    // A date without a year in the last month is that one (and has passed), not next year's.
    let second = Moment(iso: "2026-12-02T10:00")!
    XCTAssertEqual(read("1 Dec 10:00", at: second), "2026-12-01T10:00")
    XCTAssertEqual(read("1 Nov 10:00", at: second), "2026-11-01T10:00")
    XCTAssertEqual(read("1 Oct 10:00", at: second), "2027-10-01T10:00")
  }

  func testImpossibleOnesAreRefusedWithTheReason() {
    XCTAssertEqual(problem("Tue 99:99"), .notATime("99:99"))
    XCTAssertEqual(problem("Friday 2027"), .notATime("2027"))
    XCTAssertEqual(problem("1430 tomorrow"), .notATime("1430"))
    XCTAssertEqual(problem("tomorrow at 25:00"), .notATime("25:00"))
    XCTAssertEqual(problem("tomorrow 13pm"), .notATime("13pm"))
    XCTAssertEqual(problem("tomorrow 9:60"), .notATime("9:60"))
    XCTAssertEqual(problem("30 Feb 10:00"), .noSuchDate(day: 30, month: 2, year: nil))
    XCTAssertEqual(problem("31 April at 9"), .noSuchDate(day: 31, month: 4, year: nil))
    XCTAssertEqual(problem("29 Feb 2027 9:00"), .noSuchDate(day: 29, month: 2, year: 2027))
    XCTAssertEqual(
      problem("Tuesday 2 December 9:00"),
      .weekdayMismatch(said: "Tuesday", day: Day(year: 2026, month: 12, day: 2)!))
    XCTAssertEqual(
      problem("tomorrow Friday 9:00"),
      .weekdayMismatch(said: "Friday", day: Day(year: 2026, month: 12, day: 1)!))
    XCTAssertEqual(problem("midnight tomorrow"), .midnight)
    XCTAssertEqual(
      problem("tomorrow morning at 3pm"), .conflictingTime(time: "3pm", part: "morning"))
    XCTAssertEqual(problem("3/4 at 10"), .ambiguousDate("3/4"))
    XCTAssertEqual(
      problem("today 9:00 tomorrow"),
      .twoDays(Day(year: 2026, month: 11, day: 30)!, Day(year: 2026, month: 12, day: 1)!))
    XCTAssertEqual(
      problem("the 30th at 9", at: Moment(iso: "2026-01-31T08:00")!),
      .noSuchDate(day: 30, month: 2, year: 2026))
  }

  func testADayWithoutATimeOrATimeWithoutADayIsAskedFor() {
    let tuesday = Day(year: 2026, month: 12, day: 1)!
    XCTAssertEqual(problem("Tuesday"), .timeNeeded(tuesday, part: nil))
    XCTAssertEqual(problem("tomorrow morning"), .timeNeeded(tuesday, part: "morning"))
    XCTAssertEqual(problem("9:00"), .dayNeeded(time: "09:00"))
    XCTAssertEqual(problem("next week at 9"), .weekdayNeeded("next week"))
  }

  func testWordsThatAreNoMomentAreNamed() {
    XCTAssertEqual(problem("when I have time"), .unreadable(word: "when"))
    XCTAssertEqual(problem("Tuesday 9:30 book the room"), .unreadable(word: "book"))
    XCTAssertEqual(problem(""), .unreadable(word: nil))
    XCTAssertEqual(problem("pm"), .unreadable(word: "pm"))
  }

  func testReasonsReadAsSentences() {
    XCTAssertEqual(
      MomentProblem.notATime("99:99").reason,
      "'99:99' is not a time: hours go from 0 to 23 (or 1 to 12 with am or pm) and minutes from 00 to 59"
    )
    XCTAssertEqual(
      MomentProblem.notATime("2027").reason,
      "'2027' is not a time I can read; write a time with a colon, like 09:30 or 14:00, or with am or pm"
    )
    XCTAssertEqual(
      MomentProblem.noSuchDate(day: 30, month: 2, year: nil).reason, "there is no 30 February")
    XCTAssertEqual(
      MomentProblem.timeNeeded(Day(year: 2026, month: 12, day: 1)!, part: nil).reason,
      "at what time on Tuesday 1 December 2026? Add a time, like 'Tuesday 9:30'")
    let friday = Moment(iso: "2026-12-11T09:00")!
    XCTAssertEqual(
      MomentProblem.tooLate(
        friday, latest: .day(Day(year: 2026, month: 12, day: 4)!),
        otherReading: .init(words: "this Friday", moment: Moment(iso: "2026-12-04T09:00")!)
      ).reason,
      "Friday 11 December at 09:00 is after the deadline, the end of Friday 4 December 2026; for Friday 4 December at 09:00, type 'this Friday 09:00'"
    )
    XCTAssertEqual(
      MomentProblem.tooLate(
        friday, latest: .day(Day(year: 2026, month: 12, day: 2)!), otherReading: nil
      ).reason,
      "Friday 11 December at 09:00 is after the deadline, the end of Wednesday 2 December 2026; pick a day and time by then"
    )
    XCTAssertEqual(
      MomentProblem.tooEarly(
        Moment(iso: "2026-11-30T09:00")!, earliest: .moment(monday), hasPassed: true
      ).reason,
      "Monday 30 November at 09:00 has already passed; pick a time to come")
  }

  /// The session's time zone decides what today and tomorrow are.
  func testTheSessionsTimeZone() {
    let instant = ISO8601DateFormatter().date(from: "2026-11-30T23:30:00Z")!
    let berlin = Moment(instant, timeZone: TimeZone(identifier: "Europe/Berlin")!)
    let newYork = Moment(instant, timeZone: TimeZone(identifier: "America/New_York")!)
    XCTAssertEqual(berlin.iso, "2026-12-01T00:30")
    XCTAssertEqual(newYork.iso, "2026-11-30T18:30")
    XCTAssertEqual(read("tomorrow 9", at: berlin), "2026-12-02T09:00")
    XCTAssertEqual(read("tomorrow 9", at: newYork), "2026-12-01T09:00")
  }
}

final class MomentTests: XCTestCase {
  func testTextAndISO() {
    let moment = Moment(iso: "2026-12-01T09:30")!
    XCTAssertEqual(moment.text, "Tuesday 1 December at 09:30")
    XCTAssertEqual(moment.iso, "2026-12-01T09:30")
    XCTAssertEqual(moment.timeText, "09:30")
    XCTAssertEqual(
      moment.text(relativeTo: Day(year: 2025, month: 12, day: 31)!),
      "Tuesday 1 December 2026 at 09:30")
    XCTAssertEqual(Value.moment(moment).displayText, "Tuesday 1 December at 09:30")
    XCTAssertNil(Moment(iso: "2026-12-01T24:00"))
    XCTAssertNil(Moment(iso: "2026-12-01T9:30"))
    XCTAssertNil(Moment(iso: "2026-02-30T09:30"))
  }

  func testArithmeticRollsOverDays() {
    let moment = Moment(iso: "2026-12-31T23:30")!
    XCTAssertEqual(moment.adding(minutes: 45).iso, "2027-01-01T00:15")
    XCTAssertEqual(moment.adding(minutes: -24 * 60).iso, "2026-12-30T23:30")
    XCTAssertEqual(moment.adding(days: 2).iso, "2027-01-02T23:30")
    XCTAssertEqual(Moment(day: Day(year: 2026, month: 1, day: 1)!, minutes: -30).iso, "2025-12-31T23:30")
  }

  func testCodableAsISO() throws {
    let moment = Moment(iso: "2026-12-01T09:30")!
    let data = try JSONEncoder().encode([moment])
    XCTAssertEqual(String(decoding: data, as: UTF8.self), #"["2026-12-01T09:30"]"#)
    XCTAssertEqual(try JSONDecoder().decode([Moment].self, from: data), [moment])
  }

  /// A wall-clock time is turned into an instant with the zone's offset on that day, including a
  /// time a clock change skips.
  func testInstantInATimeZone() {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let formatter = ISO8601DateFormatter()
    XCTAssertEqual(
      formatter.string(from: Moment(iso: "2026-12-01T09:30")!.date(in: berlin)),
      "2026-12-01T08:30:00Z")
    XCTAssertEqual(
      formatter.string(from: Moment(iso: "2026-07-01T09:30")!.date(in: berlin)),
      "2026-07-01T07:30:00Z")
    // 29 March 2026: clocks go from 02:00 to 03:00; 02:30 is taken as 03:30.
    XCTAssertEqual(
      formatter.string(from: Moment(iso: "2026-03-29T02:30")!.date(in: berlin)),
      "2026-03-29T01:30:00Z")
  }
}
