import CoachKit
import Foundation
import XCTest

@testable import CoachRoom
@testable import RoomTestSupport
@testable import CoachRoomModel

/// A real room on the loopback address, and phones (URLSession) that join, rate and park.
final class RoomServerTests: XCTestCase {
  private let question = RoomQuestion(
    id: "safe_haven", text: "Mistakes are not held against people.",
    scale: .init(min: 1, max: 5, minLabel: "Strongly disagree", maxLabel: "Strongly agree"))

  /// A room on 127.0.0.1 that stops when the test ends. Every simulated phone comes from the
  /// same address here, so the per-address limits are raised unless a test sets its own.
  private func startRoom(_ limits: RoomLimits? = nil, clock: (@Sendable () -> Double)? = nil)
    async throws -> Room
  {
    var roomy = RoomLimits()
    roomy.devicesPerAddress = 200
    roomy.requestsPerAddressBurst = 2_000
    let room = try await Room.start(on: .loopback, limits: limits ?? roomy, clock: clock)
    addTeardownBlock { await room.stop(grace: .zero) }
    return room
  }

  func testThirtyPhonesRateAtOnceAndEachRatingCountsOnceWithoutWhoGaveIt() async throws {
    let room = try await startRoom()
    room.openRound(question)
    let wanted = (0..<30).map { $0 % 5 + 1 }

    let bodies = try await withThrowingTaskGroup(of: Data.self) { group in
      for value in wanted {
        group.addTask {
          var phone = Phone(pageURL: room.pageURL, code: room.code.text)
          try await phone.join()
          let open = try await phone.round().json
          let round = try XCTUnwrap(open["round"] as? Int)
          // A third change their mind: the second rating replaces the first.
          if value % 3 == 0 {
            let first = try await phone.rate(value == 5 ? 1 : 5, round: round)
            XCTAssertEqual(first.status, 200)
          }
          let rated = try await phone.rate(value, round: round)
          XCTAssertEqual(rated.status, 200, "\(rated.json)")
          return try await phone.round().body
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    let seen = try bodies.map {
      try XCTUnwrap(JSONSerialization.jsonObject(with: $0) as? [String: Any])
    }

    XCTAssertEqual(room.progress.joined, 30)
    XCTAssertEqual(room.progress.round, .init(questionID: "safe_haven", rated: 30))
    // Each phone is shown the question and its own rating, and nothing of anyone else's.
    let allowed: Set = [
      "state", "round", "text", "lowest", "highest", "lowestLabel", "highestLabel", "yours",
    ]
    for answer in seen {
      XCTAssertTrue(Set(answer.keys).isSubset(of: allowed), "\(answer.keys)")
      XCTAssertEqual(answer["text"] as? String, question.text)
    }
    XCTAssertEqual(seen.compactMap { $0["yours"] as? Int }.sorted(), wanted.sorted())

    // The host gets the values alone, lowest first: not who, not even in what order.
    let ratings = try XCTUnwrap(room.closeRound())
    XCTAssertEqual(ratings.count, 30)
    XCTAssertEqual(ratings.values, wanted.sorted())
  }

  func testTwoRatingsStayHiddenAndAClosedRoundTakesNoMore() async throws {
    let room = try await startRoom()
    var phones = [
      Phone(pageURL: room.pageURL, code: room.code.text),
      Phone(pageURL: room.pageURL, code: room.code.text),
    ]
    for index in phones.indices { try await phones[index].join() }
    room.openRound(question)
    for phone in phones { _ = try await phone.rate(4, round: 1) }
    XCTAssertEqual(room.progress.round?.rated, 2)
    let ratings = try XCTUnwrap(room.closeRound())
    XCTAssertEqual(ratings.count, 2)
    XCTAssertNil(ratings.values, "fewer than three: no values, not even to the host")

    let late = try await phones[0].rate(5, round: 1)
    XCTAssertEqual(late.status, 409)
    XCTAssertEqual(late.json["error"] as? String, "round-closed")
    let afterClose = try await phones[0].round()
    XCTAssertEqual(afterClose.json["state"] as? String, "waiting")
  }

  func testWithoutTheRightCodeNothingButThePageIsServed() async throws {
    let room = try await startRoom()
    for code in [nil, "AAAAAA", room.code.text.lowercased() + "X"] as [String?] {
      let phone = Phone(pageURL: room.pageURL, code: code)
      let joined = try await phone.send("POST", "/api/join")
      XCTAssertEqual(joined.status, 403, "code \(String(describing: code))")
      XCTAssertEqual(joined.json["error"] as? String, "wrong-code")
      XCTAssertNil(joined.json["token"])
      let round = try await phone.round()
      XCTAssertEqual(round.status, 403)
    }
    // A token alone is not enough either, nor a token the room never gave.
    var phone = Phone(pageURL: room.pageURL, code: room.code.text)
    try await phone.join()
    var tokenOnly = phone
    tokenOnly.code = nil
    let tokenOnlyRound = try await tokenOnly.round()
    XCTAssertEqual(tokenOnlyRound.status, 403)
    var stranger = phone
    stranger.token = DeviceToken.random().text
    let strangerRound = try await stranger.round()
    XCTAssertEqual(strangerRound.status, 401)
    XCTAssertEqual(room.progress.joined, 1)
    XCTAssertEqual(room.progress.refused, 8)
  }

  func testEveryAnswerCarriesTheStrictHeaders() async throws {
    let room = try await startRoom()
    let phone = Phone(pageURL: room.pageURL, code: nil)
    for path in ["/", "/room.css", "/room.js", "/favicon.ico", "/api/round", "/nowhere"] {
      let answer = try await phone.send("GET", path)
      XCTAssertEqual(
        answer.headers["content-security-policy"],
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'",
        path)
      XCTAssertEqual(answer.headers["x-content-type-options"], "nosniff", path)
      XCTAssertEqual(answer.headers["referrer-policy"], "no-referrer", path)
      XCTAssertEqual(answer.headers["cache-control"], "no-store", path)
      XCTAssertNil(answer.headers["set-cookie"], path)
    }
    let page = try await phone.send("GET", "/")
    XCTAssertEqual(page.status, 200)
    XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
    let icon = try await phone.send("GET", "/favicon.ico")
    XCTAssertEqual(icon.status, 204, "browsers ask for it: nothing, and no error in the console")
    let missing = try await phone.send("GET", "/nowhere")
    XCTAssertEqual(missing.status, 404)
    let wrongMethod = try await phone.send("DELETE", "/api/round")
    XCTAssertEqual(wrongMethod.status, 405)
  }

  func testLimitsOnBodiesPhonesAndRequests() async throws {
    var limits = RoomLimits()
    limits.devices = 3
    limits.devicesPerAddress = 3
    // A clock that stands still: used-up allowances do not come back during the test.
    let room = try await startRoom(limits, clock: { 0 })
    var phones: [Phone] = []
    for _ in 0..<3 {
      var phone = Phone(pageURL: room.pageURL, code: room.code.text)
      try await phone.join()
      phones.append(phone)
    }
    let fourth = try await Phone(pageURL: room.pageURL, code: room.code.text).send(
      "POST", "/api/join")
    XCTAssertEqual(fourth.status, 503)
    XCTAssertEqual(fourth.json["error"] as? String, "room-full")

    room.openRound(question)
    let padded = "{\"round\": 1, \"value\": 4" + String(repeating: " ", count: 3_000) + "}"
    let large = try await phones[0].send("PUT", "/api/rating", body: Data(padded.utf8))
    XCTAssertEqual(large.status, 413)
    XCTAssertEqual(room.progress.round?.rated, 0)
    let long = try await phones[0].park(String(repeating: "é", count: 281))
    XCTAssertEqual(long.status, 413)
    XCTAssertEqual(long.json["error"] as? String, "too-long")
    // A chunked body that grows past the limit is cut off too.
    let chunk = String(repeating: "x", count: 1_500)
    let chunked = try RawHTTP.statusLine(
      port: room.port,
      request:
        "PUT /api/rating HTTP/1.1\r\nHost: 127.0.0.1:\(room.port)\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "5dc\r\n\(chunk)\r\n5dc\r\n\(chunk)\r\n0\r\n\r\n")
    XCTAssertEqual(chunked, "HTTP/1.1 413 Payload Too Large")

    // Requests from one address: a burst of 30 (some used above), then none while the clock
    // stands still.
    var statuses: [Int] = []
    for _ in 0..<30 { statuses.append(try await phones[1].round().status) }
    let firstRefused = try XCTUnwrap(statuses.firstIndex(of: 429))
    XCTAssertGreaterThan(firstRefused, 20)
    XCTAssertEqual(Set(statuses[..<firstRefused]), [200])
    XCTAssertEqual(Set(statuses[firstRefused...]), [429])
    let limited = try await phones[1].round()
    XCTAssertEqual(limited.status, 429)
    XCTAssertEqual(limited.json["error"] as? String, "slow-down")
    XCTAssertEqual(limited.headers["retry-after"], "1")
  }

  func testOnlyTheRoomsOwnAddressIsAnswered() async throws {
    let room = try await startRoom()
    let elsewhere = try RawHTTP.statusLine(
      port: room.port, request: "GET / HTTP/1.1\r\nHost: attacker.example:\(room.port)\r\n\r\n")
    XCTAssertEqual(elsewhere, "HTTP/1.1 421 Misdirected Request")
    let own = try RawHTTP.statusLine(
      port: room.port, request: "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(room.port)\r\n\r\n")
    XCTAssertEqual(own, "HTTP/1.1 200 OK")
  }

  func testParkedItemsReachTheHostWithoutWhoSentThem() async throws {
    let room = try await startRoom()
    var phone = Phone(pageURL: room.pageURL, code: room.code.text)
    try await phone.join()
    let question = try await phone.park("What happens to the ideas we park?")
    XCTAssertEqual(question.status, 200)
    let markup = try await phone.park("<img src=x onerror=alert(1)>")
    XCTAssertEqual(markup.status, 200)
    let blank = try await phone.park("  ")
    XCTAssertEqual(blank.status, 422)
    XCTAssertEqual(room.progress.parkedWaiting, 2)
    XCTAssertEqual(
      room.takeParked(), ["What happens to the ideas we park?", "<img src=x onerror=alert(1)>"],
      "kept as text; the page and the terminal show it as text")
  }

  func testAfterStopTheRoomIsGoneAndTheHostIsTold() async throws {
    let room = try await startRoom()
    var phone = Phone(pageURL: room.pageURL, code: room.code.text)
    try await phone.join()
    var updates = room.updates().makeAsyncIterator()
    let first = await updates.next()
    XCTAssertEqual(first?.joined, 1)

    room.openRound(question)
    let rated = try await phone.rate(3, round: 1)
    XCTAssertEqual(rated.status, 200)
    let last = await room.stop(grace: .zero)
    XCTAssertEqual(last?.count, 1)
    do {
      let answer = try await phone.round()
      XCTFail("answered after stop: \(answer.status)")
    } catch {
      // Refused: nothing listens any more.
    }
    XCTAssertThrowsError(try RawHTTP.statusLine(port: room.port, request: "GET / HTTP/1.1\r\n\r\n"))
    // The stream saw the changes and ended with the room.
    var final: RoomProgress?
    while let next = await updates.next() { final = next }
    XCTAssertEqual(final?.isStopped, true)
  }

  func testDuringTheGraceAfterStopPhonesAreToldTheSessionEnded() async throws {
    let room = try await startRoom()
    var phone = Phone(pageURL: room.pageURL, code: room.code.text)
    try await phone.join()
    let stopping = Task { await room.stop(grace: .seconds(30)) }
    // The room refuses at once, and keeps saying so until the grace ends.
    var updates = room.updates().makeAsyncIterator()
    while let progress = await updates.next(), !progress.isStopped {}
    let answer = try await phone.round()
    XCTAssertEqual(answer.status, 410)
    XCTAssertEqual(answer.json["error"] as? String, "closed")
    stopping.cancel()
    _ = await stopping.value
  }

  func testAPortInUseIsSaidPlainly() async throws {
    let room = try await startRoom()
    do {
      let second = try await Room.start(on: .loopback, port: room.port)
      await second.stop(grace: .zero)
      XCTFail("two rooms on one port")
    } catch let error as RoomError {
      guard case .cannotListen(let reason) = error else { return XCTFail("\(error)") }
      XCTAssertTrue(reason.hasPrefix("127.0.0.1:\(room.port)"), reason)
    }
  }

  func testThePageIsSmallAndHasNothingFromElsewhereAndNothingInline() {
    let html = PhonePage.html
    let css = PhonePage.style
    let script = PhonePage.script
    let total = PhonePage.File.allCases.map(\.data.count).reduce(0, +)
    XCTAssertLessThan(total, 16_000, "page, style and script: \(total) bytes")
    for text in [html, css, script] {
      XCTAssertFalse(text.contains("http:") || text.contains("https:") || text.contains("//cdn"))
      XCTAssertFalse(
        text.contains("innerHTML") || text.contains("outerHTML")
          || text.contains("insertAdjacentHTML"))
      XCTAssertFalse(text.contains("document.write") || text.contains("eval("))
    }
    XCTAssertFalse(html.contains("style="), "no inline style")
    XCTAssertNil(html.range(of: #"\son[a-z]+="#, options: .regularExpression), "no inline handlers")
    XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 1)
    XCTAssertTrue(html.contains(#"<script src="/room.js" defer></script>"#))
  }
}
