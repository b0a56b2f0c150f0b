/// Where a running session's events are kept: a log file, memory, a database. The
/// ``SessionRuntime`` calls it before it returns a reply, so an answer shown as taken is kept,
/// and only as far as the person agreed (see ``StorageConsent``).
///
/// A store only does what it is told; what to keep, and when, is the runtime's business:
///
///     final class PrintingStore: EventStore {
///       func begin(_ header: LogHeader, dialogue: DialogueSnapshot?) throws { print(header.session) }
///       func append(_ entry: LogEntry) throws { print(entry.event) }
///       func keep(_ dialogue: DialogueSnapshot) throws {}
///       func discard() throws { print("forgotten") }
///     }
///
/// Each method returns only once its change is durable; a thrown error means it is not, and the
/// runtime then does not take the event.
public protocol EventStore: AnyObject {
  /// Starts keeping a session: its header and, for a store that keeps it, the dialogue it runs.
  /// Called before the first ``append(_:)``, and again after ``discard()`` if consent comes back.
  func begin(_ header: LogHeader, dialogue: DialogueSnapshot?) throws
  /// Keeps one more event, after those already kept.
  func append(_ entry: LogEntry) throws
  /// Keeps another version of the session's dialogue, before the event that moves onto it.
  func keep(_ dialogue: DialogueSnapshot) throws
  /// Removes everything kept of the session (the person withdrew their consent).
  func discard() throws
}
