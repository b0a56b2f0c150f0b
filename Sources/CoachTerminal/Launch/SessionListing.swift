import CoachKit
import Foundation

/// What `coach sessions` says about each saved session, worked out once for both of its forms:
/// the table for people and `--json` for scripts (its shape is `docs/sessions.schema.json`).
/// Check-ins are listed right after the session they follow.
///
///     let listing = SessionListing(sessions: try SavedSessions(launch: launch))
///     print(listing.json())
public struct SessionListing {
  /// One saved session, as listed.
  public struct Entry: Equatable, Sendable {
    public var id: String
    /// The dialogue's id, and its title as the session ran it.
    public var dialogue: String
    public var title: String
    public var startedAt: Date
    /// When the last event was kept.
    public var lastActivityAt: Date
    public var timeZone: String
    /// When it started, in its time zone: "2026-11-29 09:01".
    public var startedLocally: String
    /// Minutes someone was there, without the time away; nil when the session cannot be
    /// replayed (its dialogue is gone).
    public var activeMinutes: Double?
    public var state: State
    /// Answers that stand (taken back ones not counted); nil when it cannot be replayed.
    public var answers: Int?
    /// For an unfinished session: the section its waiting question is in.
    public var waitingIn: Place?
    /// For a check-in: the session it follows.
    public var follows: String?
    /// The check-ins that followed this session, oldest first.
    public var checkins: [String]
    /// Run for a room (`coach run --facilitator`).
    public var facilitated: Bool
    /// Finished, but its plan was never written (`coach resume ID` writes it).
    public var lacksItsPlan = false
    /// Why its log cannot be read at all (then only its id is known).
    public var damage: String?

    public enum State: String, Encodable, Sendable {
      case finished, unfinished
      /// Its dialogue cannot be found, or its log's first line cannot be read, so it cannot be
      /// replayed.
      case unreadable
    }

    public struct Place: Encodable, Equatable, Sendable {
      public var section: Int
      public var sections: Int
      public var title: String
    }
  }

  public var entries: [Entry]
  /// Logs that could not be read, said as warnings.
  public var problems: [String]

  public init(sessions: SavedSessions) {
    let all = sessions.store.list()
    problems = all.problems
    let ids = Set(all.sessions.map(\.id))
    // Each session's check-ins, found once: a thousand sessions list in linear time.
    var checkinsOf: [String: [SessionStore.Saved]] = [:]
    for saved in all.sessions {
      if let followed = saved.header.follows { checkinsOf[followed, default: []].append(saved) }
    }
    var ordered: [SessionStore.Saved] = []
    for saved in all.sessions where saved.header.follows.map({ !ids.contains($0) }) ?? true {
      ordered.append(saved)
      if saved.header.follows == nil { ordered += checkinsOf[saved.id] ?? [] }
    }
    entries = ordered.map { saved in
      let checkins = (checkinsOf[saved.id] ?? []).map(\.id)
      // How it stands, from its log's last line and its dialogue; older logs are replayed.
      if let standing = saved.standing, standing.activeSeconds != nil,
        let dialogue = sessions.dialogue(of: saved)
      {
        var entry = Self.entry(for: saved, standing: standing, in: dialogue, checkins: checkins)
        entry.lacksItsPlan = standing.isFinished && sessions.lacksItsPlan(saved)
        return entry
      }
      guard saved.isReplayedToList else {
        var entry = Self.entry(for: saved, opened: nil, checkins: checkins)
        entry.damage =
          "its end says nothing of how it stood, and at \(saved.size >> 20) MiB it is not read whole to list it; 'coach export \(saved.id) --format json' shows what it holds, 'coach sessions delete \(saved.id)' removes it"
        return entry
      }
      return Self.entry(for: saved, opened: try? sessions.open(saved), checkins: checkins)
    }
    // Logs that cannot be read at all: listed by id, to be exported or deleted.
    entries += all.damaged.map { damaged in
      Entry(
        id: damaged.id, dialogue: "", title: "", startedAt: damaged.modified,
        lastActivityAt: damaged.modified, timeZone: "UTC", startedLocally: "", activeMinutes: nil,
        state: .unreadable, answers: nil, waitingIn: nil, follows: nil, checkins: [],
        facilitated: false, damage: damaged.problem)
    }
  }

