import Foundation
import CoachRoomModel

/// The one ``RoomState`` of a room, behind a lock, shared by the HTTP handler (on the server's
/// tasks) and the host (on whatever thread it runs, readline's included). Every change reaches
/// the host's ``Room/updates()`` streams from inside the lock, so they see changes in order.
///
/// A lock rather than an actor: the terminal host is synchronous (it sits in readline), and a
/// host's "open this round, then close it" must happen in that order, which separate `Task`s
/// calling into an actor would not promise. Nothing under the lock waits or does I/O.
final class RoomCore: @unchecked Sendable {
  private let lock = NSLock()
  private var state: RoomState
  private var watchers: [Int: AsyncStream<RoomProgress>.Continuation] = [:]
  private var nextWatcher = 0
  private var servedHost: String?

  init(state: RoomState) { self.state = state }

  /// Runs `body` on the state under the lock, and tells the watchers when progress changed.
  func update<Result>(_ body: (inout RoomState) -> Result) -> Result {
    var ended: [AsyncStream<RoomProgress>.Continuation] = []
    lock.lock()
    let before = state.progress.version
    let result = body(&state)
    if state.progress.version != before {
      for watcher in watchers.values { watcher.yield(state.progress) }
      if state.progress.isStopped {
        ended = Array(watchers.values)
        watchers = [:]
      }
    }
    lock.unlock()
    // Outside the lock: finishing a stream runs its termination handler, which takes the lock.
    for watcher in ended { watcher.finish() }
    return result
  }

  /// The `Host` header a browser sends for the room, e.g. "192.168.1.23:51234": known once the
  /// server listens (its port may be chosen by the system).
  var host: String? {
    get {
      lock.lock()
      defer { lock.unlock() }
      return servedHost
    }
    set {
      lock.lock()
      defer { lock.unlock() }
      servedHost = newValue
    }
  }

  var progress: RoomProgress {
    lock.lock()
    defer { lock.unlock() }
    return state.progress
  }

  /// A stream that starts with the progress now and yields each change; it ends when the room
  /// stops. A slow reader sees the latest progress, not every step.
  func watch() -> AsyncStream<RoomProgress> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: RoomProgress.self, bufferingPolicy: .bufferingNewest(1))
    lock.lock()
    defer { lock.unlock() }
    continuation.yield(state.progress)
    if state.progress.isStopped {
      continuation.finish()
      return stream
    }
    let id = nextWatcher
    nextWatcher += 1
    watchers[id] = continuation
    continuation.onTermination = { [weak self] _ in self?.forget(id) }
    return stream
  }

  private func forget(_ id: Int) {
    lock.lock()
    defer { lock.unlock() }
    watchers[id] = nil
  }
}
