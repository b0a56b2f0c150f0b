import Foundation

/// The values of an earlier session, as a follow-up reads them (`before_…`), with the kinds of
/// its questions so that a choice reads as its label.
public struct EarlierSession: Sendable {
  public var values: [String: Value]
  public var kinds: [String: AnswerKind]

  public init(values: [String: Value] = [:], kinds: [String: AnswerKind] = [:]) {
    self.values = values
    self.kinds = kinds
  }

  public static let none = EarlierSession()
}

extension EarlierSession {
  /// Every answer and computed value of a session of `dialogue`, prefixed, plus its date and
  /// (once it finished) its plan.
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
    values[FollowedDialogue.dateName] = .date(Day(startedAt, timeZone: timeZone))
    values[FollowedDialogue.planName] =
      session.isFinished
      ? engine.renderedPlan(in: session).map { Value.text($0) } ?? Value.none : Value.none
    self.init(values: values, kinds: kinds)
  }
}
