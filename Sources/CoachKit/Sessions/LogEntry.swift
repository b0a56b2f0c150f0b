import Foundation

/// One line of a session's log after the header: something the person did, and when.
///
///     {"at":"2026-11-29T09:01:12.000Z","kind":"answer","step":"baseline","text":"4"}
///     {"at":"2026-11-29T09:01:20.000Z","kind":"back","step":"why_not_lower"}
///     {"at":"2026-11-29T09:02:00.000Z","kind":"park","step":"baseline","text":"Hiring freeze"}
///     {"at":"2026-11-29T09:03:00.000Z","count":5,"kind":"ratings","step":"safety","values":[2,3,3,4,5]}
///     {"at":"2026-11-29T09:04:00.000Z","count":2,"kind":"ratings","step":"news"}
///     {"at":"2026-11-29T09:02:10.000Z","kind":"extend","minutes":2,"step":"baseline"}
///     {"at":"2026-11-29T09:02:20.000Z","kind":"jump","section":"self","step":"baseline"}
///     {"at":"2026-11-29T09:05:00.000Z","kind":"stop","reason":"quit","step":"baseline"}
///     {"at":"2026-11-30T08:00:00.000Z","kind":"continue","step":"baseline"}
///     {"at":"2026-11-30T08:00:00.000Z","kind":"dialogue","snapshot":"fnv1a64:…","step":"baseline"}
///
/// Logs written since sessions heal themselves also number each event (`"n":7`, from 1), so a
/// line copied twice is noticed, and say how the session stood after it (`"answered":5`, the
/// seconds someone was there `"active":312.5`, the step now waiting `"waiting":"baseline"`, and
/// `"finished":true` at the end), so listing sessions reads only each log's last line.
public struct LogEntry: Hashable, Sendable, Codable {
  public var at: Date
  public var event: Event
  /// The step that was waiting when the event came: a replay skips an event logged at another
  /// step than the one the session is at (a copied or misplaced line), and a resume checks that
  /// an edited dialogue still leads to the same steps.
  public var step: String?
  /// The event's number in its session, from 1; nil in logs written before events were numbered.
  public var sequence: Int?
  /// How the session stood once the event was handled; nil in older logs.
  public var after: Standing?

  /// How a session stands after an event: for a list of sessions, without replaying them.
  public struct Standing: Hashable, Sendable {
    /// The answers (and skips) that stand.
    public var answered: Int
    public var isFinished: Bool
    /// Seconds someone was there so far, without the time away; nil in logs written before it
    /// was noted.
    public var activeSeconds: Double?
    /// The step waiting for an answer; nil once the dialogue has ended (or in older logs).
    public var waiting: String?

    public init(
      answered: Int, isFinished: Bool, activeSeconds: Double? = nil, waiting: String? = nil
    ) {
      self.answered = answered
      self.isFinished = isFinished
      self.activeSeconds = activeSeconds
      self.waiting = waiting
    }
  }

  public init(at: Date, event: Event, step: String? = nil, sequence: Int? = nil) {
    self.at = at
    self.event = event
    self.step = step
    self.sequence = sequence
  }

  private enum CodingKeys: String, CodingKey {
    case at, kind, text, step, minutes, section, reason, snapshot, count, values, n, answered
    case finished, active, waiting
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    at = try container.decode(Date.self, forKey: .at)
    step = try container.decodeIfPresent(String.self, forKey: .step)
    sequence = try container.decodeIfPresent(Int.self, forKey: .n)
    if let answered = try container.decodeIfPresent(Int.self, forKey: .answered) {
      after = Standing(
        answered: answered,
        isFinished: try container.decodeIfPresent(Bool.self, forKey: .finished) ?? false,
        activeSeconds: try container.decodeIfPresent(Double.self, forKey: .active),
        waiting: try container.decodeIfPresent(String.self, forKey: .waiting))
    }
    let kind = try container.decode(String.self, forKey: .kind)
    switch kind {
    case "answer": event = .answer(try container.decode(String.self, forKey: .text))
    case "back": event = .back
    case "skip": event = .skip
    case "restart": event = .restart
    case "next": event = .next
    case "ratings":
      event = .teamRatings(
        TeamRatings(
          count: try container.decode(Int.self, forKey: .count),
          values: try container.decodeIfPresent([Double].self, forKey: .values)))
    case "extend": event = .extend(minutes: try container.decode(Double.self, forKey: .minutes))
    case "pause": event = .pause
    case "resume": event = .resume
    case "park": event = .park(try container.decode(String.self, forKey: .text))
    case "jump": event = .jump(section: try container.decode(String.self, forKey: .section))
    case "stop":
      event = .stop(try container.decodeIfPresent(StopReason.self, forKey: .reason) ?? .quit)
    case "continue": event = .continue
    case "dialogue": event = .useDialogue(try container.decode(String.self, forKey: .snapshot))
    default:
      throw DecodingError.dataCorruptedError(
        forKey: .kind, in: container, debugDescription: "unknown kind of event '\(kind)'")
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(at, forKey: .at)
    try container.encodeIfPresent(step, forKey: .step)
    try container.encodeIfPresent(sequence, forKey: .n)
    if let after {
      try container.encode(after.answered, forKey: .answered)
      if after.isFinished { try container.encode(true, forKey: .finished) }
      try container.encodeIfPresent(after.activeSeconds, forKey: .active)
      try container.encodeIfPresent(after.waiting, forKey: .waiting)
    }
    switch event {
    case .answer(let text):
      try container.encode("answer", forKey: .kind)
      try container.encode(text, forKey: .text)
    case .back: try container.encode("back", forKey: .kind)
    case .skip: try container.encode("skip", forKey: .kind)
    case .restart: try container.encode("restart", forKey: .kind)
    case .next: try container.encode("next", forKey: .kind)
    case .teamRatings(let ratings):
      try container.encode("ratings", forKey: .kind)
      try container.encode(ratings.count, forKey: .count)
      try container.encodeIfPresent(ratings.values, forKey: .values)
    case .extend(let minutes):
      try container.encode("extend", forKey: .kind)
      try container.encode(minutes, forKey: .minutes)
    case .pause: try container.encode("pause", forKey: .kind)
    case .resume: try container.encode("resume", forKey: .kind)
    case .park(let text):
      try container.encode("park", forKey: .kind)
      try container.encode(text, forKey: .text)
    case .jump(let section):
      try container.encode("jump", forKey: .kind)
      try container.encode(section, forKey: .section)
    case .stop(let reason):
      try container.encode("stop", forKey: .kind)
      try container.encode(reason, forKey: .reason)
    case .continue: try container.encode("continue", forKey: .kind)
    case .useDialogue(let snapshot):
      try container.encode("dialogue", forKey: .kind)
      try container.encode(snapshot, forKey: .snapshot)
    }
  }
}
