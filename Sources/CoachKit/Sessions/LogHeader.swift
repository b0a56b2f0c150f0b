import Foundation

/// The first line of a session's log: which dialogue, which version of it, and when it began.
///
///     {"format":1,"kind":"header","session":"20261129-090000-3f2a","dialogue":"trust-first",...}
public struct LogHeader: Hashable, Sendable, Codable {
  public var format: Int
  public var kind: String
  public var session: String
  public var dialogue: String
  var dialogueVersion: String
  public internal(set) var dialogueTitle: String
  /// A hash of the dialogue's files, to notice an edited dialogue on resume.
  public var fingerprint: String
  /// Where the dialogue came from: a path, or `built-in:` and its path inside the binary.
  public var source: String
  public var startedAt: Date
  /// The time zone the session was run in, so exports show local times.
  public var timeZone: String
  /// For a check-in: the id of the session it follows.
  public var follows: String?
  /// Facilitator mode: the session was run for a room (`coach run --facilitator`), which
  /// `coach notes` looks for.
  public var facilitated: Bool?
  /// Who rates team questions; absent when the leader answers them alone.
  public var participants: Participants?
  /// The id of the ``DialogueSnapshot`` the session began with, kept next to the sessions;
  /// absent in logs written before sessions kept their dialogue.
  public var snapshot: String?

  public static let currentFormat = 1

  public init(
    session: String, dialogue: Dialogue, source: String, startedAt: Date, timeZone: TimeZone,
    follows: String? = nil
  ) {
    self.format = Self.currentFormat
    self.kind = "header"
    self.session = session
    self.dialogue = dialogue.id
    self.dialogueVersion = dialogue.version
    self.dialogueTitle = dialogue.title
    self.fingerprint = dialogue.fingerprint
    self.source = source
    self.startedAt = startedAt
    self.timeZone = timeZone.identifier
    self.follows = follows
  }

  /// The engine a replay of this session needs: the dialogue, a clock in the session's time zone,
  /// and its participants.
  public func engine(for dialogue: Dialogue, at date: Date, earlier: EarlierSession = .none)
    -> Engine
  {
    let zone = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
    var engine = Engine(
      dialogue: dialogue, clock: FixedClock(date, timeZone: zone), earlier: earlier)
    engine.participants = participants
    return engine
  }
}
