import Foundation

/// Facilitator mode in the engine: team questions rated by each participant, and the
/// facilitator's events (`next`, `extend`, `pause`, `resume`, `park`, `jump`). Still pure: every
/// time comes from the injected clock.
extension Engine {
  /// The name the plan (and any text or expression) reads the parking lot by.
  static let parkingLotName = BuiltInNames.parkingLot

  /// With participants, `team: true` scale questions are rated by each of them before the leader
  /// gives their own rating; other kinds are answered by the leader alone.
  public func collectsTeamRatings(_ question: Question) -> Bool {
    guard participants != nil, question.isTeamQuestion, case .scale = question.kind else {
      return false
    }
    return true
  }

  /// Whose rating the team question at `step` waits for; nil when it is the leader's turn (or the
  /// question is not rated by the team).
  func participantTurn(at step: Step, _ question: Question, in session: Session)
    -> ParticipantTurn?
  {
    guard let participants, collectsTeamRatings(question) else { return nil }
    let round = session.teamRounds[step.id] ?? TeamRound()
    guard !round.isClosed, round.answers.count < participants.count else { return nil }
    let index = round.answers.count
    return ParticipantTurn(
      index: index, count: participants.count, label: participants.label(index),
      acceptsList: round.answers.isEmpty)
  }

  /// The team's ratings at `step` with the leader's own, once the leader has answered.
  public func teamSummary(at step: Step, _ question: Question, in session: Session) -> TeamSummary?
  {
    guard collectsTeamRatings(question), case .scale(let scale) = question.kind,
      let round = session.teamRounds[step.id]
    else { return nil }
    var leader: Double?
    if case .number(let own)? = session.answers[question.variable] { leader = own }
    return TeamSummary(values: round.values, scale: scale, leaderRating: leader)
  }

  /// Handles a facilitator event, or an answer or skip at a participant's turn; nil for anything
  /// the ordinary path handles.
  func handleFacilitation(
    _ event: Event, at step: Step, _ question: Question, in session: inout Session
  ) -> Reply? {
    var reply = Reply()
    let now = clock.now()
    let turn = participantTurn(at: step, question, in: session)
    switch event {
    case .answer(let text):
      guard let turn else { return nil }
      takeRatings(text, turn: turn, at: step, question, in: &session, reply: &reply)
    case .skip:
      guard let turn else { return nil }
      let pass = TeamAnswer(participant: participants?.key(turn.index), value: nil, at: now)
      session.teamRounds[step.id, default: TeamRound()].answers.append(pass)
      reply.outcome = .rated(
        stepID: step.id, question: render(question.prompt, at: step, in: session), [pass])
      reply.notice = .participantPassed(turn.label)
    case .next:
      if turn != nil {
        session.teamRounds[step.id, default: TeamRound()].isClosed = true
        reply.notice = .teamRoundClosed(stepID: step.id)
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
    case .back, .restart, .moveOn, .stop, .continue, .useDialogue:
      return nil
    }
    reply.prompt = currentPrompt(in: session)
    return reply
  }

  /// One participant's rating, or (at the first turn) everyone's at once as an anonymous list.
  private func takeRatings(
    _ text: String, turn: ParticipantTurn, at step: Step, _ question: Question,
    in session: inout Session, reply: inout Reply
  ) {
    let now = clock.now()
    let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
      .map(String.init)
    guard !words.isEmpty else {
      reply.outcome = .rejected(Rejection(.ratingNeeded(participant: turn.label)))
      reply.prompt = prompt(for: step, in: session)
      return
    }
    if words.count > 1 && !turn.acceptsList {
      reply.outcome = .rejected(Rejection(.oneRatingOnly(participant: turn.label)))
      reply.prompt = prompt(for: step, in: session)
      return
    }
    if words.count > (participants?.count ?? 0) {
      reply.outcome = .rejected(
        Rejection(.tooManyRatings(given: words.count, participants: participants?.count ?? 0)))
      reply.prompt = prompt(for: step, in: session)
      return
    }
    var values: [Double] = []
    for word in words {
      switch AnswerParser.parse(word, for: question.kind) {
      case .success(.number(let value)): values.append(value)
      case .success: break
      case .failure(let rejection):
        reply.outcome = .rejected(rejection)
        reply.prompt = prompt(for: step, in: session)
        return
      }
    }
    var round = session.teamRounds[step.id] ?? TeamRound()
    let given =
      words.count > 1
      ? values.map { TeamAnswer(participant: nil, value: $0, at: now) }
      : [TeamAnswer(participant: participants?.key(turn.index), value: values.first, at: now)]
    round.answers += given
    if words.count > 1 { round.isClosed = true }
    session.teamRounds[step.id] = round
    reply.outcome = .rated(
      stepID: step.id, question: render(question.prompt, at: step, in: session), given)
  }

  /// `back` at a team question before the leader has rated it: takes back the last rating (an
  /// anonymous list all at once) and asks for it again. False when there is none to take back.
  func undoTeamAnswer(in session: inout Session, reply: inout Reply) -> Bool {
    guard let stepID = session.currentStepID, let step = dialogue.step(stepID),
      let question = step.question, collectsTeamRatings(question),
      var round = session.teamRounds[stepID]
    else { return false }
    guard let last = round.answers.last else {
      // A round closed with /next before anyone rated: /back opens it again.
      guard round.isClosed else { return false }
      round.isClosed = false
      session.teamRounds[stepID] = round
      reply.notice = .teamAnswerUndone
      reply.prompt = prompt(for: step, in: session)
      return true
    }
    if last.participant == nil {
      round.answers.removeAll { $0.participant == nil }
    } else {
      round.answers.removeLast()
    }
    round.isClosed = false
    session.teamRounds[stepID] = round
    reply.notice = .teamAnswerUndone
    reply.prompt = prompt(for: step, in: session)
    return true
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
