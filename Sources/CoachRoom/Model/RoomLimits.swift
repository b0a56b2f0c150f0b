/// How much a room accepts, so that one phone, a script on the same network or a crowd cannot
/// flood it or the host. The defaults suit a meeting room of up to 200 people.
///
///     var limits = RoomLimits()
///     limits.devices = 30   // a small team
public struct RoomLimits: Hashable, Sendable {
  /// Phones that may join; the next is told the room is full.
  public var devices = 200
  /// Phones that may join from one network address (a phone and a laptop, a second browser).
  public var devicesPerAddress = 4
  /// Largest request body, in bytes (a parked question of 280 characters fits with room to spare).
  public var bodyBytes = 2_048
  /// Longest parked question or topic, in characters.
  public var parkedLength = 280
  /// Parked items one phone may add, and the room may hold.
  public var parkedPerDevice = 10
  public var parkedInAll = 200
  /// Requests from one address: a burst of this many, then this many a second. A waiting phone
  /// asks about once every two seconds.
  public var requestsPerAddressBurst = 30.0
  public var requestsPerAddressPerSecond = 5.0
  /// Requests to the whole room: enough for 200 phones waiting at once.
  public var requestsBurst = 600.0
  public var requestsPerSecond = 300.0
  /// Wrong join codes: per address, and for the whole room. Once used up, even the right code is
  /// refused from there until time has passed, so guessing cannot go faster than this.
  public var wrongCodesPerAddressBurst = 10.0
  public var wrongCodesPerAddressPerSecond = 0.2
  public var wrongCodesBurst = 30.0
  public var wrongCodesPerSecond = 1.0
  /// Distinct addresses the rate limiter keeps track of; beyond this, idle ones are forgotten.
  public var trackedAddresses = 4_096

  public init() {}

  /// The limits for a room on the loopback address: every phone there is this computer (a
  /// trial, a test), so what one address may do is what the room may do.
  public var forLoopback: RoomLimits {
    var limits = self
    limits.devicesPerAddress = devices
    limits.requestsPerAddressBurst = requestsBurst
    limits.requestsPerAddressPerSecond = requestsPerSecond
    return limits
  }
}
