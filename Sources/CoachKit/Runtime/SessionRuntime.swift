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
/// that is how ``resume(_:header:entries:dialogues:earlier:store:at:changingTo:)`` and
/// ``Transcript`` work.
public struct SessionRuntime {
  public let header: LogHeader
  /// How events are handled: the engine of the session's dialogue, run at each event's own time.
  private var replay: Replay
  private let store: any EventStore
  /// The dialogue the session began with, and the versions it moved onto, by snapshot id.
  private let firstDialogue: Dialogue
  private var dialogues: [String: Dialogue]
  /// The dialogue's files, handed to the store when it begins keeping the session.
  private let snapshot: DialogueSnapshot?
  /// Every event that changed the session, in order; the first `kept` of them are in the store.
  private var entries: [LogEntry]
  private var kept: Int
  /// Whether anything of the session is in the store.
  public private(set) var isKept: Bool
  /// Before the person has said whether the session may be kept: nothing is kept yet, and none
  /// of the answers the dialogue's `keep_answers_if` reads has been given.
  public var isBeforeConsent: Bool {
    guard !isKept, let condition = dialogue.keepAnswersCondition,
      StorageConsent(engine: replay.engine, session: session) == .undecided
    else { return false }
    return replay.engine.questions(behind: condition.expression).allSatisfy {
      session.answers[$0] == nil
    }
  }

  public var session: Session { replay.session }
  /// The dialogue the session runs on now.
  public var dialogue: Dialogue { replay.dialogue }
  public var sessionID: String { header.session }
  public var isFinished: Bool { session.isFinished }

  private init(
    replay: Replay, first: Dialogue, dialogues: [String: Dialogue], store: any EventStore,
    snapshot: DialogueSnapshot?, entries: [LogEntry], isKept: Bool
  ) {
    self.header = replay.header
    self.replay = replay
    self.firstDialogue = first
    self.dialogues = dialogues
    self.store = store
    self.snapshot = snapshot
    self.entries = entries
    self.kept = isKept ? entries.count : 0
    self.isKept = isKept
  }

  /// A new session, at the dialogue's first step, begun at `header.startedAt`. Nothing is kept
  /// until the first event that changes the session, and then only with consent; the store is
  /// handed `snapshot` (the dialogue's files) when it begins keeping the session.
  public static func start(
    _ dialogue: Dialogue, header: LogHeader, snapshot: DialogueSnapshot? = nil,
    earlier: EarlierSession = .none, store: any EventStore
  ) -> (SessionRuntime, Reply) {
    let replay = Replay(header: header, dialogue: dialogue, earlier: earlier)
    let runtime = SessionRuntime(
      replay: replay, first: dialogue, dialogues: [:], store: store, snapshot: snapshot,
      entries: [], isKept: false)
    return (runtime, replay.opening)
  }

  /// A new version of the session's dialogue to go on with, and its files.
  public struct DialogueChange: Sendable {
    public var dialogue: Dialogue
    public var snapshot: DialogueSnapshot

    public init(dialogue: Dialogue, snapshot: DialogueSnapshot) {
      self.dialogue = dialogue
      self.snapshot = snapshot
    }
  }

  /// A saved session, going on where it stopped. Its events (all of them already in `store`)
  /// are replayed through `dialogue`, the version it began with (and `dialogues`, the versions
  /// its log moved onto, by snapshot id). With `change`, the session moves onto that version
  /// first, keeping the events that fit it (see ``DialogueFit``). Then a `continue` at `date` is
  /// kept, so the time away is not counted; the reply says so and asks the waiting question.
  public static func resume(
    _ dialogue: Dialogue, header: LogHeader, entries: [LogEntry],
    dialogues: [String: Dialogue] = [:], earlier: EarlierSession = .none, store: any EventStore,
    at date: Date, changingTo change: DialogueChange? = nil
  ) throws -> (SessionRuntime, Reply) {
    var known = dialogues
    if let change { known[change.snapshot.id] = change.dialogue }
    var replay = Replay(header: header, dialogue: dialogue, earlier: earlier, dialogues: known)
    for entry in entries { _ = replay.apply(entry) }
    var runtime = SessionRuntime(
      replay: replay, first: dialogue, dialogues: known, store: store, snapshot: nil,
      entries: entries, isKept: true)
    if let change {
      try store.keep(change.snapshot)
      _ = try runtime.handle(.useDialogue(change.snapshot.id), at: date)
    }
    var reply = try runtime.handle(.continue, at: date)
    if change != nil, reply.notice == .resumed { reply.notice = .resumedWithChangedDialogue }
    return (runtime, reply)
  }

