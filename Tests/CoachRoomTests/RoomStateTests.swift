import CoachKit
import XCTest

@testable import CoachRoom
@testable import CoachRoomModel

/// The room's rules, without a network: what a phone may do, what the host is told.
final class RoomStateTests: XCTestCase {
  private let code = JoinCode(typed: "K7QM3X")!
  private let question = RoomQuestion(
    id: "safe_haven", text: "Mistakes are not held against people.",
    scale: .init(min: 1, max: 5, minLabel: "Strongly disagree", maxLabel: "Strongly agree"))

  private func room(_ limits: RoomLimits = RoomLimits()) -> RoomState {
    RoomState(code: code, limits: limits, now: 0)
  }

  /// Joins a phone from `address` and returns its token.
  private func join(_ state: inout RoomState, from address: String = "10.0.0.2") -> String {
    let reply = state.handle(
      .init(action: .join, code: "K7QM3X", address: address), newToken: .random(), at: 0)
    guard case .joined(let token) = reply else {
      XCTFail("not joined: \(reply)")
      return ""
    }
    return token.text
  }

  private func send(
    _ state: inout RoomState, _ action: ParticipantRequest.Action, token: String,
    code: String? = "K7QM3X", from address: String = "10.0.0.2", at now: Double = 0
  ) -> ParticipantReply {
    state.handle(
      .init(action: action, code: code, token: token, address: address), newToken: .random(),
      at: now)
  }

  func testEveryRequestButThePageNeedsTheCode() {
    var state = room()
    for sent in [nil, "", "K7QM3Y", "K7QM3XX", "<script>"] as [String?] {
      XCTAssertEqual(
        state.handle(
          .init(action: .join, code: sent, address: "10.0.0.2"), newToken: .random(), at: 0),
        .refused(.wrongCode), "code \(String(describing: sent))")
    }
    XCTAssertEqual(
      state.handle(.init(action: .page, address: "10.0.0.3"), newToken: .random(), at: 0), .page)
    let token = join(&state)
    XCTAssertEqual(send(&state, .round, token: token, code: nil), .refused(.wrongCode))
    XCTAssertEqual(send(&state, .round, token: token), .waiting)
    // The code as a person types it: any case, spaces and dashes.
    XCTAssertEqual(send(&state, .round, token: token, code: " k7q-m3x "), .waiting)
  }

  func testATokenTheRoomNeverGaveIsRefused() {
    var state = room()
    _ = join(&state)
    XCTAssertEqual(
      send(&state, .round, token: DeviceToken.random().text), .refused(.unknownDevice))
    XCTAssertEqual(send(&state, .round, token: "not a token"), .refused(.unknownDevice))
  }

  func testOneRatingPerPhoneChangeableUntilTheRoundCloses() {
    var state = room()
    let phones = (0..<4).map { _ in join(&state) }
    state.openRound(question)
    guard case .question(let round, let shown, nil) = send(&state, .round, token: phones[0]) else {
      return XCTFail("no question shown")
    }
    XCTAssertEqual(shown, question)

    for (phone, value) in zip(phones, [5, 4, 2, 3]) {
      XCTAssertEqual(send(&state, .rate(round: round, value: value), token: phone), .accepted)
    }
    // A changed rating replaces the first and is counted once.
    XCTAssertEqual(send(&state, .rate(round: round, value: 1), token: phones[0]), .accepted)
    XCTAssertEqual(state.progress.round?.rated, 4)
    // A phone sees its own rating, and nobody else's.
    XCTAssertEqual(
      send(&state, .round, token: phones[0]), .question(round: round, question, yours: 1))
    XCTAssertEqual(
      send(&state, .round, token: phones[2]), .question(round: round, question, yours: 2))

    let ratings = state.closeRound()
    XCTAssertEqual(ratings?.count, 4)
    XCTAssertEqual(ratings?.values, [1, 2, 3, 4], "the values alone, lowest first")
    XCTAssertEqual(send(&state, .round, token: phones[0]), .waiting)
    XCTAssertEqual(
      send(&state, .rate(round: round, value: 3), token: phones[1]), .refused(.roundClosed))
  }

  func testARatingForAnEarlierRoundDoesNotCountForTheNext() {
    var state = room()
    let phone = join(&state)
    state.openRound(question)
    state.closeRound()
    state.openRound(RoomQuestion(id: "next", text: "Next?", scale: .init(min: 0, max: 10)))
    XCTAssertEqual(send(&state, .rate(round: 1, value: 4), token: phone), .refused(.roundClosed))
    XCTAssertEqual(send(&state, .rate(round: 2, value: 11), token: phone), .refused(.notOnScale))
    XCTAssertEqual(send(&state, .rate(round: 2, value: 0), token: phone), .accepted)
    XCTAssertEqual(state.progress.round, .init(questionID: "next", rated: 1))
  }

