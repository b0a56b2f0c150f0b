import Foundation

/// Everything that happened in a session, rebuilt from its log by replaying the events through
/// the engine: the one source of truth for resume, undo and every export.
///
///     let transcript = Transcript.replay(header: header, entries: entries, dialogue: dialogue)
///     print(TranscriptFormat.markdown.render(transcript))
public struct Transcript: Sendable {
  public var header: LogHeader
  /// The dialogue the session runs on at the end (the one it began with, unless it moved on
  /// to a changed version when it was resumed).
  public var dialogue: Dialogue
  public var items: [Item]
  /// The session after the last event.
  public var session: Session
  /// The plan, rendered with the final answers, once the dialogue has ended.
  public var plan: String?
  /// When the last event happened.
  public var endedAt: Date
  /// For a check-in: the session it follows, as it read it.
  public var earlier: EarlierSession = .none
  /// Logged events skipped because they came at another step than the session was at (see
  /// ``Replay/fits(_:)``).
  public var misplaced: [LogEntry] = []
  /// Where the answers that stand at the end are in `items`.
  private var standing: [Int]

  public enum Item: Sendable {
    case section(SectionHeading, startedAt: Date)
    case said(String, stepID: String)
    case answered(Answer)
    case wentBack(stepID: String, at: Date)
    case restarted(at: Date)
    /// Facilitator mode: a command, a team's rating, or what the ratings add up to.
    case facilitation(FacilitationEvent, at: Date)
    /// The session went on with a changed version of its dialogue: `withdrawn` answers that no
    /// longer fitted were taken back, to be asked again.
    case dialogueChanged(version: String, withdrawn: Int, at: Date)
  }

  public var isFinished: Bool { session.isFinished }

  /// Replays `entries` through the engine; each event sees the clock at its own time. The
  /// session began with `dialogue`; `dialogues` are the versions it moved onto, by snapshot id.
  public static func replay(
    header: LogHeader, entries: [LogEntry], dialogue: Dialogue, earlier: EarlierSession = .none,
    dialogues: [String: Dialogue] = [:]
  ) -> Transcript {
    var replay = Replay(header: header, dialogue: dialogue, earlier: earlier, dialogues: dialogues)
    var items = Self.items(from: replay.opening, at: header.startedAt)
    var endedAt = header.startedAt
    // The standing answers (indices in `items`) after each event the session stands on, so a
    // change of dialogue can go back to those of the events it keeps.
    var standing: [Int] = []
    var history: [[Int]] = []
    for entry in entries {
      guard replay.fits(entry) else {
        _ = replay.apply(entry)
        continue
      }
      let reply = replay.apply(entry)
      endedAt = entry.at
      if case .useDialogue = entry.event {
        let kept = replay.keptAtLastChange
        let before = standing.count
        standing = kept > 0 ? history[kept - 1] : []
        history = Array(history.prefix(kept))
        while history.count < replay.standing.count { history.append(standing) }
        items.append(
          .dialogueChanged(
            version: replay.dialogue.version, withdrawn: max(before - standing.count, 0),
            at: entry.at))
        continue
      }
      if case .rated(let stepID, let question, let ratings) = reply.outcome {
        // The room's ratings of a team question: how many, never who gave which.
        items.append(
          .facilitation(
            .teamRatings(stepID: stepID, question: question, count: ratings.count), at: entry.at))
      }
      if let note = Self.facilitation(entry.event, reply.notice, replay.dialogue) {
        items.append(.facilitation(note, at: entry.at))
      }
      if let answer = reply.takenAnswer {
        standing.append(items.count)
        items.append(.answered(answer))
      }
      switch (entry.event, reply.notice) {
      case (.back, .wentBack(let stepID)?):
        // `back` undoes the latest answer, as the engine's does.
        _ = standing.popLast()
        items.append(.wentBack(stepID: stepID, at: entry.at))
      case (.restart, _):
        standing.removeAll()
        items.append(.restarted(at: entry.at))
      default: break
      }
      // Going on shows the section's heading again; the section is not entered again.
      if entry.event != .continue { items += Self.items(from: reply, at: entry.at) }
      history.append(standing)
    }
    let plan =
      replay.session.isFinished
      ? replay.engine.at(endedAt).renderedPlan(in: replay.session) : nil
    return Transcript(
      header: header, dialogue: replay.dialogue, items: items, session: replay.session,
      plan: plan, endedAt: endedAt, earlier: earlier, misplaced: replay.misplaced,
      standing: standing)
  }

