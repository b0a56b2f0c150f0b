import Foundation

/// Everything that happened in a session, rebuilt from its log by replaying the events through
/// the engine: the one source of truth for resume, undo and every export.
///
///     let transcript = Transcript.replay(header: header, entries: entries, dialogue: dialogue)
///     print(MarkdownExport().render(transcript))
public struct Transcript: Sendable {
  public var header: LogHeader
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
  /// The first logged event that came at another step than the dialogue now leads to: the
  /// dialogue was edited in a way the session no longer fits. Nil when every event fits.
  public var divergence: Divergence?

  public struct Divergence: Sendable, Equatable {
    /// The 1-based number of the event in the log (the header is line 1, so it is on line n + 1).
    public var eventNumber: Int
    public var loggedStep: String
    /// Where the dialogue now is at that point; nil when it has ended.
    public var currentStep: String?
  }

  public enum Item: Sendable {
    case section(SectionHeading, startedAt: Date)
    case said(String, stepID: String)
    case answered(Answered)
    case wentBack(stepID: String, at: Date)
    case restarted(at: Date)
    /// Facilitator mode: a command, a team's rating, or what the ratings add up to.
    case facilitation(FacilitationEvent, at: Date)
  }

  public struct Answered: Sendable {
    public var stepID: String
    public var sectionID: String
    public var question: String
    /// The answer as it reads: an option's label, "yes", "0.5".
    public var answer: String
    public var value: Value
    public var wasSkipped: Bool
    public var at: Date
  }

  public var isFinished: Bool { session.isFinished }

  /// Replays `entries` through the engine; each event sees the clock at its own time.
  public static func replay(
    header: LogHeader, entries: [LogEntry], dialogue: Dialogue, earlier: EarlierSession = .none
  ) -> Transcript {
    let start = header.engine(for: dialogue, at: header.startedAt, earlier: earlier)
    var (session, reply) = start.start()
    var items: [Item] = []
    items += Self.items(from: reply, at: header.startedAt)
    var endedAt = header.startedAt
    var divergence: Divergence?
    for (index, entry) in entries.enumerated() {
      let engine = start.at(entry.at)
      let asked = engine.currentPrompt(in: session)
      let before = session
      if divergence == nil, let logged = entry.step, logged != session.currentStepID {
        divergence = Divergence(
          eventNumber: index + 1, loggedStep: logged, currentStep: session.currentStepID)
      }
      let trailBefore = session.trail.count
      reply = engine.handle(entry.event, in: &session)
      endedAt = entry.at
      if let asked, asked.participant != nil {
        // A participant's turn at a team question: their ratings, not an answer of the leader's.
        let earlier = before.teamRounds[asked.stepID]?.answers.count ?? 0
        for answer in (session.teamRounds[asked.stepID]?.answers ?? []).dropFirst(earlier) {
          items.append(
            .facilitation(
              .teamAnswer(
                stepID: asked.stepID, question: asked.text, participant: answer.participant,
                rating: answer.value), at: entry.at))
        }
      }
      if let note = Self.facilitation(entry.event, reply.notice, dialogue) {
        items.append(.facilitation(note, at: entry.at))
      }
      switch entry.event {
      case .answer, .skip, .next:
        // An answer was taken when the trail grew by a turn for the question that was asked.
        guard reply.rejection == nil, let asked, asked.participant == nil,
          session.trail.count == trailBefore + 1, let turn = session.trail.last,
          turn.stepID == asked.stepID
        else { break }
        items.append(
          .answered(
            Answered(
              stepID: asked.stepID, sectionID: asked.sectionID, question: asked.text,
              answer: turn.wasSkipped && turn.value == .none
                ? "" : engine.displayText(of: turn.value, for: asked.kind),
              value: turn.value, wasSkipped: turn.wasSkipped, at: entry.at)))
      case .back:
        if case .wentBack(let stepID) = reply.notice {
          items.append(.wentBack(stepID: stepID, at: entry.at))
        }
      case .restart:
        items.append(.restarted(at: entry.at))
      case .extend, .pause, .resume, .park, .jump:
        break
      }
      items += Self.items(from: reply, at: entry.at)
    }
    let last = start.at(endedAt)
    let plan = session.isFinished ? dialogue.plan.map { last.render($0.text, in: session) } : nil
    return Transcript(
      header: header, dialogue: dialogue, items: items, session: session, plan: plan,
      endedAt: endedAt, earlier: earlier, divergence: divergence)
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
    case (.next, .teamRoundClosed(let stepID)?): return .roundClosed(stepID: stepID)
    default: return nil
    }
  }

  /// Topics parked during the session, oldest first.
  public var parkingLot: [ParkedItem] { session.parkingLot }

  /// The answers that stand at the end, in order, as they were shown.
  public var finalAnswers: [Answered] {
    standingIndices.compactMap { index in
      if case .answered(let answered) = items[index] { return answered }
      return nil
    }
  }

  /// Where the standing answers are in `items`: each `back` undoes the latest answer (as the
  /// engine's does), each `restart` all of them.
  private var standingIndices: [Int] {
    var standing: [Int] = []
    for (index, item) in items.enumerated() {
      switch item {
      case .answered: standing.append(index)
      case .wentBack: _ = standing.popLast()
      case .restarted: standing.removeAll()
      default: break
      }
    }
    return standing
  }

  /// The same transcript without what was taken back: answers undone with `/back` or forgotten
  /// by `/restart`, and those events themselves. For sharing a record of what stands.
  public var withoutWithdrawnAnswers: Transcript {
    let standing = Set(standingIndices)
    var copy = self
    copy.items = items.enumerated().compactMap { index, item in
      switch item {
      case .answered: standing.contains(index) ? item : nil
      case .wentBack, .restarted: nil
      default: item
      }
    }
    return copy
  }

  /// Planned and actual minutes per section, in the order the session entered them. Planned
  /// includes the minutes `/extend` added; actual leaves out the time the clock was paused, and
  /// adds up every visit of a section (`/jump` may return to one).
  public var sectionTimes: [(heading: SectionHeading, planned: Double, actual: Double)] {
    var starts: [(SectionHeading, Date)] = []
    for item in items {
      if case .section(let heading, let at) = item { starts.append((heading, at)) }
    }
    var pauses = session.pauses
    if let pausedAt = session.pausedAt { pauses.append(Pause(from: pausedAt, to: endedAt)) }
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
