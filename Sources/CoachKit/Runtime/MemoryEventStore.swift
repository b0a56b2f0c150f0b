/// An ``EventStore`` that keeps a session in memory: for tests, and for a host that keeps nothing
/// once it ends.
///
///     let store = MemoryEventStore()
///     var (runtime, _) = SessionRuntime.start(dialogue, header: header, store: store)
///     _ = try runtime.handle(.answer("4"), at: now)
///     store.entries  // [LogEntry(at: now, event: .answer("4"), step: "team_size")]
public final class MemoryEventStore: EventStore {
  /// The session's header while it is kept; nil before it begins and after a discard.
  private(set) var header: LogHeader?
  /// The dialogue the session began with, when the runtime handed it over.
  private(set) var dialogue: DialogueSnapshot?
  /// Other versions the session moved onto, by snapshot id.
  private(set) var dialogues: [String: DialogueSnapshot] = [:]
  /// The events kept, in order.
  private(set) var entries: [LogEntry] = []

  public init() {}

  public func begin(_ header: LogHeader, dialogue: DialogueSnapshot?) throws {
    self.header = header
    self.dialogue = dialogue
    entries = []
  }

  public func append(_ entry: LogEntry) throws {
    entries.append(entry)
  }

  public func keep(_ dialogue: DialogueSnapshot) throws {
    dialogues[dialogue.id] = dialogue
  }

  public func discard() throws {
    header = nil
    dialogue = nil
    dialogues = [:]
    entries = []
  }
}
