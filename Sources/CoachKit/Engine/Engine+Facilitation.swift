import Foundation

/// Facilitator mode in the engine: team questions rated by each participant, and the
/// facilitator's events (`next`, `extend`, `pause`, `resume`, `park`, `jump`). Still pure: every
/// time comes from the injected clock.
extension Engine {
  /// The name the plan (and any text or expression) reads the parking lot by.
  static let parkingLotName = BuiltInNames.parkingLot

  /// With participants (a number, or the room's phones), `team: true` scale questions are rated
  /// by the room before the leader gives their own rating; other kinds are answered by the
  /// leader alone.
  public func collectsTeamRatings(_ question: Question) -> Bool {
    guard participants != nil, question.isTeamQuestion, case .scale = question.kind else {
      return false
    }
    return true
  }

  /// Whose turn it is at the team question at `step`: the room's while its round is open, then
  /// the leader's; nil when the question is not rated by the team.
  func teamTurn(at step: Step, _ question: Question, in session: Session) -> TeamTurn? {
    guard let participants, collectsTeamRatings(question) else { return nil }
    if session.teamRounds[step.id]?.isClosed == true { return .leader }
    return .room(expected: participants.count)
  }

  /// The team's ratings at `step` with the leader's own (once given), in the item's direction.
  public func teamSummary(at step: Step, _ question: Question, in session: Session) -> TeamSummary?
  {
    guard collectsTeamRatings(question), case .scale(let scale) = question.kind,
      let ratings = session.teamRounds[step.id]?.ratings
    else { return nil }
    var leader: Double?
    if case .number(let own)? = session.answers[question.variable] { leader = own }
    return TeamSummary(
      ratings, scale: scale, reversed: question.isReverseScored, leaderRating: leader)
  }

  /// Handles a facilitator event, or an answer or skip at a participant's turn; nil for anything
  /// the ordinary path handles.
  func handleFacilitation(
    _ event: Event, at step: Step, _ question: Question, in session: inout Session
  ) -> Reply? {
    var reply = Reply()
    let now = clock.now()
    let isRoundOpen =
      teamTurn(at: step, question, in: session) != .leader
      && collectsTeamRatings(question)
    switch event {
    case .teamRatings(let ratings):
      guard isRoundOpen else {
        // Ratings for a round that is not open (a log edited by hand): nothing changes.
        reply.prompt = prompt(for: step, in: session)
        return reply
      }
      if let rejection = offScale(ratings, question) {
        reply.outcome = .rejected(rejection)
        reply.prompt = prompt(for: step, in: session)
        return reply
      }
      session.teamRounds[step.id] = TeamRound(ratings: ratings)
      closed(step, question, ratings, in: session, reply: &reply)
    case .answer(let text):
      guard isRoundOpen else { return nil }
      takeEarlierTyped(text, at: step, question, in: &session, reply: &reply)
    case .skip:
      guard isRoundOpen else { return nil }
      // An earlier log's pass: a turn without a rating.
      session.teamRounds[step.id, default: TeamRound()].earlierTyped.append([])
      closeIfEveryoneTyped(step, question, in: &session, reply: &reply)
    case .next:
      if isRoundOpen {
        // An earlier log's /next closed the round with what was typed.
        session.teamRounds[step.id, default: TeamRound()].closeWithEarlierTyped()
        closed(
          step, question, session.teamRounds[step.id]?.ratings ?? .none, in: session, reply: &reply)
      } else {
        reply.outcome = .taken(record(.none, skipped: true, for: step, question, in: &session))
        reply.notice = .movedOn(stepID: step.id)
        leave(step, in: &session, reply: &reply)
        return reply
      }
    case .pause:
      if session.pausedAt == nil {
        session.pausedAt = now
        reply.notice = .paused
      } else {
        reply.notice = .clockUnchanged(isPaused: true)
      }
    case .resume:
      if let since = session.pausedAt {
        session.pauses.append(Pause(from: since, to: max(now, since)))
        session.pausedAt = nil
        reply.notice = .clockResumed
      } else {
        reply.notice = .clockUnchanged(isPaused: false)
      }
    case .extend(let minutes):
      guard minutes.isFinite, minutes > 0, minutes <= 120 else {
        reply.outcome = .rejected(Rejection(.extensionOutOfRange(minimum: 1, maximum: 120)))
        reply.prompt = prompt(for: step, in: session)
        return reply
      }
      session.extensions[step.sectionID, default: 0] += minutes
      let budget = (dialogue.section(step.sectionID)?.budget ?? 0)
      reply.notice = .extended(
        sectionID: step.sectionID, minutes: minutes,
        budget: (budget.isFinite ? budget : 0) + session.extensions[step.sectionID, default: 0])
    case .park(let text):
      let cleaned = ParkedItem.keptText(text)
      guard !cleaned.isEmpty else {
        reply.outcome = .rejected(Rejection(.nothingToPark))
        reply.prompt = prompt(for: step, in: session)
        return reply
      }
      session.parkingLot.append(ParkedItem(text: cleaned, at: now, sectionID: step.sectionID))
      reply.notice = .parked(cleaned)
    case .jump(let sectionID):
      guard let section = dialogue.section(sectionID), let first = section.steps.first else {
        reply.notice = .noSuchSection(sectionID)
        reply.prompt = prompt(for: step, in: session)
        return reply
      }
      reply.notice = .jumped(sectionID: section.id)
      enter(first.id, in: &session, reply: &reply, showingHeading: true)
      return reply
    case .back, .restart, .stop, .continue, .useDialogue:
      return nil
    }
    reply.prompt = currentPrompt(in: session)
    return reply
  }

