import Foundation

/// The agenda clock at one instant: this section's time against its budget, the session's
/// against the whole agenda, with pauses left out and extensions added.
///
///     let clock = AgendaClock(at: now, session: session, dialogue: dialogue)
///     clock.sectionElapsed  // seconds the clock ran in the current section
///     clock.nudge           // .almostUp at 80 % of the budget, .timeUp at 100 %
public struct AgendaClock: Hashable, Sendable {
  public var sectionID: String?
  public var sectionTitle: String?
  /// 1-based.
  public var sectionNumber: Int?
  public var sectionCount: Int
  /// Seconds the clock ran since the current section was last entered.
  public var sectionElapsed: TimeInterval
  /// The section's budget with its extensions, in seconds.
  public var sectionBudget: TimeInterval
  /// Seconds the clock ran since the session began.
  public var sessionElapsed: TimeInterval
  /// The agenda's total with every extension, in seconds.
  public var sessionPlanned: TimeInterval
  public var isPaused: Bool

  /// A gentle word about the section's time.
  public enum Nudge: Hashable, Sendable {
    /// 80 % of the budget is used; this many seconds are left.
    case almostUp(remaining: TimeInterval)
    /// The budget is used up.
    case timeUp
  }

  static let nudgeShare = 0.8

  public var nudge: Nudge? {
    guard sectionBudget.isFinite, sectionBudget > 0 else { return nil }
    if sectionElapsed >= sectionBudget { return .timeUp }
    if sectionElapsed >= sectionBudget * Self.nudgeShare {
      return .almostUp(remaining: sectionBudget - sectionElapsed)
    }
    return nil
  }

  public init(at now: Date, session: Session, dialogue: Dialogue) {
    let sectionID =
      session.currentStepID.flatMap { dialogue.step($0)?.sectionID } ?? session.currentSection?.id
    self.sectionID = sectionID
    sectionCount = dialogue.sections.count
    let index = sectionID.flatMap { id in dialogue.sections.firstIndex { $0.id == id } }
    sectionNumber = index.map { $0 + 1 }
    // A title with placeholders is filled in with the answers so far.
    sectionTitle = index.map { index in
      let section = dialogue.sections[index]
      guard section.titleText != nil else { return section.title }
      return Engine(dialogue: dialogue, clock: FixedClock(now)).heading(for: section.id, in: session)?
        .title ?? section.title
    }
    let budget = index.map { dialogue.sections[$0].budget } ?? 0
    let extra = sectionID.map { session.extensions[$0] ?? 0 } ?? 0
    sectionBudget = ((budget.isFinite ? budget : 0) + extra) * 60
    let since =
      session.currentSection.flatMap { $0.id == sectionID ? $0.since : nil }
      ?? sectionID.flatMap { session.sectionStarts[$0] } ?? now
    sectionElapsed = Self.activeTime(from: since, to: now, in: session)
    sessionElapsed = Self.activeTime(from: session.startedAt, to: now, in: session)
    let total = dialogue.duration.isFinite ? dialogue.duration : 0
    sessionPlanned = (total + session.extensions.values.reduce(0, +)) * 60
    isPaused = session.pausedAt != nil
  }

  /// Seconds from `start` to `end` that the clock ran: the time minus the facilitator's pauses
  /// and the time away (a pause or a stop still going counts up to `end`).
  public static func activeTime(from start: Date, to end: Date, in session: Session) -> TimeInterval
  {
    activeTime(from: start, to: end, pauses: session.timeNotCounted(until: end))
  }

  /// Seconds from `start` to `end` outside every one of `pauses`, which may overlap.
  public static func activeTime(from start: Date, to end: Date, pauses: [Pause]) -> TimeInterval {
    guard end > start else { return 0 }
    var total = end.timeIntervalSince(start)
    // Overlapping stretches (a pause that went on while nobody was there) count once.
    var coveredUntil = start
    for pause in pauses.sorted(by: { $0.from < $1.from }) {
      let from = max(pause.from, coveredUntil)
      let to = min(pause.to, end)
      if to > from {
        total -= to.timeIntervalSince(from)
        coveredUntil = to
      }
    }
    return max(total, 0)
  }
}
