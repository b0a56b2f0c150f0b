import CoachKit
import Foundation
import XCTest

@testable import RoomTestSupport

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `coach run --facilitator --room` with phones: the room serves the page while the session
/// runs, the team questions' rounds open on the phones, and the session keeps each round as one
/// anonymous event. Phones here are URLSession (another HTTP implementation than the room's) and
/// a real headless Chromium; the room listens on the loopback address.
final class RoomSessionTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
  var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-room-session-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: root)
  }

  var environment: [String: String] {
    [
      "XDG_DATA_HOME": root.appendingPathComponent("data").path,
      "XDG_STATE_HOME": root.appendingPathComponent("state").path,
      "COACH_NOW": "2026-11-29T09:00:00Z", "COACH_SESSION_ID": "room", "NO_COLOR": "1",
      "HOME": root.path, "PATH": "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8",
    ]
  }

  /// The page's address and the join code, as the shared screen shows them.
  static func joinCard(in screen: String) -> (page: String, code: String)? {
    guard let page = screen.firstMatch(of: #/http://127\.0\.0\.1:[0-9]+//#),
      let code = screen.firstMatch(of: #/type the code  ([A-Z0-9]{6})/#)
    else { return nil }
    return (String(page.output), String(code.output.1))
  }

  /// Runs `body` (async) to its end from synchronous code: the in-process session calls its line
  /// source on this thread.
  static func wait(_ body: @escaping @Sendable () async throws -> Void) throws {
    let done = DispatchSemaphore(value: 0)
    let failure = Failure()
    Task.detached {
      do { try await body() } catch { failure.error = error }
      done.signal()
    }
    done.wait()
    if let error = failure.error { throw error }
  }

  final class Failure: @unchecked Sendable { var error: (any Error)? }

  /// Phones, shared by the lines of a session run in process.
  final class Phones: @unchecked Sendable {
    var all: [Phone] = []
  }

  func testThirtyPhonesRateAtOnceThroughARealSessionEachCountedOnceNoneAttributable() throws {
    let phones = Phones()
    // Thirty ratings, and one phone that changes its mind: counted once, with its last word.
    let ratings = (0..<30).map { 1 + ($0 * 7) % 5 }
    var line = 0
    let result = try CoachProcess.runInProcess(
      ["run", "--facilitator", "--room", "--room-address", "127.0.0.1", "team"],
      in: Self.fixtures, stdin: "\n4\n\n/next\n4\nTalk weekly\n", environment: environment,
      seeing: { output in
        line += 1
        guard let card = Self.joinCard(in: output) else {
          return XCTFail("no join card on the shared screen: \(output)")
        }
        switch line {
        case 1:
          XCTAssertFalse(output.contains("Team ratings"), "nothing before the round closes")
          try? Self.wait {
            phones.all = try await withThrowingTaskGroup(of: Phone.self) { group in
              for _ in 0..<30 {
                group.addTask {
                  var phone = Phone(pageURL: card.page, code: card.code)
                  try await phone.join()
                  return phone
                }
              }
              return try await group.reduce(into: []) { $0.append($1) }
            }
            let round = try await phones.all[0].round().json["round"] as? Int ?? -1
            try await withThrowingTaskGroup(of: Int.self) { group in
              for (phone, value) in zip(phones.all, ratings) {
                group.addTask { try await phone.rate(value, round: round).status }
              }
              for try await status in group { XCTAssertEqual(status, 200) }
            }
            let changed = try await phones.all[0].rate(5, round: round).status
            XCTAssertEqual(changed, 200)
          }
        case 3:
          // The next team question: two phones rate, so nothing but the count is kept.
          try? Self.wait {
            let round = try await phones.all[0].round().json["round"] as? Int ?? -1
            for phone in phones.all.prefix(2) {
              let status = try await phone.rate(2, round: round).status
              XCTAssertEqual(status, 200)
            }
          }
        default: break
        }
      })
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertTrue(result.stdout.contains("30 phones joined"), result.stdout)
    XCTAssertTrue(result.stdout.contains("The round is closed: 30 ratings are in."))
    XCTAssertTrue(result.stdout.contains("Team ratings: 30 responses"))
    XCTAssertTrue(result.stdout.contains("2 of 30 rated so far"))
    XCTAssertTrue(result.stdout.contains("The round is closed with 2 ratings: fewer than 3"))

    // The log: one anonymous event a round, every rating counted once, lowest first.
    let log = try String(
      contentsOf: root.appendingPathComponent("data/coach/sessions/room.jsonl"), encoding: .utf8)
    var expected = ratings
    expected[0] = 5
    let rounds = LoggedRatings.all(in: log)
    XCTAssertTrue(
      rounds.contains(.init(step: "safety", count: 30, values: expected.sorted().map(Double.init))),
      log)
    XCTAssertTrue(rounds.contains(.init(step: "news", count: 2, values: nil)), log)
    XCTAssertEqual(rounds.map(\.step), ["safety", "news"], "one event a round")
    for token in phones.all.compactMap(\.token) {
      XCTAssertFalse(log.contains(token), "a phone's token in the log")
    }
    // Once the session has ended, the room no longer listens.
    XCTAssertThrowsError(try Self.roundStatus(of: phones.all[0]))
  }

  func testRatingsTypedAtTheKeyboardCountBesideThePhonesInOneAnonymousRound() throws {
    // One phone rates; two people without a phone type theirs at the keyboard.
    var line = 0
    let result = try CoachProcess.runInProcess(
      ["run", "--facilitator", "--room", "--room-address", "127.0.0.1", "team"],
      in: Self.fixtures, stdin: "4 5\n/next\n4\n/next\n4\nTalk weekly\n",
      environment: environment,
      seeing: { output in
        line += 1
        guard line == 1, let card = Self.joinCard(in: output) else { return }
        try? Self.wait {
          var phone = Phone(pageURL: card.page, code: card.code)
          try await phone.join()
          let round = try await phone.round().json["round"] as? Int ?? -1
          let status = try await phone.rate(3, round: round).status
          XCTAssertEqual(status, 200)
        }
      })
    XCTAssertEqual(result.status, 0, result.description)
    // The two typed are counted at once, and among everyone, whether or not the room has
    // reported the phone yet.
    XCTAssertNotNil(
      result.stdout.firstMatch(of: #/Rating taken, not shown: [23] of [23] rated\./#), result.stdout
    )
    // Those who typed are counted among everyone: never more rated than expected.
    for match in result.stdout.matches(of: #/([0-9]+) of ([0-9]+) rated/#) {
      XCTAssertLessThanOrEqual(
        Int(match.output.1) ?? 0, Int(match.output.2) ?? 0, String(match.output.0))
    }
    let log = try String(
      contentsOf: root.appendingPathComponent("data/coach/sessions/room.jsonl"), encoding: .utf8)
    XCTAssertTrue(
      LoggedRatings.all(in: log).contains(.init(step: "safety", count: 3, values: [3, 4, 5])), log)
  }

  func testARoomThatCannotStartSaysWhyAndTheRatingsAreTypedInstead() throws {
    // An address this computer does not have: the room cannot listen there.
    let result = try CoachProcess.runInProcess(
      [
        "run", "--facilitator", "--room", "--room-address", "203.0.113.7", "--participants", "3",
        "team",
      ],
      in: Self.fixtures, stdin: "3 4 5\n\n4\n/next\n4\nTalk\n", environment: environment)
    XCTAssertEqual(result.status, 0, result.description)
    XCTAssertTrue(
      result.stderr.contains("the room could not start (the room cannot listen on 203.0.113.7"),
      result.stderr)
    XCTAssertTrue(result.stderr.contains("typed at this keyboard instead, unseen"), result.stderr)
    XCTAssertFalse(result.stdout.contains("Join:"), "no address to join")
    XCTAssertTrue(result.stdout.contains("Each person types their rating here, unseen"))
    XCTAssertTrue(result.stdout.contains("Team ratings: 3 responses"))
  }

  static func roundStatus(of phone: Phone) throws -> Int {
    final class Status: @unchecked Sendable { var code = 0 }
    let status = Status()
    try wait { status.code = try await phone.round().status }
    return status.code
  }
}

/// A phone in a real browser (headless Chromium) against the binary on a pseudo-terminal, as a
/// facilitator runs it: the phone joins by the QR code's link, rates, and the shared screen's
/// count and then its summary change. Skipped, saying why, where Chromium is not installed.
/// Set COACH_ROOM_SCREENSHOTS to a folder to keep a phone-sized picture of each step.
final class RoomBrowserSessionTests: XCTestCase {
  private var home: URL!

  override func setUpWithError() throws {
    home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-room-browser-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: home)
  }

  func testAPhoneInABrowserRatesAndTheSharedScreenCountsThenSumsUp() async throws {
    let browser = try HeadlessChromium()
    addTeardownBlock { await browser.quit() }
    let fixture = RoomSessionTests.fixtures.appendingPathComponent("team").path
    let environment = [
      "PATH": "/usr/bin:/bin", "HOME": home.path, "TERM": "xterm", "LANG": "C.UTF-8",
      "NO_COLOR": "1", "XDG_STATE_HOME": home.appendingPathComponent("state").path,
      "XDG_DATA_HOME": home.appendingPathComponent("data").path,
      "COACH_NOW": "2026-11-29T09:00:00Z", "COACH_SESSION_ID": "browser",
    ]
    let shared = try PseudoTerminal(
      arguments: ["run", "--facilitator", "--room", "--room-address", "127.0.0.1", fixture],
      environment: environment, columns: 80, rows: 24)
    let card = try shared.waitFor("Press Enter to begin.")
    let (page, code) = try XCTUnwrap(RoomSessionTests.joinCard(in: card), card)

    // The phone scans the QR code: its link carries the code, and the page joins by itself.
    let phone = try await browser.open(page + "#" + code)
    try await phone.waitUntil(
      "document.getElementById('status').textContent.startsWith('Waiting for the next team question')"
    )
    try await keep(phone, "session-waiting")
    try shared.waitFor("1 phone joined")
    var others = [Phone(pageURL: page, code: code), Phone(pageURL: page, code: code)]
    for index in others.indices { try await others[index].join() }
    try shared.waitFor("3 phones joined")
    shared.send("\r")

    // The first team question reaches the phone; the shared screen counts, live, at its prompt.
    try shared.waitFor("0 of 3 rated")
    try await phone.waitUntil("!document.getElementById('rate').hidden")
    let question = try await phone.text(of: "question")
    XCTAssertEqual(question, "On this team, it is safe to admit a mistake.")
    try await phone.click("label[for=r4]")
    try await phone.click("#rate button[type=submit]")
    try await phone.waitUntil(
      "document.getElementById('status').textContent.startsWith('Your rating is in')")
    try await keep(phone, "session-rated")
    try shared.waitFor("1 of 3 rated")
    let round = try await others[0].round().json["round"] as? Int ?? -1
    for (other, value) in zip(others, [3, 5]) {
      let status = try await other.rate(value, round: round).status
      XCTAssertEqual(status, 200)
    }
    try shared.waitFor("3 of 3 rated")
    let before = shared.text
    XCTAssertFalse(before.contains("Team ratings"), "no result while the room rates")

    // Enter closes the round; after the leader's own rating the screen sums the room up.
    shared.send("\r")
    try shared.waitFor("The round is closed: 3 ratings are in.")
    try await phone.waitUntil("document.getElementById('rate').hidden")
    try shared.waitFor("> ")
    shared.send("5\r")
    try shared.waitFor("Team ratings: 3 responses")
    try shared.waitFor("median 4 · lowest–highest 3–5 · 67 % favourable")
    try shared.waitFor("0 of 3 rated")

    // The facilitator stops: the phone hears the session ended.
    try shared.waitFor("> ")
    shared.send("/quit\r")
    try await phone.waitUntil(
      "document.getElementById('status').textContent === 'The session has ended. Thank you for taking part.'"
    )
    try await keep(phone, "session-ended")
    _ = try shared.waitForExit()
  }

  private func keep(_ tab: HeadlessChromium.Tab, _ name: String) async throws {
    guard let folder = ProcessInfo.processInfo.environment["COACH_ROOM_SCREENSHOTS"] else { return }
    try await tab.screenshot().write(
      to: URL(fileURLWithPath: folder).appending(path: "\(name).png"))
  }
}
