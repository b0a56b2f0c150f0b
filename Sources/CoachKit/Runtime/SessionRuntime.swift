import Foundation

/// One running session, for any host: a terminal, a room page, a test. The host hands it what
/// the person did and when; it runs the engine at that instant, keeps the change in the injected
/// ``EventStore`` (as far as the person agreed: see ``StorageConsent``) *before* it returns, and
/// says what to show. It never prints, reads a clock or touches a file.
///
///     let store = MemoryEventStore()
///     var (runtime, opening) = SessionRuntime.start(dialogue, header: header, store: store)
///     show(opening)
///     while !runtime.isFinished {
///       let reply = try runtime.handle(.answer(readLine()!), at: Date())
///       show(reply)
///     }
///
/// Every event handled at its own time, replayed from the store in order, gives the same session:
/// that is how ``resume(_:header:entries:snapshot:earlier:store:at:)`` and ``Transcript`` work.
public struct SessionRuntime {
  public let header: LogHeader
  /// How events are handled: the engine as the session began, run at each event's own time.
  private let replay: Replay
  public private(set) var session: Session
  private let store: any EventStore
  /// The dialogue's files, handed to the store when it begins keeping the session.
  private let snapshot: DialogueSnapshot?
  /// Every event that changed the session, in order; the first `kept` of them are in the store.
  private var entries: [LogEntry]
  private var kept: Int
  /// Whether anything of the session is in the store.
  public private(set) var isKept: Bool

  public var dialogue: Dialogue { replay.engine.dialogue }
  public var sessionID: String { header.session }
  public var isFinished: Bool { session.isFinished }

  private init(
    replay: Replay, session: Session, store: any EventStore, snapshot: DialogueSnapshot?,
    entries: [LogEntry], isKept: Bool
  ) {
    self.header = replay.header
    self.replay = replay
    self.session = session
    self.store = store
    self.snapshot = snapshot
    self.entries = entries
    self.kept = isKept ? entries.count : 0
    self.isKept = isKept
  }

  /// A new session, at the dialogue's first step, begun at `header.startedAt`. Nothing is kept
  /// until the first event that changes the session, and then only with consent.
  public static func start(
    _ dialogue: Dialogue, header: LogHeader, snapshot: DialogueSnapshot? = nil,
    earlier: EarlierSession = .none, store: any EventStore
  ) -> (SessionRuntime, Reply) {
    let replay = Replay(header: header, dialogue: dialogue, earlier: earlier)
    let (session, reply) = replay.start()
    let runtime = SessionRuntime(
      replay: replay, session: session, store: store, snapshot: snapshot, entries: [],
      isKept: false)
    return (runtime, reply)
  }

  /// A saved session, going on where it stopped: its events (all of them already in `store`)
  /// are replayed, and a `continue` at `date` is kept, so the time away is not counted. The
  /// reply says so and asks the waiting question again.
  public static func resume(
    _ dialogue: Dialogue, header: LogHeader, entries: [LogEntry],
    snapshot: DialogueSnapshot? = nil, earlier: EarlierSession = .none, store: any EventStore,
    at date: Date
  ) throws -> (SessionRuntime, Reply) {
    let replay = Replay(header: header, dialogue: dialogue, earlier: earlier)
    var runtime = SessionRuntime(
      replay: replay, session: replay.session(after: entries), store: store, snapshot: snapshot,
      entries: entries, isKept: true)
    let reply = try runtime.handle(.continue, at: date)
    return (runtime, reply)
  }

  /// Handles one event at `date`. A change is in the store (when it may be kept) before this
  /// returns; when the store fails, the error is thrown and the event is not taken.
  public mutating func handle(_ event: Event, at date: Date) throws -> Reply {
    let entry = LogEntry(at: date, event: event, step: session.currentStepID)
    var next = session
    let reply = replay.apply(entry, to: &next)
    if next != session {
      try keep(entry, consent: StorageConsent(engine: replay.engine.at(date), session: next))
    }
    session = next
    return reply
  }

  // MARK: - What a host may ask

  /// The engine stopped at `date`: for rendering text as it reads then (`today`).
  public func engine(at date: Date) -> Engine { replay.engine.at(date) }

  /// The question waiting for an answer, as it would be asked at `date`.
  public func prompt(at date: Date) -> Prompt? { engine(at: date).currentPrompt(in: session) }

  /// Everything that happened so far, as an export shows it.
  public var transcript: Transcript {
    Transcript.replay(
      header: header, entries: entries, dialogue: dialogue, earlier: replay.engine.earlier)
  }

  /// The agenda clock at `date`: the time spent, without pauses or time away.
  public func clock(at date: Date) -> AgendaClock {
    AgendaClock(at: date, session: session, dialogue: dialogue)
  }

  /// The plan as it reads with the answers given; nil until the dialogue has ended.
  public func plan(at date: Date) -> String? {
    session.isFinished ? engine(at: date).renderedPlan(in: session) : nil
  }

  // MARK: - Keeping events, as consent allows

  /// While consent is undecided and nothing is kept yet, events wait in memory; once it is given,
  /// everything not yet kept is kept, and every later event at once; when it is refused, what was
  /// kept is discarded (and kept again in full if consent comes back).
  private mutating func keep(_ entry: LogEntry, consent: StorageConsent) throws {
    entries.append(entry)
    do {
      switch consent {
      case .refused:
        if isKept {
          try store.discard()
          isKept = false
          kept = 0
        }
      case .given:
        try keepPending()
      case .undecided:
        // Consent given earlier and open again (a restart, a back): keep keeping.
        if isKept { try keepPending() }
      }
    } catch {
      entries.removeLast()
      kept = min(kept, entries.count)
      throw error
    }
  }

  private mutating func keepPending() throws {
    if !isKept {
      try store.begin(header, dialogue: snapshot)
      isKept = true
      kept = 0
    }
    while kept < entries.count {
      try store.append(entries[kept])
      kept += 1
    }
  }
}