  private static func entry(
    for saved: SessionStore.Saved, standing: LogEntry.Standing, in dialogue: Dialogue,
    checkins: [String]
  ) -> Entry {
    var entry = entry(for: saved, opened: nil, checkins: checkins)
    entry.activeMinutes = ((standing.activeSeconds ?? 0) / 60 * 10).rounded() / 10
    entry.answers = standing.answered
    entry.state = standing.isFinished ? .finished : .unfinished
    if let stepID = standing.waiting, let sectionID = dialogue.step(stepID)?.sectionID,
      let index = dialogue.sections.firstIndex(where: { $0.id == sectionID })
    {
      entry.waitingIn = Entry.Place(
        section: index + 1, sections: dialogue.sections.count,
        title: dialogue.sections[index].title)
    }
    return entry
  }

  private static func entry(
    for saved: SessionStore.Saved, opened: SavedSessions.Opened?, checkins: [String]
  ) -> Entry {
    let header = saved.header
    var entry = Entry(
      id: saved.id, dialogue: header.dialogue, title: header.dialogueTitle,
      startedAt: header.startedAt, lastActivityAt: saved.lastActivity, timeZone: header.timeZone,
      startedLocally: LocalTime(header).dateTime(header.startedAt), activeMinutes: nil,
      state: .unreadable, answers: nil, waitingIn: nil,
      follows: header.follows, checkins: checkins, facilitated: header.facilitated ?? false)
    guard let opened else { return entry }
    let transcript = opened.transcript
    entry.activeMinutes = (transcript.activeTime / 60 * 10).rounded() / 10
    entry.answers = transcript.finalAnswers.count
    entry.state = transcript.isFinished ? .finished : .unfinished
    if let stepID = transcript.session.currentStepID {
      for dialogue in [opened.dialogue] + opened.dialogues.values {
        guard let sectionID = dialogue.step(stepID)?.sectionID,
          let index = dialogue.sections.firstIndex(where: { $0.id == sectionID })
        else { continue }
        entry.waitingIn = Entry.Place(
          section: index + 1, sections: dialogue.sections.count,
          title: dialogue.sections[index].title)
        break
      }
    }
    return entry
  }

  /// The JSON array `coach sessions --json` prints (see `docs/sessions.schema.json`).
  public func json() -> String {
    let encoder = JSONEncoder.logLine
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(entries.map(Record.init)) else { return "[]\n" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// An entry as JSON has it: every key present, `null` where there is no value.
  private struct Record: Encodable {
    var entry: Entry
    init(_ entry: Entry) { self.entry = entry }

    enum Keys: String, CodingKey {
      case id, dialogue, title, startedAt, lastActivityAt, timeZone, activeMinutes, state
      case answers, waitingIn, follows, checkins, facilitated
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: Keys.self)
      try container.encode(Sanitizer.clean(entry.id), forKey: .id)
      try container.encode(Sanitizer.clean(entry.dialogue), forKey: .dialogue)
      try container.encode(Sanitizer.clean(entry.title), forKey: .title)
      try container.encode(entry.startedAt, forKey: .startedAt)
      try container.encode(entry.lastActivityAt, forKey: .lastActivityAt)
      try container.encode(entry.timeZone, forKey: .timeZone)
      try container.encode(entry.activeMinutes, forKey: .activeMinutes)
      try container.encode(entry.state, forKey: .state)
      try container.encode(entry.answers, forKey: .answers)
      try container.encode(entry.waitingIn, forKey: .waitingIn)
      try container.encode(entry.follows, forKey: .follows)
      try container.encode(entry.checkins, forKey: .checkins)
      try container.encode(entry.facilitated, forKey: .facilitated)
    }
  }

  /// The table for people: id (check-ins under their session), dialogue, start, progress.
  public func table() -> String {
    var rows = [["id", "dialogue", "started", "progress"]]
    for entry in entries {
      var progress: String
      switch entry.state {
      case .unreadable:
        progress = "cannot be read (\(entry.damage ?? "its dialogue is not found"))"
      case .finished, .unfinished:
        let answered = entry.answers ?? 0
        let answers = "\(answered) answer\(answered == 1 ? "" : "s")"
        if entry.state == .finished {
          progress = "finished, \(answers)"
          if entry.lacksItsPlan {
            progress += "; plan not written: 'coach resume \(entry.id)' writes it"
          }
        } else if let place = entry.waitingIn {
          progress = "section \(place.section) of \(place.sections), \(answers) so far"
        } else {
          progress = "\(answers) so far"
        }
      }
      let isListedCheckin = entry.follows.map { id in entries.contains { $0.id == id } } ?? false
      rows.append([
        isListedCheckin ? "└ " + entry.id : entry.id, entry.dialogue, entry.startedLocally,
        progress,
      ])
    }
    // Columns as wide as their widest cell, two spaces apart.
    let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      (0..<3).map { row[$0].padding(toLength: widths[$0] + 2, withPad: " ", startingAt: 0) }
        .joined() + row[3]
    }.joined(separator: "\n") + "\n"
  }
}
