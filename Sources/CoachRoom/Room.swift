import FlyingFox
import FlyingSocks
import Foundation
import CoachRoomModel

/// A facilitator's room: a page served on the local network while a session runs, where each
/// participant rates the open team question from their own phone, anonymously, and may park a
/// question or topic. The host (the session's front end) drives it and is told only counts and,
/// once a round closes with three ratings or more, the values without who gave them.
///
///     let room = try await Room.start(on: .localNetwork)
///     print(JoinCard(room: room).lines(width: 80).joined(separator: "\n"))  // the shared screen
///     room.openRound(RoomQuestion(id: "safe", text: "…", scale: scale))
///     // … readline's event hook: if room.progress.version changed, redraw "4 of 6 rated"
///     let ratings = room.closeRound()        // RoomRatings: count, and values from three on
///     let parked = room.takeParked()         // anonymous questions and topics
///     await room.stop()                      // refuses everything, stops listening
///
/// Host calls are synchronous and safe from any thread, so a host that sits in readline can make
/// them directly; ``progress`` is a cheap read for a hook that runs ten times a second, and
/// ``updates()`` is the same as a stream for a host that awaits.
public final class Room: Sendable {
  /// What participants type, or find in the link of the QR code.
  public let code: JoinCode
  /// The address the room listens on, e.g. "192.168.1.23".
  public let address: String
  public let port: UInt16
  private let core: RoomCore
  private let server: HTTPServer
  private let serving: Task<Void, Never>

  /// The page's address without the code: what a participant types before typing the code.
  public var pageURL: String { "http://\(address):\(port)/" }
  /// The link for the QR code: the code after `#`, so it is never part of a request line (not in
  /// any log, nor sent on as a referrer); the page reads it from there.
  public var joinURL: String { pageURL + "#" + code.text }

  private init(
    code: JoinCode, address: String, port: UInt16, core: RoomCore, server: HTTPServer,
    serving: Task<Void, Never>
  ) {
    self.code = code
    self.address = address
    self.port = port
    self.core = core
    self.server = server
    self.serving = serving
  }

  /// Starts listening on `listen` (its port chosen by the system unless `port` is given) and
  /// returns when phones can connect.
  ///
  /// - Parameters:
  ///   - clock: seconds on a monotonic clock, for the rate limits; tests pass a fixed one.
  /// - Throws: ``RoomError/noLocalNetwork`` when the machine has no network address for phones,
  ///   ``RoomError/cannotListen(_:)`` when the address or port cannot be used.
  public static func start(
    on listen: RoomListenAddress, port: UInt16 = 0, code: JoinCode = .random(),
    limits: RoomLimits = RoomLimits(), clock: (@Sendable () -> Double)? = nil
  ) async throws -> Room {
    guard let address = listen.resolve() else { throw RoomError.noLocalNetwork }
    let clock = clock ?? Self.monotonicSeconds()
    let core = RoomCore(state: RoomState(code: code, limits: limits, now: clock()))
    let socketAddress: sockaddr_in
    do {
      socketAddress = try .inet(ip4: address, port: port)
    } catch {
      throw RoomError.cannotListen("\(address) is not an IPv4 address")
    }
    let server = HTTPServer(
      config: .init(
        address: socketAddress, timeout: 10,
        // Bodies up to the limit are read at once; a larger one is refused without reading it.
        sharedRequestBufferSize: limits.bodyBytes, sharedRequestReplaySize: limits.bodyBytes,
        logger: .disabled),
      handler: RoomHTTPHandler(core: core, limits: limits, clock: clock))

    // Whichever comes first: listening, or the server failing to start (the port in use).
    let (started, starting) = AsyncStream.makeStream(of: String?.self)
    let serving = Task {
      do {
        try await server.run()
      } catch {
        starting.yield("\(address):\(port): \(error.localizedDescription)")
      }
      starting.finish()
    }
    let waiting = Task {
      do {
        try await server.waitUntilListening(timeout: 10)
        starting.yield(nil)
      } catch {
        starting.yield("\(address):\(port) did not start listening")
      }
    }
    var failure: String? = "\(address):\(port) did not start"
    for await outcome in started {
      failure = outcome
      break
    }
    waiting.cancel()
    guard failure == nil, let listening = await server.listeningAddress,
      case .ip4(_, let boundPort) = listening
    else {
      await server.stop()
      serving.cancel()
      throw RoomError.cannotListen(failure ?? "\(address):\(port) did not start")
    }

    core.host = "\(address):\(boundPort)"
    return Room(
      code: code, address: address, port: boundPort, core: core, server: server, serving: serving)
  }

  /// Long enough for every phone that is polling (every two seconds) to hear that it ended.
  public static let stopGrace = Duration.milliseconds(2_500)

  // MARK: The host's side

  /// Opens a round: phones show `question` and take one rating each, changeable until it
  /// closes. A round still open is closed first, and its ratings are returned so none is lost.
  @discardableResult
  public func openRound(_ question: RoomQuestion) -> RoomRatings? {
    core.update { $0.openRound(question) }
  }

  /// Closes the open round: phones go back to waiting, and who rated what is forgotten. Nil
  /// when no round was open.
  @discardableResult
  public func closeRound() -> RoomRatings? {
    core.update { $0.closeRound() }
  }

  /// Counts a rating typed at the host's keyboard (someone without a phone) in the open round,
  /// anonymously like a phone's. False when no round is open or `value` is off its scale.
  @discardableResult
  public func addRating(_ value: Int) -> Bool {
    core.update { $0.addRating(value, as: .random()) }
  }

  /// The questions and topics parked since the last call, oldest first, without who sent them.
  public func takeParked() -> [String] {
    core.update { $0.takeParked() }
  }

  /// Counts only: phones joined, how many rated the open round, parked items waiting.
  public var progress: RoomProgress { core.progress }

  /// The progress now, then each change, until the room stops.
  public func updates() -> AsyncStream<RoomProgress> { core.watch() }

  /// Refuses every request from now on, forgets the phones, and stops listening after `grace`
  /// (ended early if the calling task is cancelled). During the grace, phones asking for the
  /// next round are told the session has ended, rather than finding nothing there. Returns the
  /// ratings of a round still open. Parked items not yet taken can still be taken.
  @discardableResult
  public func stop(grace: Duration = Room.stopGrace) async -> RoomRatings? {
    let last = core.update { $0.stop() }
    if grace > .zero { try? await Task.sleep(for: grace) }
    await server.stop(timeout: 1)
    serving.cancel()
    return last
  }

  private static func monotonicSeconds() -> @Sendable () -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    return { (clock.now - start) / .seconds(1) }
  }
}

/// Why a room could not start. The host then offers typed ratings instead.
public enum RoomError: Error, Equatable, CustomStringConvertible {
  /// No network interface with an address phones could reach.
  case noLocalNetwork
  case cannotListen(String)

  public var description: String {
    switch self {
    case .noLocalNetwork: "this computer has no local network address for phones to reach"
    case .cannotListen(let reason): "the room cannot listen on \(reason)"
    }
  }
}
