import CoachKit
import CoachTerminal
import Foundation
import XCTest

/// The RFC 5545 mechanics of the check-in file: escaping, folding, line endings.
final class CalendarFileTests: XCTestCase {
  func testEscapesText() {
    XCTAssertEqual(CalendarFile.escape("a, b; c\\d\ne\r\nf\u{7}"), "a\\, b\\; c\\\\d\\ne\\nf")
  }

  func testFoldsAt75OctetsWithoutSplittingCharacters() {
    let line = "DESCRIPTION:" + String(repeating: "é", count: 100)
    let folded = CalendarFile.fold(line)
    let lines = folded.components(separatedBy: "\r\n")
    XCTAssertGreaterThan(lines.count, 1)
    for part in lines { XCTAssertLessThanOrEqual(part.utf8.count, 75) }
    XCTAssert(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    XCTAssertEqual(lines.first! + lines.dropFirst().map { String($0.dropFirst()) }.joined(), line)
    XCTAssertEqual(CalendarFile.fold("SHORT:x"), "SHORT:x")
  }

  func testAWholeFileParsesBack() throws {
    let event = CalendarEvent(
      day: Day(iso: "2026-12-13")!, summary: "Trust check-in: Safe haven, again",
      description: "Line one;\nline two, with a long tail " + String(repeating: "x", count: 80))
    let file = CalendarFile(
      event: event, uid: "abc@coach", stamp: Date(timeIntervalSince1970: 1_795_942_800))
    let parsed = try CalendarParser.parse(Data(file.text.utf8))
    XCTAssertEqual(parsed["DTSTART;VALUE=DATE"], "20261213")
    XCTAssertEqual(parsed["DTEND;VALUE=DATE"], "20261214")
    XCTAssertEqual(parsed["SUMMARY"], "Trust check-in: Safe haven, again")
    XCTAssertEqual(parsed["DESCRIPTION"], event.description)
    XCTAssertEqual(parsed["UID"], "abc@coach")
    XCTAssertEqual(parsed["DTSTAMP"], "20261129T090000Z")
    XCTAssertFalse(file.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }
}
