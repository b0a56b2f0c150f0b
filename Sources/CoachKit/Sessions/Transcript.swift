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
    let timeZone = TimeZone(identifier: header.timeZone) ?? TimeZone(identifier: "UTC")!
    let start = Engine(
      dialogue: dialogue, clock: FixedClock(header.startedAt, timeZone: timeZone), earlier: earlier)
    var (session, reply) = start.start()
    var items: [Item] = []
    items += Self.items(from: reply, at: header.startedAt)
    var endedAt = header.startedAt
    var divergence: Divergence?
    for (index, entry) in entries.enumerated() {
      let engine = start.at(entry.at)
      let asked = engine.currentPrompt(in: session)
      if divergence == nil, let logged = entry.step, logged != session.currentStepID {
        divergence = Divergence(
          eventNumber: index + 1, loggedStep: logged, currentStep: session.currentStepID)
      }
      reply = engine.handle(entry.event, in: &session)
      endedAt = entry.at
      switch entry.event {
      case .answer, .skip:
        guard reply.rejection == nil, let asked, let turn = session.trail.last,
          turn.stepID == asked.stepID,
          turn.at == entry.at
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
      }
    }
  }

  /// The answers that stand at the end (later answers replace undone ones), in order.
  public var finalAnswers: [Answered] {
    var standing: [Answered] = []
    for item in items {
      switch item {
      case .answered(let answered): standing.append(answered)
      case .wentBack(let stepID, _):
        if let index = standing.lastIndex(where: { $0.stepID == stepID }) {
          standing.removeSubrange(index...)
        }
      case .restarted: standing.removeAll()
      default: break
      }
    }
    return standing
  }

  /// Planned and actual minutes per section, in agenda order, for the sections the session entered.
  public var sectionTimes: [(heading: SectionHeading, planned: Double, actual: Double)] {
    var starts: [(SectionHeading, Date)] = []
    for item in items {
      if case .section(let heading, let at) = item { starts.append((heading, at)) }
    }
    return starts.enumerated().map { index, start in
      let end = index + 1 < starts.count ? starts[index + 1].1 : endedAt
      return (start.0, start.0.budget, max(end.timeIntervalSince(start.1), 0) / 60)
    }
  }
}
