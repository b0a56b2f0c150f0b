import Foundation

/// How a session's logged events rebuild it: each event handled by the engine at its own time.
/// The one fold that ``SessionRuntime`` (live and on resume) and ``Transcript`` share, so a
/// session replayed from its log is exactly the session that was run.
///
///     let replay = Replay(header: header, dialogue: dialogue)
///     var (session, _) = replay.start()
///     for entry in entries { _ = replay.apply(entry, to: &session) }
public struct Replay: Sendable {
  public let header: LogHeader
  /// The engine at the session's start, in its time zone, with its participants.
  public let engine: Engine

  public init(header: LogHeader, dialogue: Dialogue, earlier: EarlierSession = .none) {
    self.header = header
    self.engine = header.engine(for: dialogue, at: header.startedAt, earlier: earlier)
  }

  /// The session as it began, and what it said first.
  public func start() -> (Session, Reply) { engine.start() }

  /// Handles one logged event at its own time.
  public func apply(_ entry: LogEntry, to session: inout Session) -> Reply {
    engine.at(entry.at).handle(entry.event, in: &session)
  }

  /// The session after `entries`.
  public func session(after entries: [LogEntry]) -> Session {
    var (session, _) = start()
    for entry in entries { _ = apply(entry, to: &session) }
    return session
  }
}
