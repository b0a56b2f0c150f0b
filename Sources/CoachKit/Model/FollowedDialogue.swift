import Foundation

/// The dialogue a follow-up (a check-in) follows: its answers, scores and plan are readable in
/// the follow-up as `before_<name>`, with `before_date` and `before_plan`.
///
///     follows: ../trust-first
///
/// A class only so that a dialogue can hold another; it never changes after loading.
public final class FollowedDialogue: Sendable {
  public let dialogue: Dialogue
  /// The path as written, and where.
  public let path: String
  public let location: SourceLocation

  /// How the follow-up reads the earlier session's names: `before_self`, `before_focus`.
  public static let prefix = "before_"
  /// The earlier session's start date.
  public static let dateName = "before_date"
  /// The earlier session's plan, as it was rendered.
  public static let planName = "before_plan"

  public init(dialogue: Dialogue, path: String, location: SourceLocation) {
    self.dialogue = dialogue
    self.path = path
    self.location = location
  }
}

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

  /// Every answer and computed value of a finished session, prefixed, plus its date and plan.
  public init(transcript: Transcript) {
    self.init(
      dialogue: transcript.dialogue, session: transcript.session,
      startedAt: transcript.header.startedAt,
      endedAt: transcript.endedAt,
      timeZone: TimeZone(identifier: transcript.header.timeZone) ?? TimeZone(identifier: "UTC")!)
  }

  /// A session as its follow-ups left it: each follow-up's answers to questions of the same
  /// name (a re-rated item, an adjusted action) replace the session's, and the date is the
  /// latest follow-up's. `followUps` are oldest first.
  public init(transcript: Transcript, updatedBy followUps: [Transcript]) {
    guard let latest = followUps.last else {
      self.init(transcript: transcript)
      return
    }
    var session = transcript.session
    for followUp in followUps {
      for (name, value) in followUp.session.answers
      where transcript.dialogue.question(storing: name) != nil {
        session.answers[name] = value
      }
    }
    self.init(
      dialogue: transcript.dialogue, session: session, startedAt: latest.header.startedAt,
      endedAt: latest.endedAt,
      timeZone: TimeZone(identifier: latest.header.timeZone) ?? TimeZone(identifier: "UTC")!)
  }

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
