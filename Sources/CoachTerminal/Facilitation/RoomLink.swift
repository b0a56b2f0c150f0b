import CoachKit
import CoachRoomModel
import Foundation

/// The facilitator's room as a terminal session uses it: a process of its own (`coach-room`,
/// installed next to `coach`), started before the session and stopped when it ends, spoken with
/// over pipes, one JSON object a line. So `coach` itself never links the HTTP server (nor the
/// networking part of Foundation, which would load libcurl into every run), and the process
/// that faces the network holds nothing of the session but the question open now.
///
/// Every call is synchronous, for a host that sits in readline: ``progress`` is the latest the
/// room reported (a cheap read, ten times a second from readline's event hook); the others wait
/// for the room's answer.
///
///     let link = try RoomLink.start(RoomRequest(address: nil, port: 0))
///     link.card.lines(width: 80)       // the QR code, address and code
///     link.openRound(question); …; let ratings = link.closeRound()
///     link.finish()                    // phones hear the session ended; the room stops
public final class RoomLink: @unchecked Sendable {
  public let card: JoinCard
  private let process: Process
  private let input: FileHandle
  private let lock = NSCondition()
  private var latest = RoomProgress()
  /// Answers not yet taken, oldest first (one request is answered before the next is sent).
  private var answers: [RoomReport] = []
  private var ended = false

  /// The longest a call waits for the room's answer before giving up on it.
  static let patience: TimeInterval = 10

  private init(card: JoinCard, process: Process, input: FileHandle) {
    self.card = card
    self.process = process
    self.input = input
  }

  /// Why a room could not start.
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// Starts the room's process and waits until phones can connect.
  public static func start(_ request: RoomRequest) throws(Failure) -> RoomLink {
    guard let helper = helperPath() else {
      throw Failure(description: "its program, coach-room, is not installed next to coach")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: helper)
    process.arguments = ["--address", request.address ?? "local", "--port", "\(request.port)"]
    let toRoom = Pipe()
    let fromRoom = Pipe()
    process.standardInput = toRoom
    process.standardOutput = fromRoom
    process.standardError = FileHandle.nullDevice
    // A room that stopped on its own must not end the session when it is written to.
    signal(SIGPIPE, SIG_IGN)
    do {
      try process.run()
    } catch {
      throw Failure(description: "coach-room did not start: \(error.localizedDescription)")
    }
    let reader = Reader(fromRoom.fileHandleForReading)
    guard case .started(let page, let typed)? = reader.next(),
      let code = JoinCode(typed: typed)
    else {
      process.waitUntilExit()
      if case .failed(let reason)? = reader.last { throw Failure(description: reason) }
      throw Failure(description: "coach-room did not start")
    }
    let link = RoomLink(
      card: JoinCard(pageURL: page, code: code), process: process,
      input: toRoom.fileHandleForWriting)
    // Reads the rest on a thread of its own: progress whenever it changes, and answers.
    let thread = Thread { [link] in
      while let report = reader.next() { link.received(report) }
      link.received(nil)
    }
    thread.start()
    return link
  }

  /// `coach-room` next to this program, or in `../libexec/coach` as an install puts it.
  static func helperPath() -> String? {
    let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    let folder = me.deletingLastPathComponent()
    let candidates = [
      folder.appendingPathComponent("coach-room"),
      folder.deletingLastPathComponent().appendingPathComponent("libexec/coach/coach-room"),
    ]
    return candidates.map(\.path).first(where: FileManager.default.isExecutableFile)
  }

  private func received(_ report: RoomReport?) {
    lock.lock()
    defer { lock.unlock() }
    switch report {
    case .progress(let progress)?: latest = progress
    case let answer?: answers.append(answer)
    case nil: ended = true
    }
    lock.broadcast()
  }

  /// Sends `command` and waits for the room's answer; nil when the room is gone.
  private func ask(_ command: RoomCommand) -> RoomReport? {
    lock.lock()
    defer { lock.unlock() }
    guard !ended else { return nil }
    answers.removeAll()
    do {
      try input.write(contentsOf: Data((command.line + "\n").utf8))
    } catch {
      return nil
    }
    let deadline = Date().addingTimeInterval(Self.patience)
    while answers.isEmpty && !ended {
      if !lock.wait(until: deadline) { return nil }
    }
    return answers.isEmpty ? nil : answers.removeFirst()
  }

  // MARK: The room, as the host uses it

  /// Counts only: phones joined, how many rated the open round, parked items waiting.
  public var progress: RoomProgress {
    lock.lock()
    defer { lock.unlock() }
    return latest
  }

  /// Phones show `question` and take one rating each.
  public func openRound(_ question: RoomQuestion) { _ = ask(.open(question)) }

  /// Closes the open round: its ratings (the values from three on), or nil.
  public func closeRound() -> RoomRatings? {
    if case .closed(let ratings)? = ask(.close) { return ratings }
    return nil
  }

  /// A rating typed at the keyboard by someone without a phone, counted like a phone's.
  @discardableResult
  public func addRating(_ value: Int) -> Bool {
    if case .added(let taken)? = ask(.add(value)) { return taken }
    return false
  }

  /// The questions and topics parked from phones since the last call.
  public func takeParked() -> [String] {
    if case .parked(let texts)? = ask(.takeParked) { return texts }
    return []
  }

  /// The one line every screen of a room session shows: where to join, and how many did.
  func joinLine() -> String {
    "Join: \(card.pageURL) · code \(card.code.text) · \(phones(progress.joined)) joined"
  }

  func phones(_ count: Int) -> String { "\(count) phone\(count == 1 ? "" : "s")" }

  /// Tells the room to stop (phones hear that the session ended), without waiting.
  public func beginStopping() {
    lock.lock()
    defer { lock.unlock() }
    guard !ended else { return }
    try? input.write(contentsOf: Data((RoomCommand.stop.line + "\n").utf8))
  }

  /// Stops the room, if that has not begun, and waits until it no longer listens.
  public func finish() {
    beginStopping()
    try? input.close()
    process.waitUntilExit()
  }

  /// Reports read line by line from the room's output.
  private final class Reader: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()
    /// The last report read, even one that ended the reading.
    private(set) var last: RoomReport?

    init(_ handle: FileHandle) { self.handle = handle }

    /// The next report; nil once the room's output ends.
    func next() -> RoomReport? {
      while true {
        if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
          let line = buffer[buffer.startIndex..<newline]
          buffer.removeSubrange(buffer.startIndex...newline)
          if let report = RoomReport(line: String(decoding: line, as: UTF8.self)) {
            last = report
            return report
          }
          continue
        }
        let chunk = handle.availableData
        if chunk.isEmpty { return nil }
        buffer.append(chunk)
      }
    }
  }
}