  /// Handles one event at `date`. A change is in the store (when it may be kept) before this
  /// returns; when the store fails, the error is thrown and the event is not taken.
  public mutating func handle(_ event: Event, at date: Date) throws -> Reply {
    var entry = LogEntry(
      at: date, event: event.asKept, step: session.currentStepID,
      sequence: (entries.last?.sequence ?? entries.count) + 1)
    let sectionBefore = session.currentStepID.flatMap { dialogue.step($0)?.sectionID }
    let turnUndone = event == .back ? session.trail.last : nil
    var next = replay
    var reply = next.apply(entry)
    entry.after = LogEntry.Standing(
      answered: next.session.answeredCount, isFinished: next.session.isFinished,
      activeSeconds: (AgendaClock.activeTime(
        from: header.startedAt, to: date, pauses: next.session.timeAway(until: date)) * 10)
        .rounded() / 10,
      waiting: next.session.currentStepID)
    if case .wentBack(let stepID)? = reply.notice {
      reply.undone = Self.answer(undoing: turnUndone, at: stepID, asked: reply.prompt, next.engine)
      // Back into the section before: say so, as when the section began.
      if let section = reply.prompt?.sectionID, section != sectionBefore,
        !reply.lines.contains(where: { if case .section = $0 { true } else { false } }),
        let heading = next.engine.heading(for: section, in: next.session)
      {
        reply.lines.insert(.section(heading), at: 0)
      }
    }
    var changesDialogue = false
    if case .useDialogue = event { changesDialogue = true }
    if next.session != session || changesDialogue {
      try keep(entry, consent: StorageConsent(engine: next.engine.at(date), session: next.session))
      replay = next
    }
    return reply
  }

  /// The answer a `back` took back, as it was given.
  private static func answer(
    undoing turn: Session.Turn?, at stepID: String, asked prompt: Prompt?, _ engine: Engine
  ) -> Answer? {
    guard let turn, turn.stepID == stepID, let step = engine.dialogue.step(stepID),
      let question = step.question
    else { return nil }
    let text =
      turn.wasSkipped && turn.value == .none
      ? "" : engine.displayText(of: turn.value, for: question.kind)
    return Answer(
      stepID: stepID, sectionID: step.sectionID, question: prompt?.text ?? question.prompt.source,
      variable: turn.variable, value: turn.value, text: text, wasSkipped: turn.wasSkipped,
      at: turn.at)
  }

  // MARK: - What a host may ask

  /// The engine stopped at `date`: for rendering text as it reads then (`today`).
  public func engine(at date: Date) -> Engine { replay.engine.at(date) }

  /// The question waiting for an answer, as it would be asked at `date`.
  public func prompt(at date: Date) -> Prompt? { engine(at: date).currentPrompt(in: session) }

  /// Everything that happened so far, as an export shows it.
  public var transcript: Transcript {
    Transcript.replay(
      header: header, entries: entries, dialogue: firstDialogue, earlier: replay.earlier,
      dialogues: dialogues)
  }

  /// Where the session may go after the waiting question (see ``LookAhead``).
  public func lookAhead(at date: Date) -> LookAhead { engine(at: date).lookAhead(in: session) }

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
