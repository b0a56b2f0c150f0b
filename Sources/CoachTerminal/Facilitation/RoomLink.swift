import CoachKit
import CoachRoom
import CoachWording
import Foundation

/// The facilitator's room as a terminal session uses it: started before the conversation,
/// stopped when it ends. The room's own calls are synchronous; only starting and stopping wait
/// for the server, which runs on its own tasks while readline holds this thread.
///
///     let link = try RoomLink.start(on: .localNetwork, port: 0)
///     link.card.lines(width: 80)       // the QR code, address and code
///     link.stop()                      // phones hear the session ended, then it stops listening
public final class RoomLink: @unchecked Sendable {
  public let room: Room
  public let card: JoinCard
  private var stopping: Task<Void, Never>?

  init(room: Room, card: JoinCard) {
    self.room = room
    self.card = card
  }

  /// Starts a room on `address` (and `port`, 0 for any), waiting until phones can connect.
  public static func start(on address: RoomListenAddress, port: UInt16) throws(RoomError)
    -> RoomLink
  {
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      do {
        let limits = address == .loopback ? RoomLimits().forLoopback : RoomLimits()
        outcome.room = try await Room.start(on: address, port: port, limits: limits)
      } catch let error as RoomError {
        outcome.error = error
      } catch {
        outcome.error = .cannotListen("\(error)")
      }
      done.signal()
    }
    done.wait()
    guard let room = outcome.room else { throw outcome.error ?? .noLocalNetwork }
    return RoomLink(room: room, card: JoinCard(room: room))
  }

  /// The one line every screen of a room session shows: where to join, and how many did.
  func joinLine() -> String {
    "Join: \(card.pageURL) · code \(card.code.text) · \(phones(room.progress.joined)) joined"
  }

  func phones(_ count: Int) -> String { "\(count) phone\(count == 1 ? "" : "s")" }

  /// Refuses every request from now on (phones are told the session ended) and stops listening
  /// after the grace, without waiting here: ``finish()`` waits for it.
  public func beginStopping() {
    guard stopping == nil else { return }
    let room = room
    // Only phones that joined need the grace to hear it ended.
    let grace: Duration = room.progress.joined > 0 ? Room.stopGrace : .zero
    stopping = Task.detached { await room.stop(grace: grace) }
  }

  /// Stops the room, if that has not begun, and waits until it no longer listens.
  public func finish() {
    beginStopping()
    guard let stopping else { return }
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      await stopping.value
      done.signal()
    }
    done.wait()
  }

  private final class Outcome: @unchecked Sendable {
    var room: Room?
    var error: RoomError?
  }
}
