import Foundation

/// An earlier session read from its transcript, as a check-in does.
extension EarlierSession {
  /// Every answer and computed value of a finished session, prefixed, plus its date and plan.
  public init(transcript: Transcript) {
    self.init(
      dialogue: transcript.dialogue, session: transcript.session,
      startedAt: transcript.header.startedAt,
      endedAt: transcript.endedAt,
      timeZone: TimeZone(identifier: transcript.header.timeZone) ?? TimeZone(identifier: "UTC")!)
  }

  /// A session as its follow-ups left it, so that a chain session → check-in → check-in reads
  /// right (`followUps` are the finished ones, oldest first):
  ///
  /// - each follow-up's answers to questions of the session's names (a re-rated item, a
  ///   re-planned action) replace the session's, and its computed values are worked out again
  ///   from them; a question a follow-up skipped or passed over leaves the answer as it was;
  /// - the follow-ups' own answers and computed values (names the session does not have, like a
  ///   check-in's `a1_status`) are read as the latest follow-up left them: an answer as last
  ///   given, a computed value as the latest follow-up worked it out (it may read its own
  ///   `before_` value, and so carry a history from check-in to check-in);
  /// - `before_date` is the latest follow-up's, `before_session_date` the session's,
  ///   `before_follow_ups` how many came before, `before_plan` the latest follow-up's plan;
  /// - the calendar is as the latest follow-up wrote it.
  public init(transcript: Transcript, updatedBy followUps: [Transcript]) {
    guard let latest = followUps.last else {
      self.init(transcript: transcript)
      return
    }
    let followed = transcript.dialogue
    var session = transcript.session
    for followUp in followUps {
      for (name, value) in followUp.session.answers
      where value != .none && followed.question(storing: name) != nil {
        session.answers[name] = value
      }
    }
    self.init(
      dialogue: followed, session: session, startedAt: latest.header.startedAt,
      endedAt: latest.endedAt,
      timeZone: TimeZone(identifier: latest.header.timeZone) ?? TimeZone(identifier: "UTC")!)
    for followUp in followUps { carry(followUp, over: followed) }
    let zone = TimeZone(identifier: transcript.header.timeZone) ?? TimeZone(identifier: "UTC")!
    values[FollowedDialogue.sessionDateName] = .date(
      Day(transcript.header.startedAt, timeZone: zone))
    values[FollowedDialogue.followUpsName] = .number(Double(followUps.count))
    values[FollowedDialogue.planName] = latest.plan.map { Value.text($0) } ?? Value.none
    calendar = EarlierSession(transcript: transcript).calendar
    for followUp in followUps {
      let engine = followUp.header.engine(
        for: followUp.dialogue, at: followUp.endedAt, earlier: followUp.earlier)
      if engine.shouldSavePlan(in: followUp.session) {
        calendar = engine.calendarEvents(in: followUp.session)
      }
    }
  }

  /// Takes a follow-up's own names (those the followed dialogue does not have) as it left them.
  private mutating func carry(_ followUp: Transcript, over followed: Dialogue) {
    let own = followUp.dialogue
    // Against the session's dialogue as it ran (its kept copy).
    let isOwn = { FollowedDialogue.carries($0, after: followed) }
    for step in own.steps {
      guard let question = step.question, isOwn(question.variable) else { continue }
      let name = FollowedDialogue.prefix + question.variable
      kinds[name] = question.kind
      if let value = followUp.session.answers[question.variable], value != .none {
        values[name] = value
      } else if values[name] == nil {
        values[name] = Value.none
      }
    }
    let engine = followUp.header.engine(
      for: own, at: followUp.endedAt, earlier: followUp.earlier)
    for computed in own.computed where isOwn(computed.name) {
      values[FollowedDialogue.prefix + computed.name] = engine.value(
        of: computed.name, in: followUp.session)
    }
  }
}