  private static func items(from reply: Reply, at date: Date) -> [Item] {
    reply.lines.compactMap { line in
      switch line {
      case .section(let heading): .section(heading, startedAt: date)
      case .say(let text, let stepID): .said(text, stepID: stepID)
      case .notes: nil
      case .teamSummary(let summary, let stepID):
        .facilitation(.teamSummary(stepID: stepID, summary), at: date)
      }
    }
  }

  /// The transcript's note of a facilitator's event that took effect.
  private static func facilitation(_ event: Event, _ notice: Reply.Notice?, _ dialogue: Dialogue)
    -> FacilitationEvent?
  {
    switch (event, notice) {
    case (.pause, .paused?): return .paused
    case (.resume, .clockResumed?): return .resumed
    case (.extend(let minutes), .extended(let sectionID, _, _)?):
      return .extended(
        sectionID: sectionID, title: dialogue.section(sectionID)?.title ?? sectionID,
        minutes: minutes)
    case (.park, .parked(let text)?): return .parked(text)
    case (.jump, .jumped(let sectionID)?):
      return .jumped(sectionID: sectionID, title: dialogue.section(sectionID)?.title ?? sectionID)
    case (.next, .movedOn(let stepID)?): return .movedOn(stepID: stepID)
    case (.back, .teamRoundReopened(let stepID)?): return .roundReopened(stepID: stepID)
    default: return nil
    }
  }

  /// Topics parked during the session, oldest first.
  public var parkingLot: [ParkedItem] { session.parkingLot }

  /// The answers that stand at the end, in order, as they were shown.
  public var finalAnswers: [Answer] {
    standing.compactMap { index in
      if case .answered(let answered) = items[index] { return answered }
      return nil
    }
  }

  /// The same transcript without what was taken back: answers undone with `/back`, forgotten
  /// by `/restart` or withdrawn by a change of dialogue, and those events themselves. For
  /// sharing a record of what stands.
  public var withoutWithdrawnAnswers: Transcript {
    let kept = Set(standing)
    var copy = self
    copy.items = []
    copy.standing = []
    for (index, item) in items.enumerated() {
      switch item {
      case .answered:
        guard kept.contains(index) else { continue }
        copy.standing.append(copy.items.count)
      case .wentBack, .restarted, .dialogueChanged: continue
      default: break
      }
      copy.items.append(item)
    }
    return copy
  }

  /// The time someone was there, in seconds: from the start to the last event, without the time
  /// away (the facilitator's pauses count: the room was there).
  public var activeTime: TimeInterval {
    AgendaClock.activeTime(from: header.startedAt, to: endedAt, pauses: breaks)
  }

  /// The stretches of time away between a stop (or a crash) and the session going on.
  public var breaks: [Pause] { session.timeAway(until: endedAt) }

  /// The days the session ran on, in its own time zone, first to last: the start, the end, and
  /// each day it stopped or went on (a day spent wholly away is not one of them).
  public var days: [Day] {
    let zone = TimeZone(identifier: header.timeZone) ?? TimeZone(identifier: "UTC")!
    let edges = [header.startedAt, endedAt] + breaks.flatMap { [$0.from, $0.to] }
    return Set(edges.map { Day($0, timeZone: zone) }).sorted()
  }

  /// Planned and actual minutes per section, in the order the session entered them. Planned
  /// includes the minutes `/extend` added; actual leaves out the time the clock was paused, and
  /// adds up every visit of a section (`/jump` may return to one).
  public var sectionTimes: [(heading: SectionHeading, planned: Double, actual: Double)] {
    var starts: [(SectionHeading, Date)] = []
    for item in items {
      if case .section(let heading, let at) = item { starts.append((heading, at)) }
    }
    let pauses = session.timeNotCounted(until: endedAt)
    var rows: [(heading: SectionHeading, planned: Double, actual: Double)] = []
    for (index, start) in starts.enumerated() {
      let end = index + 1 < starts.count ? starts[index + 1].1 : endedAt
      let actual = AgendaClock.activeTime(from: start.1, to: end, pauses: pauses) / 60
      if let row = rows.firstIndex(where: { $0.heading.id == start.0.id }) {
        rows[row].actual += actual
      } else {
        let planned = start.0.budget + (session.extensions[start.0.id] ?? 0)
        rows.append((start.0, planned, actual))
      }
    }
    return rows
  }
}
