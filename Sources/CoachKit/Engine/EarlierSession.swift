import Foundation

/// The values of an earlier session, as a follow-up reads them (`before_…`), with the kinds of
/// its questions so that a choice reads as its label, and the calendar events its plan left.
public struct EarlierSession: Sendable {
  public var values: [String: Value]
  public var kinds: [String: AnswerKind]
  /// The plan's calendar events as the session (and the follow-ups on it) last wrote them, not
  /// counting cancelled ones: a follow-up that no longer writes one of them cancels it.
  public var calendar: [CalendarEvent]

  public init(
    values: [String: Value] = [:], kinds: [String: AnswerKind] = [:],
    calendar: [CalendarEvent] = []
  ) {
    self.values = values
    self.kinds = kinds
    self.calendar = calendar
  }

  public static let none = EarlierSession()
}

extension EarlierSession {
  /// Every answer and computed value of a session of `dialogue`, prefixed, plus its date and
  /// (once it finished) its plan and calendar events.
  public init(
    dialogue: Dialogue, session: Session, startedAt: Date, endedAt: Date, timeZone: TimeZone
  ) {
    let engine = Engine(dialogue: dialogue, clock: FixedClock(endedAt, timeZone: timeZone))
    var values: [String: Value] = [:]
    var kinds: [String: AnswerKind] = [:]
    for step in dialogue.steps {
      guard let question = step.question else { continue }
      let name = FollowedDialogue.prefix + question.variable
      values[name] = session.answers[question.variable] ?? Value.none
      kinds[name] = question.kind
    }
    for computed in dialogue.computed {
      values[FollowedDialogue.prefix + computed.name] = engine.value(of: computed.name, in: session)
    }
    let day = Value.date(Day(startedAt, timeZone: timeZone))
    values[FollowedDialogue.dateName] = day
    values[FollowedDialogue.sessionDateName] = day
    values[FollowedDialogue.followUpsName] = .number(0)
    values[FollowedDialogue.planName] =
      session.isFinished
      ? engine.renderedPlan(in: session).map { Value.text($0) } ?? Value.none : Value.none
    let calendar =
      session.isFinished && engine.shouldSavePlan(in: session)
      ? engine.calendarEvents(in: session) : []
    self.init(values: values, kinds: kinds, calendar: calendar)
  }
}
