import CoachKit
import Foundation

/// Keeps a running session on disk, one event at a time, as the person's consent allows (the
/// dialogue's `keep_answers_if`): while it is undecided and nothing is on disk yet, events wait in
/// memory; once it holds, everything not yet on disk is written (fsynced) and every later event
/// at once; when it is refused, what was written is removed, and written again in full if
/// consent comes back.
///
///     let recorder = SessionRecorder(store: store, header: header)
///     try recorder.record(LogEntry(at: now, event: .answer("4")), consent: .given)
public final class SessionRecorder {
  public let store: SessionStore
  public let header: LogHeader
  private var log: SessionLog?
  /// Every event of the session, in order; the first `written` of them are on disk.
  private var entries: [LogEntry]
  private var written: Int

  public var sessionID: String { header.session }
  /// Whether anything of the session is on disk.
  public var hasSaved: Bool { log != nil }

  public init(store: SessionStore, header: LogHeader) {
    self.store = store
    self.header = header
    self.entries = []
    self.written = 0
  }

  /// Continues a session whose log, holding `entries`, is already on disk.
  public init(
    store: SessionStore, header: LogHeader, continuing log: SessionLog, entries: [LogEntry]
  ) {
    self.store = store
    self.header = header
    self.log = log
    self.entries = entries
    self.written = entries.count
  }

  /// Records one event that changed the session; returns once it is on disk (when it may be).
  public func record(_ entry: LogEntry, consent: Engine.StorageConsent) throws {
    entries.append(entry)
    switch consent {
    case .refused:
      try forget()
    case .given:
      try writePending()
    case .undecided:
      // Consent given earlier and now open again (a restart, a /back): keep writing.
      if log != nil { try writePending() }
    }
  }

  /// Removes what was written (the log and any transcript exported from it), for a person who
  /// withdrew their consent. The events stay in memory, in case consent comes back.
  public func forget() throws {
    guard log != nil else { return }
    log = nil
    written = 0
    try store.remove(sessionID)
  }

  private func writePending() throws {
    if log == nil {
      log = try store.create(header: header)
      written = 0
    }
    while written < entries.count {
      try log?.append(entries[written])
      written += 1
    }
  }
}