  func testBelowThreeRatingsTheHostGetsTheCountOnly() {
    var state = room()
    let phones = (0..<2).map { _ in join(&state) }
    state.openRound(question)
    for phone in phones { _ = send(&state, .rate(round: 1, value: 5), token: phone) }
    let ratings = state.closeRound()
    XCTAssertEqual(ratings?.count, 2)
    XCTAssertNil(ratings?.values)
  }

  func testOpeningARoundClosesTheOneOpenWithoutLosingIt() {
    var state = room()
    let phones = (0..<3).map { _ in join(&state) }
    state.openRound(question)
    for phone in phones { _ = send(&state, .rate(round: 1, value: 3), token: phone) }
    let previous = state.openRound(
      RoomQuestion(id: "next", text: "Next?", scale: .init(min: 1, max: 5)))
    XCTAssertEqual(previous?.values, [3, 3, 3])
    XCTAssertEqual(state.progress.round?.rated, 0)
  }

  func testParkedItemsAreOneCleanLineWithinLimits() {
    var limits = RoomLimits()
    limits.parkedPerDevice = 2
    var state = room(limits)
    let phone = join(&state)
    XCTAssertEqual(
      send(&state, .park(text: "How do we\nsay no?\u{1B}[2J"), token: phone), .accepted)
    XCTAssertEqual(send(&state, .park(text: "   "), token: phone), .refused(.emptyText))
    XCTAssertEqual(
      send(&state, .park(text: String(repeating: "x", count: 281)), token: phone),
      .refused(.tooLong))
    XCTAssertEqual(send(&state, .park(text: "Budget"), token: phone), .accepted)
    XCTAssertEqual(send(&state, .park(text: "One more"), token: phone), .refused(.parkingFull))
    XCTAssertEqual(state.progress.parkedWaiting, 2)
    XCTAssertEqual(state.takeParked(), ["How do we say no?", "Budget"])
    XCTAssertEqual(state.takeParked(), [])
    XCTAssertEqual(state.progress.parkedWaiting, 0)
  }

  func testTheRoomHoldsAtMostItsNumberOfPhones() {
    var limits = RoomLimits()
    limits.devices = 3
    limits.devicesPerAddress = 2
    var state = room(limits)
    _ = join(&state, from: "10.0.0.2")
    _ = join(&state, from: "10.0.0.2")
    XCTAssertEqual(
      state.handle(
        .init(action: .join, code: "K7QM3X", address: "10.0.0.2"), newToken: .random(), at: 0),
      .refused(.roomFull), "a third phone from one address")
    _ = join(&state, from: "10.0.0.3")
    XCTAssertEqual(
      state.handle(
        .init(action: .join, code: "K7QM3X", address: "10.0.0.4"), newToken: .random(), at: 0),
      .refused(.roomFull))
    XCTAssertEqual(state.progress.joined, 3)
  }

  func testRequestsAreLimitedPerAddressAndInAll() {
    var limits = RoomLimits()
    limits.requestsPerAddressBurst = 3
    limits.requestsPerAddressPerSecond = 1
    limits.requestsBurst = 5
    limits.requestsPerSecond = 1
    var state = room(limits)
    func page(_ address: String, at now: Double) -> ParticipantReply {
      state.handle(.init(action: .page, address: address), newToken: .random(), at: now)
    }
    for _ in 0..<3 { XCTAssertEqual(page("10.0.0.2", at: 0), .page) }
    XCTAssertEqual(page("10.0.0.2", at: 0), .refused(.slowDown, retryAfter: 1))
    // Another address is not held up by the first, until the room's own limit.
    XCTAssertEqual(page("10.0.0.3", at: 0), .page)
    XCTAssertEqual(page("10.0.0.4", at: 0), .page)
    XCTAssertEqual(page("10.0.0.5", at: 0), .refused(.slowDown, retryAfter: 1))
    // A second later, one more each.
    XCTAssertEqual(page("10.0.0.2", at: 1), .page)
    XCTAssertEqual(page("10.0.0.2", at: 1), .refused(.slowDown, retryAfter: 1))
  }

  func testGuessingTheCodeIsSlowedEvenWhenTheGuessIsRight() {
    var limits = RoomLimits()
    limits.wrongCodesPerAddressBurst = 3
    limits.wrongCodesPerAddressPerSecond = 0.1
    var state = room(limits)
    func join(_ code: String, at now: Double) -> ParticipantReply {
      state.handle(
        .init(action: .join, code: code, address: "10.0.0.9"), newToken: .random(), at: now)
    }
    for guess in ["AAAAAA", "BBBBBB", "CCCCCC"] {
      XCTAssertEqual(join(guess, at: 0), .refused(.wrongCode))
    }
    XCTAssertEqual(join("K7QM3X", at: 0), .refused(.slowDown, retryAfter: 10))
    guard case .joined = join("K7QM3X", at: 10) else { return XCTFail("not joined after waiting") }
    // The room's own allowance for wrong codes holds for every address together.
    limits = RoomLimits()
    limits.wrongCodesBurst = 2
    state = room(limits)
    XCTAssertEqual(
      state.handle(
        .init(action: .join, code: "AAAAAA", address: "10.0.0.1"), newToken: .random(), at: 0),
      .refused(.wrongCode))
    XCTAssertEqual(
      state.handle(
        .init(action: .join, code: "AAAAAA", address: "10.0.0.2"), newToken: .random(), at: 0),
      .refused(.wrongCode))
    XCTAssertEqual(
      state.handle(
        .init(action: .join, code: "K7QM3X", address: "10.0.0.3"), newToken: .random(), at: 0),
      .refused(.slowDown, retryAfter: 1))
  }

