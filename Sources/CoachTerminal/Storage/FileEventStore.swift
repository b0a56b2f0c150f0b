import CoachKit
import Foundation

/// Keeps a running session in this user's session folder: its log, one JSON line per event,
/// each written and `fsync`ed before ``append(_:)`` returns.
///
///     let store = FileEventStore(sessions: SessionStore(folder: paths.sessions))
///     var (runtime, opening) = SessionRuntime.start(dialogue, header: header, store: store)
public final class FileEventStore: EventStore {
  public let sessions: SessionStore
  private var log: SessionLog?
  private var sessionID: String?

  /// A store for a new session: nothing is written until the runtime begins keeping it.
  public init(sessions: SessionStore) {
    self.sessions = sessions
  }

  /// A store going on with a session whose log is open (and locked) already.
  public init(sessions: SessionStore, continuing log: SessionLog, id: String) {
    self.sessions = sessions
    self.log = log
    self.sessionID = id
  }

  /// Keeps the dialogue's files (once per version), then creates the log.
  public func begin(_ header: LogHeader, dialogue: DialogueSnapshot?) throws {
    if let dialogue { try keep(dialogue) }
    log = try sessions.create(header: header)
    sessionID = header.session
  }

  public func keep(_ dialogue: DialogueSnapshot) throws {
    try sessions.dialogues?.save(dialogue)
  }

  public func append(_ entry: LogEntry) throws {
    guard let log else { throw StorageError.notFound("the session's log is not open") }
    try log.append(entry)
  }

  /// Removes the log and any transcript exported from it.
  public func discard() throws {
    let own = log
    log = nil
    if let sessionID { try sessions.remove(sessionID, ownLog: own) }
  }

  /// Notes in the log where the finished session's plan was written.
  public func record(_ plan: SavedPlan) throws {
    guard let log else { throw StorageError.notFound("the session's log is not open") }
    try log.record(plan)
  }
}