  /// The first value of `ratings` that is not a point of the question's scale, as a rejection.
  private func offScale(_ ratings: TeamRatings, _ question: Question) -> Rejection? {
    for value in ratings.values ?? [] {
      if case .failure(let rejection) = AnswerParser.parse(
        Value.number(value).displayText, for: question.kind)
      {
        return rejection
      }
    }
    return nil
  }

  /// Says that the round at `step` closed: the leader's own rating is asked next.
  private func closed(
    _ step: Step, _ question: Question, _ ratings: TeamRatings, in session: Session,
    reply: inout Reply
  ) {
    reply.outcome = .rated(
      stepID: step.id, question: render(question.prompt, at: step, in: session), ratings)
    reply.notice = .teamRoundClosed(stepID: step.id, count: ratings.count)
  }

  /// Logs written before ratings were anonymous: a participant's rating, or everyone's at once,
  /// typed at the shared screen as an answer. Taken into the round, which closes once everyone
  /// expected has had a turn; what the session keeps is the same anonymous ratings as today's.
  private func takeEarlierTyped(
    _ text: String, at step: Step, _ question: Question, in session: inout Session,
    reply: inout Reply
  ) {
    let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
    var values: [Double] = []
    for word in words {
      switch AnswerParser.parse(String(word), for: question.kind) {
      case .success(.number(let value)): values.append(value)
      case .success: break
      case .failure(let rejection):
        reply.outcome = .rejected(rejection)
        reply.prompt = prompt(for: step, in: session)
        return
      }
    }
    guard !values.isEmpty else {
      reply.outcome = .rejected(Rejection(.answerNeeded))
      reply.prompt = prompt(for: step, in: session)
      return
    }
    var round = session.teamRounds[step.id] ?? TeamRound()
    round.earlierTyped.append(values)
    // A list typed at once was everyone's.
    if values.count > 1 { round.closeWithEarlierTyped() }
    session.teamRounds[step.id] = round
    if let ratings = round.ratings {
      closed(step, question, ratings, in: session, reply: &reply)
    } else {
      closeIfEveryoneTyped(step, question, in: &session, reply: &reply)
    }
  }

  /// An earlier log's round closed by itself once every participant had had a turn.
  private func closeIfEveryoneTyped(
    _ step: Step, _ question: Question, in session: inout Session, reply: inout Reply
  ) {
    guard var round = session.teamRounds[step.id], let expected = participants?.count,
      round.earlierTyped.count >= expected
    else { return }
    round.closeWithEarlierTyped()
    session.teamRounds[step.id] = round
    closed(step, question, round.ratings ?? .none, in: session, reply: &reply)
  }

  /// `back` at a team question before the leader has rated it: opens the round again (its
  /// ratings are asked again), or takes back an earlier log's last typed turn. False when there
  /// is nothing of the round to take back.
  func undoTeamAnswer(in session: inout Session, reply: inout Reply) -> Bool {
    guard let stepID = session.currentStepID, let step = dialogue.step(stepID),
      let question = step.question, collectsTeamRatings(question),
      var round = session.teamRounds[stepID]
    else { return false }
    if !round.earlierTyped.isEmpty {
      // An earlier log: its last typed turn is taken back, and the round is open again.
      round.earlierTyped.removeLast()
      round.ratings = nil
    } else if round.isClosed {
      round = TeamRound()
    } else {
      return false
    }
    session.teamRounds[stepID] = round.earlierTyped.isEmpty ? nil : round
    reply.notice = .teamRoundReopened(stepID: stepID)
    reply.prompt = prompt(for: step, in: session)
    return true
  }

  /// The values a dialogue reads the team's ratings by (``TeamValueName``): nil for any other
  /// name. Empty (or 0, or false) until the room has rated, and below three ratings.
  func teamValue(_ name: String, in session: Session) -> Value? {
    guard let found = TeamValueName(name, in: dialogue) else { return nil }
    guard let (step, question) = dialogue.question(storing: found.variable),
      let summary = teamSummary(at: step, question, in: session)
    else { return found.field.emptyValue }
    switch found.field {
    case .count: return .number(Double(summary.count))
    case .blindSpot: return .bool(summary.isBlindSpot)
    case .mean, .median:
      guard summary.isShown, let values = session.teamRounds[step.id]?.ratings?.values else {
        return Value.none
      }
      return .number(
        found.field == .median ? summary.median : values.reduce(0, +) / Double(values.count))
    }
  }
}

extension Session {
  /// After a restart: what the facilitator noted stays (the parking lot, the clock's pauses and
  /// the sections' extensions); the answers go.
  mutating func keepFacilitation(of earlier: Session) {
    parkingLot = earlier.parkingLot
    extensions = earlier.extensions
    pauses = earlier.pauses
    pausedAt = earlier.pausedAt
  }
}
