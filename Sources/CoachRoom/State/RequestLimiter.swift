/// A bucket that holds up to `capacity` tokens and refills at `perSecond`: a request takes one,
/// and is refused when none is left. Time is seconds on a monotonic clock, passed in.
struct TokenBucket: Hashable, Sendable {
  let capacity: Double
  let perSecond: Double
  private(set) var tokens: Double
  private(set) var updated: Double

  init(capacity: Double, perSecond: Double, now: Double) {
    self.capacity = capacity
    self.perSecond = perSecond
    tokens = capacity
    updated = now
  }

  /// Takes a token if there is one.
  mutating func take(at now: Double) -> Bool {
    refill(at: now)
    guard tokens >= 1 else { return false }
    tokens -= 1
    return true
  }

  /// Whether a token is there, without taking it.
  mutating func hasToken(at now: Double) -> Bool {
    refill(at: now)
    return tokens >= 1
  }

  /// Whole seconds until a token is back (at least 1), for `Retry-After`.
  func secondsUntilToken(at now: Double) -> Int {
    guard perSecond > 0 else { return 60 }
    let missing = max(0, 1 - (tokens + max(0, now - updated) * perSecond))
    return max(1, Int((missing / perSecond).rounded(.up)))
  }

  func isFull(at now: Double) -> Bool {
    tokens + max(0, now - updated) * perSecond >= capacity
  }

  private mutating func refill(at now: Double) {
    if now > updated {
      tokens = min(capacity, tokens + (now - updated) * perSecond)
      updated = now
    }
  }
}

/// The room's rate limits: requests per network address and in all, and wrong join codes per
/// address and in all. Addresses are kept only as keys of these buckets, in memory.
struct RequestLimiter: Sendable {
  private let limits: RoomLimits
  private var requests: TokenBucket
  private var requestsFrom: [String: TokenBucket] = [:]
  private var wrongCodes: TokenBucket
  private var wrongCodesFrom: [String: TokenBucket] = [:]

  init(limits: RoomLimits, now: Double) {
    self.limits = limits
    requests = TokenBucket(
      capacity: limits.requestsBurst, perSecond: limits.requestsPerSecond, now: now)
    wrongCodes = TokenBucket(
      capacity: limits.wrongCodesBurst, perSecond: limits.wrongCodesPerSecond, now: now)
  }

  /// Admits one request from `address`, or says how many seconds to wait.
  mutating func admit(from address: String, at now: Double) -> Int? {
    var own =
      requestsFrom[address]
      ?? TokenBucket(
        capacity: limits.requestsPerAddressBurst,
        perSecond: limits.requestsPerAddressPerSecond, now: now)
    defer { remember(own, for: address, in: &requestsFrom, at: now) }
    guard own.take(at: now) else { return own.secondsUntilToken(at: now) }
    guard requests.take(at: now) else { return requests.secondsUntilToken(at: now) }
    return nil
  }

  /// Whether a code from `address` may be checked now; nil when it may, else seconds to wait.
  mutating func mayTryCode(from address: String, at now: Double) -> Int? {
    if var own = wrongCodesFrom[address] {
      defer { wrongCodesFrom[address] = own }
      guard own.hasToken(at: now) else { return own.secondsUntilToken(at: now) }
    }
    guard wrongCodes.hasToken(at: now) else { return wrongCodes.secondsUntilToken(at: now) }
    return nil
  }

  /// Counts a wrong code from `address` against both its own and the room's allowance.
  mutating func wrongCode(from address: String, at now: Double) {
    var own =
      wrongCodesFrom[address]
      ?? TokenBucket(
        capacity: limits.wrongCodesPerAddressBurst,
        perSecond: limits.wrongCodesPerAddressPerSecond, now: now)
    _ = own.take(at: now)
    _ = wrongCodes.take(at: now)
    remember(own, for: address, in: &wrongCodesFrom, at: now)
  }

  /// Stores a bucket; when too many addresses are kept, forgets those whose bucket is full again
  /// (forgetting them changes nothing), so memory stays bounded.
  private func remember(
    _ bucket: TokenBucket, for address: String, in table: inout [String: TokenBucket],
    at now: Double
  ) {
    table[address] = bucket
    if table.count > limits.trackedAddresses {
      table = table.filter { !$0.value.isFull(at: now) }
    }
  }
}
