import CoachKit
import Foundation

/// Keeps a running session on disk, one event at a time, as the person's consent allows: while
/// the dialogue's `save_if` is undecided events wait in memory; once it holds they are written
/// (and every later one at once, fsynced); if it is refused, nothing is written and a log already
/// written is removed.
///
///     let recorder = SessionRecorder(store: store, header: header)
///     try recorder.record(LogEntry(at: now, event: .answer("4")), consent: .given)
public final class SessionRecorder {
  public let store: SessionStore
  public let header: LogHeader
  private var log: SessionLog?
  private var waiting: [LogEntry] = []

  public var sessionID: String { header.session }
  /// Whether anything of the session is on disk.
  public var hasSaved: Bool { log != nil }

  public init(store: SessionStore, header: LogHeader) {
    self.store = store
    self.header = header
  }

  /// Continues a session whose log is already on disk.
  public init(store: SessionStore, header: LogHeader, continuing log: SessionLog) {
    self.store = store
    self.header = header
    self.log = log
  }

  /// Records one event that changed the session; returns once it is on disk (when it may be).
  public func record(_ entry: LogEntry, consent: Engine.StorageConsent) throws {
    switch consent {
    case .undecided:
      waiting.append(entry)
    case .refused:
      waiting.removeAll()
      try forget()
    case .given:
      if log == nil { log = try store.create(header: header) }
      for earlier in waiting { try log?.append(earlier) }
      waiting.removeAll()
      try log?.append(entry)
    }
  }

  /// Removes what was written, for a person who withdrew their consent.
  public func forget() throws {
    guard let written = log else { return }
    log = nil
    if unlink(written.path) != 0 && errno != ENOENT {
      throw StorageError.system("cannot delete \(written.path)", errno)
    }
  }
}
