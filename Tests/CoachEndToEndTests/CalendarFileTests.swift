import CoachKit
import CoachTerminal
import Foundation
import XCTest

/// The RFC 5545 mechanics of the plan's calendar file: escaping, folding, line endings, events
/// with and without a time, stable UIDs and the revision a follow-up writes.
final class CalendarFileTests: XCTestCase {
  let stamp = Date(timeIntervalSince1970: 1_795_942_800)  // 2026-11-29T09:00:00Z
  let berlin = TimeZone(identifier: "Europe/Berlin")!

  var events: [CalendarEvent] {
    [
      CalendarEvent(
        id: "a1-first", start: .time(Moment(iso: "2026-12-01T09:30")!, timeZone: berlin, minutes: 15),
        summary: "First step: book the room, the big one",
        description: "If the room is taken; then I will ask Ops."),
      CalendarEvent(
        id: "check-in", start: .day(Day(iso: "2026-12-14")!),
        summary: "Trust check-in: Safe haven, again",
        description: "Line one;\nline two, with a long tail " + String(repeating: "x", count: 80)),
    ]
  }

  func testEscapesText() {
    XCTAssertEqual(CalendarFile.escape("a, b; c\\d\ne\r\nf\u{7}"), "a\\, b\\; c\\\\d\\ne\\nf")
  }

  func testFoldsAt75OctetsWithoutSplittingAUTF8Sequence() {
    // "é" is two octets; a family emoji is one character of seven code points, 25 octets.
    for line in [
      "DESCRIPTION:" + String(repeating: "é", count: 100),
      "SUMMARY:" + String(repeating: "👨‍👩‍👧‍👦", count: 12),
    ] {
      let folded = CalendarFile.fold(line)
      let lines = folded.components(separatedBy: "\r\n")
      XCTAssertGreaterThan(lines.count, 1)
      for part in lines {
        XCTAssertLessThanOrEqual(part.utf8.count, 75)
        XCTAssertNotNil(String(validating: Array(part.utf8), as: UTF8.self))
      }
      // By code points: a space followed by a joiner is one Character to Swift.
      XCTAssert(lines.dropFirst().allSatisfy { $0.unicodeScalars.first == " " })
      let unfolded =
        lines.first! + lines.dropFirst().map { String($0.unicodeScalars.dropFirst()) }.joined()
      XCTAssertEqual(Array(unfolded.unicodeScalars), Array(line.unicodeScalars))
    }
    XCTAssertEqual(CalendarFile.fold("SHORT:x"), "SHORT:x")
  }