  func testAfterStoppingEverythingIsRefused() {
    var state = room()
    let phone = join(&state)
    state.openRound(question)
    _ = send(&state, .rate(round: 1, value: 4), token: phone)
    _ = send(&state, .park(text: "Later"), token: phone)
    let last = state.stop()
    XCTAssertEqual(last?.count, 1)
    XCTAssertTrue(state.progress.isStopped)
    XCTAssertEqual(
      state.handle(.init(action: .page, address: "10.0.0.2"), newToken: .random(), at: 0),
      .refused(.closed))
    XCTAssertEqual(send(&state, .round, token: phone), .refused(.closed))
    XCTAssertEqual(state.takeParked(), ["Later"], "parked items can still be taken")
  }

  func testProgressCountsRefusalsAndChangesVersionOnlyWhenSomethingChanged() {
    var state = room()
    let phone = join(&state)
    let before = state.progress.version
    _ = send(&state, .round, token: phone)
    XCTAssertEqual(state.progress.version, before, "asking changes nothing")
    _ = send(&state, .round, token: phone, code: "AAAAAA")
    XCTAssertEqual(state.progress.refused, 1)
    XCTAssertEqual(state.progress.version, before + 1)
  }
}

final class JoinCodeTests: XCTestCase {
  func testCodesAreSixCharactersThatCannotBeMistaken() {
    var seen = Set<String>()
    for _ in 0..<200 {
      let code = JoinCode.random()
      XCTAssertEqual(code.text.count, 6)
      XCTAssertTrue(code.text.allSatisfy { JoinCode.alphabet.contains($0) })
      seen.insert(code.text)
    }
    XCTAssertGreaterThan(seen.count, 195, "random codes differ")
    XCTAssertEqual(JoinCode.alphabet.count, 31)
    for ambiguous in "01ILO" { XCTAssertFalse(JoinCode.alphabet.contains(ambiguous)) }
  }

  func testATypedCodeIsReadForgivingly() {
    XCTAssertEqual(JoinCode(typed: "k7qm3x"), JoinCode(typed: "K7QM3X"))
    XCTAssertEqual(JoinCode(typed: "K7Q-M3X"), JoinCode(typed: "K7QM3X"))
    XCTAssertNil(JoinCode(typed: "K7QM30"), "0 is not in the alphabet")
    XCTAssertNil(JoinCode(typed: "K7QM3"))
    XCTAssertNil(JoinCode(typed: "ＫＫＫＫＫＫ"), "full-width letters are not the code")
  }

  func testDeviceTokensAre128RandomBits() {
    let tokens = (0..<100).map { _ in DeviceToken.random().text }
    XCTAssertEqual(Set(tokens).count, 100)
    for token in tokens {
      XCTAssertEqual(token.count, 32)
      XCTAssertNotNil(DeviceToken(sent: token))
    }
    XCTAssertNil(DeviceToken(sent: tokens[0].uppercased()))
    XCTAssertNil(DeviceToken(sent: String(tokens[0].dropLast())))
  }
}

final class RoomListenAddressTests: XCTestCase {
  private func interface(_ name: String, _ address: String, up: Bool = true, loopback: Bool = false)
    -> NetworkInterface
  {
    NetworkInterface(name: name, address: address, isUp: up, isLoopback: loopback)
  }

  func testThePrivateAddressOfARealInterfaceIsChosen() {
    XCTAssertEqual(
      RoomListenAddress.choose(from: [
        interface("lo", "127.0.0.1", loopback: true),
        interface("docker0", "172.17.0.1"),
        interface("wlan0", "192.168.1.23"),
      ]), "192.168.1.23")
    XCTAssertEqual(
      RoomListenAddress.choose(from: [
        interface("eth0", "169.254.3.4"), interface("wlp2s0", "10.1.2.3"),
      ]), "10.1.2.3")
    XCTAssertEqual(
      RoomListenAddress.choose(from: [interface("eth0", "192.168.1.5", up: false)]), nil)
    XCTAssertEqual(
      RoomListenAddress.choose(from: [interface("lo", "127.0.0.1", loopback: true)]), nil)
    XCTAssertEqual(RoomListenAddress.choose(from: [interface("tun0", "10.8.0.2")]), nil)
    XCTAssertEqual(RoomListenAddress.loopback.resolve(), "127.0.0.1")
  }
}
