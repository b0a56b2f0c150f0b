import Foundation

/// The first line of a session's log: which dialogue, which version of it, and when it began.
///
///     {"format":1,"kind":"header","session":"20261129-090000-3f2a","dialogue":"trust-first",...}
public struct LogHeader: Hashable, Sendable, Codable {
  public var format: Int
  public var kind: String
  public var session: String
  public var dialogue: String
  public var dialogueVersion: String
  public var dialogueTitle: String
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

/// One line of a session's log after the header: something the person did, and when.
///
///     {"at":"2026-11-29T09:01:12.000Z","kind":"answer","step":"baseline","text":"4"}
///     {"at":"2026-11-29T09:01:20.000Z","kind":"back","step":"why_not_lower"}
///     {"at":"2026-11-29T09:02:00.000Z","kind":"park","step":"baseline","text":"Hiring freeze"}
///     {"at":"2026-11-29T09:02:10.000Z","kind":"extend","minutes":2,"step":"baseline"}
///     {"at":"2026-11-29T09:02:20.000Z","kind":"jump","section":"self","step":"baseline"}
///     {"at":"2026-11-29T09:05:00.000Z","kind":"stop","reason":"quit","step":"baseline"}
///     {"at":"2026-11-30T08:00:00.000Z","kind":"continue","step":"baseline"}
///     {"at":"2026-11-30T08:00:00.000Z","kind":"dialogue","snapshot":"fnv1a64:…","step":"baseline"}
public struct LogEntry: Hashable, Sendable, Codable {
  public var at: Date
  public var event: Event
  /// The step that was waiting when the event came: a resume checks that an edited dialogue
  /// still leads to the same steps.
  public var step: String?

  public init(at: Date, event: Event, step: String? = nil) {
    self.at = at
    self.event = event
    self.step = step
  }

  private enum CodingKeys: String, CodingKey {
    case at, kind, text, step, minutes, section, reason, snapshot
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    at = try container.decode(Date.self, forKey: .at)
    step = try container.decodeIfPresent(String.self, forKey: .step)
    let kind = try container.decode(String.self, forKey: .kind)
    switch kind {
    case "answer": event = .answer(try container.decode(String.self, forKey: .text))
    case "back": event = .back
    case "skip": event = .skip
    case "restart": event = .restart
    case "next": event = .next
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
    switch event {
    case .answer(let text):
      try container.encode("answer", forKey: .kind)
      try container.encode(text, forKey: .text)
    case .back: try container.encode("back", forKey: .kind)
    case .skip: try container.encode("skip", forKey: .kind)
    case .restart: try container.encode("restart", forKey: .kind)
    case .next: try container.encode("next", forKey: .kind)
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

extension JSONEncoder {
  /// How log lines are written: one line, keys sorted, ISO 8601 times.
  public static var logLine: JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .custom { date, encoder in
      var container = encoder.singleValueContainer()
      try container.encode(LogTime.format(date))
    }
    return encoder
  }
}

extension JSONDecoder {
  public static var logLine: JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .custom { decoder in
      let container = try decoder.singleValueContainer()
      let text = try container.decode(String.self)
      guard let date = LogTime.parse(text) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "not a time: \(text)")
      }
      return date
    }
    return decoder
  }
}

/// Times in logs: ISO 8601 in UTC with milliseconds, e.g. `2026-11-29T09:01:12.345Z`.
public enum LogTime {
  /// Written by hand rather than with a date format style: that would load ICU's calendar data,
  /// several megabytes and milliseconds, before the first answer is saved.
  public static func format(_ date: Date) -> String {
    let milliseconds = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
    let (days, rest) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
    let dayNumber = rest < 0 ? days - 1 : days
    let ms = rest < 0 ? rest + 86_400_000 : rest
    let day = Day(daysSince1970: dayNumber)
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
    return
      "\(day.iso)T\(pad(ms / 3_600_000, 2)):\(pad(ms / 60_000 % 60, 2)):\(pad(ms / 1000 % 60, 2)).\(pad(ms % 1000, 3))Z"
  }

  /// Reads what `format` writes (`2026-11-29T09:01:12.345Z`), and other ISO 8601 times.
  public static func parse(_ text: String) -> Date? {
    let parts = text.split(separator: "T")
    if parts.count == 2, let day = Day(iso: String(parts[0])), parts[1].hasSuffix("Z") {
      let clock = parts[1].dropLast().split(separator: ":")
      if clock.count == 3, let hours = Int(clock[0]), let minutes = Int(clock[1]),
        let seconds = Double(clock[2])
      {
        return Date(
          timeIntervalSince1970: Double(day.daysSince1970) * 86_400
            + Double(hours * 3600 + minutes * 60)
            + seconds)
      }
    }
    return try? Date(text, strategy: .iso8601)
  }
}
