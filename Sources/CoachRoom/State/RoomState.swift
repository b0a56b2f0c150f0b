import CoachKit
import CoachRoomModel

/// Everything a room holds, as a value: the phones that joined, the round open now with its
/// ratings, the parking lot and the rate limits. Each phone request is handled by
/// ``handle(_:newToken:at:)``, each host action by its own method; none of them does I/O, so all
/// of it is tested without a network. ``Room`` keeps one behind a lock.
///
/// Who rated what is known only while a round is open (so a phone can change its rating) and is
/// dropped when it closes; the host is only ever given counts and anonymous, sorted values.
struct RoomState: Sendable {
  let code: JoinCode
  let limits: RoomLimits
  private var limiter: RequestLimiter
  private var devices: Set<DeviceToken> = []
  private var devicesFrom: [String: Int] = [:]
  private var round: OpenRound?
  private var roundsOpened = 0
  private var parked: [String] = []
  private var parkedBy: [DeviceToken: Int] = [:]
  private var parkedInAll = 0
  private(set) var progress = RoomProgress()

  private struct OpenRound: Sendable {
    var serial: Int
    var question: RoomQuestion
    var ratings: [DeviceToken: Int] = [:]
  }

  init(code: JoinCode, limits: RoomLimits, now: Double) {
    self.code = code
    self.limits = limits
    limiter = RequestLimiter(limits: limits, now: now)
  }

  // MARK: Phones

  /// Answers one phone's request. `newToken` is the token a join hands out (random, made by the
  /// caller so this stays free of effects); `now` is seconds on a monotonic clock.
  mutating func handle(
    _ request: ParticipantRequest, newToken: DeviceToken, at now: Double
  ) -> ParticipantReply {
    let reply = reply(to: request, newToken: newToken, at: now)
    if case .refused = reply { changeProgress { $0.refused += 1 } }
    return reply
  }

  private mutating func reply(
    to request: ParticipantRequest, newToken: DeviceToken, at now: Double
  ) -> ParticipantReply {
    guard !progress.isStopped else { return .refused(.closed) }
    if let wait = limiter.admit(from: request.address, at: now) {
      return .refused(.slowDown, retryAfter: wait)
    }
    // The page's own files need no code; everything else does.
    if request.action == .page { return .page }
    if let wait = limiter.mayTryCode(from: request.address, at: now) {
      return .refused(.slowDown, retryAfter: wait)
    }
    guard let sent = request.code.flatMap(JoinCode.init(typed:)), sent.matches(code) else {
      limiter.wrongCode(from: request.address, at: now)
      return .refused(.wrongCode)
    }

    let device = request.token.flatMap(DeviceToken.init(sent:)).flatMap {
      devices.contains($0) ? $0 : nil
    }
    switch (request.action, device) {
    case (.page, _):
      return .page
    case (.join, _):
      return join(from: request.address, as: newToken)
    case (.round, let token?):
      guard let round else { return .waiting }
      return .question(round: round.serial, round.question, yours: round.ratings[token])
    case (.rate(let serial, let value), let token?):
      return rate(serial, value, by: token)
    case (.park(let text), let token?):
      return park(text, by: token)
    case (.round, nil), (.rate, nil), (.park, nil):
      return .refused(.unknownDevice)
    }
  }

  private mutating func join(from address: String, as token: DeviceToken) -> ParticipantReply {
    guard devices.count < limits.devices,
      devicesFrom[address, default: 0] < limits.devicesPerAddress
    else { return .refused(.roomFull) }
    devices.insert(token)
    devicesFrom[address, default: 0] += 1
    let joined = devices.count
    changeProgress { $0.joined = joined }
    return .joined(token)
  }

  private mutating func rate(_ serial: Int, _ value: Int, by token: DeviceToken) -> ParticipantReply
  {
    guard var open = round, open.serial == serial else { return .refused(.roundClosed) }
    guard open.question.accepts(value) else { return .refused(.notOnScale) }
    let isNew = open.ratings.updateValue(value, forKey: token) == nil
    round = open
    if isNew { changeProgress { $0.round?.rated = open.ratings.count } }
    return .accepted
  }

  private mutating func park(_ text: String, by token: DeviceToken) -> ParticipantReply {
    guard text.count <= limits.parkedLength else { return .refused(.tooLong) }
    // One line, shown through the one sanitiser like anything else a person typed.
    let line = Sanitizer.clean(text.replacingOccurrences(of: "\n", with: " "))
      .trimmingCharacters(in: .whitespaces)
    guard !line.isEmpty else { return .refused(.emptyText) }
    guard parkedBy[token, default: 0] < limits.parkedPerDevice, parkedInAll < limits.parkedInAll
    else { return .refused(.parkingFull) }
    parked.append(line)
    parkedBy[token, default: 0] += 1
    parkedInAll += 1
    let waiting = parked.count
    changeProgress { $0.parkedWaiting = waiting }
    return .accepted
  }

  // MARK: The host

  /// Opens a round for `question`. A round still open is closed first and its ratings returned,
  /// so none is lost.
  @discardableResult
  mutating func openRound(_ question: RoomQuestion) -> RoomRatings? {
    let previous = closeRound()
    roundsOpened += 1
    round = OpenRound(serial: roundsOpened, question: question)
    changeProgress { $0.round = .init(questionID: question.id, rated: 0) }
    return previous
  }

  /// Closes the open round: phones go back to waiting, and who rated what is forgotten.
  @discardableResult
  mutating func closeRound() -> RoomRatings? {
    guard let open = round else { return nil }
    round = nil
    changeProgress { $0.round = nil }
    return RoomRatings(questionID: open.question.id, collected: Array(open.ratings.values))
  }

  /// A rating given at the host's keyboard, by someone without a phone: counted in the open
  /// round like a phone's, under a token of its own that no phone holds. False when no round is
  /// open or `value` is not on its scale.
  mutating func addRating(_ value: Int, as token: DeviceToken) -> Bool {
    guard var open = round, open.question.accepts(value), open.ratings[token] == nil else {
      return false
    }
    open.ratings[token] = value
    round = open
    changeProgress { $0.round?.rated = open.ratings.count }
    return true
  }

  /// The parked items added since the last call, in the order they came.
  mutating func takeParked() -> [String] {
    defer {
      parked = []
      changeProgress { $0.parkedWaiting = 0 }
    }
    return parked
  }

  /// Refuses everything from now on and forgets the phones. Returns the ratings of a round still
  /// open.
  mutating func stop() -> RoomRatings? {
    let last = closeRound()
    devices = []
    devicesFrom = [:]
    parkedBy = [:]
    changeProgress { $0.isStopped = true }
    return last
  }

  private mutating func changeProgress(_ change: (inout RoomProgress) -> Void) {
    var next = progress
    change(&next)
    guard next != progress else { return }
    next.version += 1
    progress = next
  }
}