  func testEventsWithAndWithoutATimeParseBack() throws {
    let file = CalendarFile(events: events, session: "20261129-090000-4f2a", stamp: stamp)
    let parsed = try CalendarParser.events(Data(file.text.utf8))
    XCTAssertEqual(parsed.count, 2)
    let (first, checkin) = (parsed[0], parsed[1])
    XCTAssertEqual(first["UID"], "20261129-090000-4f2a-a1-first@coach")
    XCTAssertEqual(first["SEQUENCE"], "0")
    // 09:30 in Berlin in December is 08:30 UTC; a quarter of an hour long.
    XCTAssertEqual(first["DTSTART"], "20261201T083000Z")
    XCTAssertEqual(first["DTEND"], "20261201T084500Z")
    XCTAssertEqual(first["TRIGGER"], "-PT10M")
    XCTAssertEqual(first["TRANSP"], "OPAQUE")
    XCTAssertEqual(first["SUMMARY"], "First step: book the room, the big one")
    XCTAssertEqual(first["DESCRIPTION"], "If the room is taken; then I will ask Ops.")
    XCTAssertEqual(checkin["UID"], "20261129-090000-4f2a-check-in@coach")
    XCTAssertEqual(checkin["DTSTART;VALUE=DATE"], "20261214")
    XCTAssertEqual(checkin["DTEND;VALUE=DATE"], "20261215")
    XCTAssertEqual(checkin["TRIGGER;RELATED=START"], "PT9H")
    XCTAssertEqual(checkin["TRANSP"], "TRANSPARENT")
    XCTAssertEqual(checkin["DESCRIPTION"], events[1].description)
    XCTAssertEqual(checkin["DTSTAMP"], "20261129T090000Z")
    XCTAssertFalse(file.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }

  /// A follow-up writes an event again under the same UID with a higher SEQUENCE: an update.
  func testAFollowUpUpdatesInPlace() throws {
    let first = CalendarFile(events: [events[1]], session: "s1", stamp: stamp)
    var moved = events[1]
    moved.start = .day(Day(iso: "2026-12-28")!)
    let update = CalendarFile(
      events: [moved], session: "s1", sequence: 1, stamp: stamp.addingTimeInterval(14 * 86_400))
    let before = try CalendarParser.parse(Data(first.text.utf8))
    let after = try CalendarParser.parse(Data(update.text.utf8))
    XCTAssertEqual(before["UID"], after["UID"])
    XCTAssertEqual(before["SEQUENCE"], "0")
    XCTAssertEqual(after["SEQUENCE"], "1")
    XCTAssertEqual(after["DTSTART;VALUE=DATE"], "20261228")
    XCTAssertEqual(after["DTSTAMP"], "20261213T090000Z")
  }

  /// A follow-up takes an event out by writing it again, cancelled: same UID, higher SEQUENCE,
  /// STATUS:CANCELLED, and no reminder.
  func testACancelledEventKeepsItsUIDAndLosesItsReminder() throws {
    var cancelled = events[0]
    cancelled.isCancelled = true
    let file = CalendarFile(events: [cancelled, events[1]], session: "s1", sequence: 2, stamp: stamp)
    let parsed = try CalendarParser.events(Data(file.text.utf8))
    XCTAssertEqual(parsed[0]["UID"], "s1-a1-first@coach")
    XCTAssertEqual(parsed[0]["SEQUENCE"], "2")
    XCTAssertEqual(parsed[0]["STATUS"], "CANCELLED")
    XCTAssertEqual(parsed[0]["DTSTART"], "20261201T083000Z")
    XCTAssertNil(parsed[0]["TRIGGER"])
    XCTAssertNil(parsed[1]["STATUS"])
    XCTAssertEqual(parsed[1]["TRIGGER;RELATED=START"], "PT9H")
    XCTAssertEqual(file.text.components(separatedBy: "BEGIN:VALARM").count, 2, "one reminder")
  }

  /// An independent reader, Python's `icalendar` (which `.ci/run` installs), reads the same.
  func testAnotherReaderAgrees() throws {
    let file = CalendarFile(events: events, session: "s1", sequence: 2, stamp: stamp)
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-calendar-\(UUID().uuidString).ics")
    try file.text.write(to: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      """
      import sys
      try:
          import icalendar
      except ImportError:
          print("missing"); sys.exit(0)
      calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
      for event in calendar.walk('VEVENT'):
          start = event.decoded('DTSTART')
          print('|'.join([str(event['UID']), str(event['SEQUENCE']), start.isoformat(),
                          event.decoded('DTEND').isoformat(), str(event['SUMMARY']),
                          str(event.get('DESCRIPTION', '')).replace('\\n', '/')]))
      """,
      path.path,
    ]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    XCTAssertEqual(process.terminationStatus, 0, problems)
    if text == "missing\n" { throw XCTSkip("Python's icalendar is not installed (.ci/run installs it)") }
    XCTAssertEqual(
      text.split(separator: "\n"),
      [
        "s1-a1-first@coach|2|2026-12-01T08:30:00+00:00|2026-12-01T08:45:00+00:00|First step: book the room, the big one|If the room is taken; then I will ask Ops.",
        "s1-check-in@coach|2|2026-12-14|2026-12-15|Trust check-in: Safe haven, again|Line one;/line two, with a long tail "
          + String(repeating: "x", count: 80),
      ])
  }
}
