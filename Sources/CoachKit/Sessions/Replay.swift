import Foundation

/// How a session's logged events rebuild it: each event handled by the engine at its own time.
/// The one fold that ``SessionRuntime`` (live and on resume) and ``Transcript`` share, so a
/// session replayed from its log is exactly the session that was run.
///
///     var replay = Replay(header: header, dialogue: dialogue)
///     for entry in entries { _ = replay.apply(entry) }
///     replay.session  // as it was after the last event
///
/// A `useDialogue` event moves the session onto another version of its dialogue (one of
/// `dialogues`, by snapshot id): the events that still fit it (see ``DialogueFit``) are replayed
/// through it, the rest are dropped.
public struct Replay: Sendable {
  public let header: LogHeader
  public let earlier: EarlierSession
  /// The engine of the dialogue the session runs on now, at the session's start.
  public private(set) var engine: Engine
  public private(set) var session: Session
  /// What the session said first.
  public let opening: Reply
  /// The events the session stands on, in order: every one applied, until a change of
  /// dialogue drops those that do not fit the new one.
  public private(set) var standing: [LogEntry] = []
  /// At the last change of dialogue: how many of the events standing before it still fit.
  private(set) var keptAtLastChange = 0
  /// The versions a `useDialogue` event may name, by snapshot id.
  private let dialogues: [String: Dialogue]
  /// Events skipped because they were logged at another step than the one the session was at:
  /// a line copied twice, or out of place, would otherwise file later answers under the wrong
  /// questions.
  public private(set) var misplaced: [LogEntry] = []

  public init(
    header: LogHeader, dialogue: Dialogue, earlier: EarlierSession = .none,
    dialogues: [String: Dialogue] = [:]
  ) {
    self.header = header
    self.earlier = earlier
    self.dialogues = dialogues
    engine = header.engine(for: dialogue, at: header.startedAt, earlier: earlier)
    (session, opening) = engine.start()
  }

  public var dialogue: Dialogue { engine.dialogue }

  /// Whether a logged event came where the session is: at the step it was logged at. Coming and
  /// going (a stop, a continue) and changes of dialogue fit anywhere; so does an event logged
  /// before events named their step.
  public func fits(_ entry: LogEntry) -> Bool {
    switch entry.event {
    case .stop, .continue, .useDialogue: true
    default: entry.step == nil || entry.step == session.currentStepID
    }
  }

  /// Handles one logged event at its own time; one that does not fit (see ``fits(_:)``) is
  /// skipped and noted in ``misplaced``.
  public mutating func apply(_ entry: LogEntry) -> Reply {
    guard fits(entry) else {
      misplaced.append(entry)
      return Reply()
    }
    if case .useDialogue(let id) = entry.event { return change(to: id) }
    standing.append(entry)
    return engine.at(entry.at).handle(entry.event, in: &session)
  }

  /// The session after `entries`.
  public static func session(
    header: LogHeader, entries: [LogEntry], dialogue: Dialogue, earlier: EarlierSession = .none,
    dialogues: [String: Dialogue] = [:]
  ) -> Session {
    var replay = Replay(header: header, dialogue: dialogue, earlier: earlier, dialogues: dialogues)
    for entry in entries { _ = replay.apply(entry) }
    return replay.session
  }

  /// Moves onto another version: the events that fit it are kept, and so are the stops and
  /// returns after them (the clock was stopped then, whatever was asked).
  private mutating func change(to id: String) -> Reply {
    // A version the log names but nobody kept: the session stays on the one it has.
    guard let next = dialogues[id] else { return Reply() }
    let fit = DialogueFit(
      header: header, entries: standing, from: engine.dialogue, to: next, earlier: earlier)
    let presence = standing.dropFirst(fit.kept).filter {
      switch $0.event {
      case .stop, .continue: true
      default: false
      }
    }
    let kept = Array(standing.prefix(fit.kept)) + presence
    keptAtLastChange = fit.kept
    engine = header.engine(for: next, at: header.startedAt, earlier: earlier)
    (session, _) = engine.start()
    standing = []
    for entry in kept { _ = apply(entry) }
    return Reply()
  }
}
