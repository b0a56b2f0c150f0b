import CoachKit
import Foundation
import XCTest

@testable import CoachRoom
@testable import RoomTestSupport
@testable import CoachRoomModel

/// The phone page in a real browser (headless Chromium, two tabs as two phones) against a real
/// room on loopback: join by typing the code and by the QR code's link, rate, change a rating,
/// park a topic, wait between rounds, and hear that the session ended. The host sees the counts
/// change. Set COACH_ROOM_SCREENSHOTS to a folder to keep a phone-sized picture of each step.
final class PhonePageBrowserTests: XCTestCase {
  private let question = RoomQuestion(
    id: "safe_haven", text: "Mistakes are not held against people.",
    scale: .init(min: 1, max: 5, minLabel: "Strongly disagree", maxLabel: "Strongly agree"))

  func testTwoPhonesJoinRateAndParkWhileTheHostSeesOnlyCounts() async throws {
    let browser = try HeadlessChromium()
    let room = try await Room.start(on: .loopback)
    addTeardownBlock {
      await room.stop(grace: .zero)
      await browser.quit()
    }

    // The first phone types the code, as a person copying it from the projector would.
    let typed = try await browser.open(room.pageURL)
    try await typed.waitUntil("!document.getElementById('join').hidden")
    try await keep(typed, "join")
    let spaced =
      room.code.text.lowercased().prefix(3) + " " + room.code.text.lowercased().dropFirst(3)
    try await typed.type(String(spaced), into: "code")
    try await typed.click("#join button")
    try await typed.waitUntil(
      "document.getElementById('status').textContent.startsWith('Waiting for the next team question')"
    )
    try await waitForProgress(room) { $0.joined == 1 }

    // The room's own style and script were allowed by the page's strict policy.
    let buttonColour =
      try await typed.evaluate(
        "getComputedStyle(document.querySelector('#join button')).backgroundColor") as? String
    XCTAssertEqual(buttonColour, "rgb(45, 95, 82)")

    room.openRound(question)
    try await typed.waitUntil("!document.getElementById('rate').hidden")
    let legend = try await typed.text(of: "question")
    XCTAssertEqual(legend, question.text)
    let labels =
      try await typed.evaluate(
        "[...document.querySelectorAll('#scale input')].map(i => i.labels[0].textContent)")
      as? [String]
    XCTAssertEqual(labels, ["1, Strongly disagree", "2", "3", "4", "5, Strongly agree"])
    try await keep(typed, "question")

    try await typed.click("label[for=r4]")
    try await typed.click("#rate button[type=submit]")
    try await typed.waitUntil(
      "document.getElementById('status').textContent === 'Your rating is in. You can change it until the round closes.'"
    )
    try await waitForProgress(room) { $0.round?.rated == 1 }
    try await keep(typed, "rated")

    // The second phone scans the QR code: the link carries the code, and the page joins by itself
    // and takes the code out of the address bar.
    let scanned = try await browser.open(room.joinURL)
    try await scanned.waitUntil("!document.getElementById('rate').hidden")
    let address = try await scanned.evaluate("location.href") as? String
    XCTAssertEqual(address, room.pageURL)
    try await scanned.click("label[for=r2]")
    try await scanned.click("#rate button[type=submit]")
    try await waitForProgress(room) { $0.joined == 2 && $0.round?.rated == 2 }

    // A different choice is not sent until Send is pressed, and the page says so; then the
    // changed rating replaces the first: still two.
    try await typed.click("label[for=r5]")
    let unsent = try await typed.text(of: "status")
    XCTAssertEqual(unsent, "Not sent yet: press Send to change your rating from 4 to 5.")
    try await typed.click("#rate button[type=submit]")
    try await typed.waitUntil(
      "document.getElementById('status').textContent.startsWith('Your rating is in')")
    XCTAssertEqual(room.progress.round?.rated, 2)

    // Parking a topic, anonymously.
    try await typed.click("#park summary")
    try await typed.type("Who decides what we stop doing?", into: "park-text")
    try await typed.click("#park-form button")
    try await typed.waitUntil(
      "document.getElementById('park-status').textContent.startsWith('Parked')")
    XCTAssertEqual(room.takeParked(), ["Who decides what we stop doing?"])

    // The round closes: both phones wait politely; two ratings stay hidden even from the host.
    let ratings = try XCTUnwrap(room.closeRound())
    XCTAssertEqual(ratings.count, 2)
    XCTAssertNil(ratings.values)
    for phone in [typed, scanned] {
      try await phone.waitUntil("document.getElementById('rate').hidden")
    }
    try await keep(scanned, "waiting")

    // Eleven points fit a narrow phone in two rows of large touch targets.
    room.openRound(
      RoomQuestion(
        id: "early", text: "How likely are you to raise a problem early?",
        scale: .init(min: 0, max: 10, minLabel: "Not at all", maxLabel: "Certainly")))
    try await scanned.waitUntil("document.querySelectorAll('#scale label').length === 11")
    let layout = try await scanned.evaluate(
      """
      (() => {
        const boxes = [...document.querySelectorAll('#scale label')].map(l => l.getBoundingClientRect());
        const rows = {};
        for (const b of boxes) rows[Math.round(b.top)] = (rows[Math.round(b.top)] || 0) + 1;
        return { rows: Object.values(rows), narrowest: Math.min(...boxes.map(b => Math.min(b.width, b.height))),
          right: Math.max(...boxes.map(b => b.right)), width: document.documentElement.clientWidth };
      })()
      """) as? [String: Any]
    XCTAssertEqual(layout?["rows"] as? [Int], [6, 5])
    XCTAssertGreaterThanOrEqual(layout?["narrowest"] as? Double ?? 0, 44, "\(layout ?? [:])")
    XCTAssertLessThanOrEqual(
      layout?["right"] as? Double ?? .infinity, layout?["width"] as? Double ?? 0, "no sideways scrolling")
    try await keep(scanned, "eleven")
    room.closeRound()

    // The session ends: during the grace the phones are told so.
    let stopping = Task { await room.stop(grace: .seconds(30)) }
    for phone in [typed, scanned] {
      try await phone.waitUntil(
        "document.getElementById('status').textContent === 'The session has ended. Thank you for taking part.'"
      )
    }
    try await keep(typed, "ended")
    stopping.cancel()
    _ = await stopping.value

    // Nothing went wrong in the page: no script errors, no content-security-policy violations,
    // no request refused but the "gone" that says the session ended.
    let problems = browser.events.filter { event in
      let method = event["method"] as? String
      let entry = (event["params"] as? [String: Any])?["entry"] as? [String: Any]
      let text = entry?["text"] as? String ?? ""
      return method == "Runtime.exceptionThrown"
        || (method == "Log.entryAdded" && entry?["level"] as? String == "error"
          && !text.contains("status of 410 (Gone)"))
    }
    XCTAssertEqual(problems.count, 0, "\(problems)")
  }

  /// Waits until the host's view of the room satisfies `condition`, for at most 20 s.
  private func waitForProgress(
    _ room: Room, file: StaticString = #filePath, line: UInt = #line,
    _ condition: @escaping @Sendable (RoomProgress) -> Bool
  ) async throws {
    let seen = expectation(description: "the host's progress")
    let watching = Task {
      for await progress in room.updates() where condition(progress) {
        seen.fulfill()
        return
      }
    }
    await fulfillment(of: [seen], timeout: 20)
    watching.cancel()
    XCTAssertTrue(condition(room.progress), "progress: \(room.progress)", file: file, line: line)
  }

  private func keep(_ tab: HeadlessChromium.Tab, _ name: String) async throws {
    guard let folder = ProcessInfo.processInfo.environment["COACH_ROOM_SCREENSHOTS"] else { return }
    try await tab.screenshot().write(
      to: URL(fileURLWithPath: folder).appending(path: "\(name).png"))
  }
}
