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
}
