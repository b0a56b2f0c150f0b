import CoachRoomModel
/// What a phone asks of the room, once the HTTP layer has read it. Every request carries where it
/// came from (for the rate limits) and, but for the page itself, the join code.
///
///     ParticipantRequest(
///       action: .rate(round: 2, value: 4), code: "K7QM3X", token: t, address: "192.168.1.20")
struct ParticipantRequest: Hashable, Sendable {
  var action: Action
  /// The join code as sent (`X-Room-Code`); the page's own files need none.
  var code: String? = nil
  /// The device token as sent (`X-Device-Token`); joining needs none.
  var token: String? = nil
  /// The network address the request came from (never a header the sender wrote).
  var address: String

  enum Action: Hashable, Sendable {
    /// The page, its style sheet or its script: the same for every room, holding no data.
    case page
    case join
    /// Which question is open, if any, and this phone's rating of it.
    case round
    /// Rates the open round, or changes this phone's rating of it.
    case rate(round: Int, value: Int)
    /// Drops a question or topic into the parking lot.
    case park(text: String)
  }
}

/// The room's answer to a phone.
enum ParticipantReply: Hashable, Sendable {
  case page
  case joined(DeviceToken)
  case waiting
  case question(round: Int, RoomQuestion, yours: Int?)
  case accepted
  /// Refused; `retryAfter` seconds when waiting will help.
  case refused(Refusal, retryAfter: Int? = nil)
}

/// Why a request was refused; each has its own HTTP status and its own words on the page.
enum Refusal: String, Hashable, Sendable {
  /// The room was stopped: the session is over.
  case closed
  /// Too many requests (from this address or in all), or too many wrong codes: wait.
  case slowDown = "slow-down"
  case wrongCode = "wrong-code"
  /// A token the room never gave (or gave before it restarted): join again.
  case unknownDevice = "unknown-device"
  case roomFull = "room-full"
  /// The round rated is not the one open (it closed, or another opened).
  case roundClosed = "round-closed"
  case notOnScale = "not-on-scale"
  case emptyText = "empty-text"
  case tooLong = "too-long"
  case parkingFull = "parking-full"
}
