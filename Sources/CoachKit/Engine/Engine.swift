import Foundation

/// Runs a dialogue: takes a session and one event, and gives the updated session and what to show.
///
/// The engine does no I/O. It reads the time only from its injected clock, so the same events
/// with the same clock always give the same replies.
///
///     let engine = Engine(dialogue: dialogue, clock: SystemClock())
///     var (session, reply) = engine.start()
///     reply = engine.handle(.answer("4"), in: &session)
///     reply = engine.handle(.back, in: &session)
public struct Engine: Sendable {
  public let dialogue: Dialogue
  public let clock: any SessionClock
  /// For a follow-up: the earlier session's values, read as `before_<name>`.
  public let earlier: EarlierSession
  /// Facilitator mode: who rates team questions; nil when the leader answers them alone.
  public var participants: Participants?
  /// How many steps without a question may follow each other before the engine gives up (a
  /// loop of such steps would otherwise never end; the checker reports those).
  static let maxStepsWithoutQuestion = 10_000

  public init(dialogue: Dialogue, clock: any SessionClock, earlier: EarlierSession = .none) {
    self.dialogue = dialogue
    self.clock = clock
    self.earlier = earlier
  }

  /// A new session, at the dialogue's first step.
  public func start() -> (Session, Reply) {
    var session = Session(dialogueID: dialogue.id, startedAt: clock.now())
    var reply = Reply()
    enter(dialogue.startID, via: nil, in: &session, reply: &reply)
    return (session, reply)
  }

  /// Applies one event to the session.
  public func handle(_ event: Event, in session: inout Session) -> Reply {
    let before = session
    let reply: Reply
    switch event {
    case .stop(let reason): reply = stop(reason, in: &session)
    case .continue: reply = goOn(in: &session)
    case .useDialogue: reply = Reply()
    default:
      // Whoever does something is there: a stopped session goes on first.
      if session.isStopped { _ = goOn(in: &session) }
      var acted = act(on: event, in: &session)
      if acted.takenAnswer != nil { acted.overTime = overTime(after: acted, in: &session) }
      reply = acted
    }
    if session != before { session.lastActivity = clock.now() }
    return reply
  }

  /// Everything but presence: answers, undo, and the facilitator's commands.
  private func act(on event: Event, in session: inout Session) -> Reply {
    var reply = Reply()
    if case .restart = event {
      let earlier = session
      (session, reply) = start()
      session.keepFacilitation(of: earlier)
      reply.notice = .restarted
      return reply
    }
    if case .back = event {
      if undoTeamAnswer(in: &session, reply: &reply) { return reply }
      goBack(in: &session, reply: &reply)
      return reply
    }
    if case .moveOn = event { return moveOn(in: &session) }
    guard let stepID = session.currentStepID, let step = dialogue.step(stepID),
      let question = step.question
    else {
      reply.notice = .alreadyFinished
      return reply
    }
    if let handled = handleFacilitation(event, at: step, question, in: &session) { return handled }
    var event = event
    if case .answer(let text) = event, question.isOptional,
      text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
      (defaultValue(of: question, at: step, in: session) ?? Value.none) == Value.none
    {
      // Enter on an optional question with nothing to default to skips it.
      event = .skip
    }
    switch event {
    case .answer(let text):
      switch value(forAnswer: text, to: question, at: step, in: session) {
      case .success(let value):
        reply.outcome = .taken(record(value, skipped: false, for: step, question, in: &session))
        if let summary = teamSummary(at: step, question, in: session) {
          reply.lines.append(.teamSummary(summary, stepID: step.id))
        }
        leave(step, in: &session, reply: &reply)
      case .failure(let rejection):
        reply.outcome = .rejected(rejection)
        reply.prompt = prompt(for: step, in: session)
      }
    case .skip:
      guard question.isOptional else {
        reply.notice = .cannotSkip
        reply.prompt = prompt(for: step, in: session)
        return reply
      }
      let value = defaultValue(of: question, at: step, in: session) ?? .none
      reply.outcome = .taken(record(value, skipped: true, for: step, question, in: &session))
      reply.notice = .skipped(stepID: step.id)
      leave(step, in: &session, reply: &reply)
    case .back, .restart, .moveOn, .next, .extend, .pause, .resume, .park, .jump, .stop,
      .continue, .useDialogue, .teamRatings:
      break
    }
    return reply
  }

  // MARK: - Presence

  /// The person left: the clock stops until they are back.
  private func stop(_ reason: StopReason, in session: inout Session) -> Reply {
    var reply = Reply()
    guard !session.isFinished else {
      reply.notice = .alreadyFinished
      return reply
    }
    if !session.isStopped { session.stoppedAt = clock.now() }
    reply.notice = .stopped(reason)
    return reply
  }

  /// The person is back: the time since the stop (or, with none recorded, since the last event)
  /// was time away. Says so, with where they are, and asks the waiting question again.
  private func goOn(in session: inout Session) -> Reply {
    var reply = Reply()
    guard let prompt = currentPrompt(in: session) else {
      reply.notice = .alreadyFinished
      return reply
    }
    let now = clock.now()
    let since = session.stoppedAt ?? session.lastActivity
    session.away.append(Pause(from: since, to: max(now, since)))
    session.stoppedAt = nil
    reply.notice = .resumed
    // Where the person is, as when the section began.
    if let heading = heading(for: prompt.sectionID, in: session) {
      reply.lines.append(.section(heading))
    }
    reply.prompt = prompt
    return reply
  }

  /// The question the session is waiting on, as it would be asked now (after a resume, say).
  public func currentPrompt(in session: Session) -> Prompt? {
    guard let stepID = session.currentStepID, let step = dialogue.step(stepID) else { return nil }
    return prompt(for: step, in: session)
  }

  // MARK: - Moving through steps

  private func value(
    forAnswer text: String, to question: Question, at step: Step, in session: Session
  ) -> Result<Value, Rejection> {
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      if let value = defaultValue(of: question, at: step, in: session), value != .none {
        return .success(value)
      }
      return .failure(Rejection(.answerNeeded))
    }
    let parsed: Result<Value, Rejection>
    if case .moment(let rules) = question.kind {
      parsed = momentAnswer(text, rules, at: step, in: session).mapError { Rejection(.moment($0)) }
    } else {
      parsed = AnswerParser.parse(text, for: kind(of: question, at: step, in: session))
    }
    guard case .success(let value) = parsed else { return parsed }
    // The dialogue's own checks, in order, after the type's.
    for check in question.checks {
      let refuses = check.refuseIf.expression.evaluate(
        in: context(at: step, scope: step.scope, answer: value, in: session))
      if refuses == .bool(true) {
        let reason = render(check.say, at: step, answer: value, in: session)
        return .failure(Rejection(.refusedByCheck(reason)))
      }
    }
    return .success(value)
  }

  /// Takes an answer (or a skip) for the question at `step`, and says how it reads.
  func record(
    _ value: Value, skipped: Bool, for step: Step, _ question: Question, in session: inout Session
  ) -> Answer {
    // The question as it was asked: before the answer, which a text may read, is stored.
    let asked = render(question.prompt, at: step, in: session)
    let kind = kind(of: question, at: step, in: session)
    let turn = Session.Turn(
      stepID: step.id, variable: question.variable, value: value, wasSkipped: skipped,
      previous: session.answers[question.variable], at: clock.now())
    session.trail.append(turn)
    session.answers[question.variable] = value
    return Answer(
      stepID: step.id, sectionID: step.sectionID, question: asked, variable: question.variable,
      value: value,
      text: skipped && value == .none ? "" : displayText(of: value, for: kind),
      wasSkipped: skipped, at: turn.at)
  }

  func leave(_ step: Step, in session: inout Session, reply: inout Reply) {
    guard let next = nextStep(after: step, in: session) else {
      session.currentStepID = nil
      return
    }
    enter(next.id, via: next.via, in: &session, reply: &reply)
  }

  /// Shows steps from `stepID` on until one asks a question or the dialogue ends.
  func enter(
    _ stepID: String, via edge: FlowEdge.Key? = nil, in session: inout Session,
    reply: inout Reply, showingHeading: Bool = false
  ) {
    var currentID: String? = stepID
    var via = edge
    var showingHeading = showingHeading
    var hops = 0
    while let id = currentID, hops < Self.maxStepsWithoutQuestion {
      hops += 1
      guard let position = dialogue.position(of: id) else {
        // `coach check` refuses a target that names no step; should one slip through, say so.
        reply.notice = .stoppedAtUnknownStep(id)
        session.currentStepID = nil
        return
      }
      let step = dialogue.steps[position]
      let holds = step.condition.map { evaluate($0, at: step, in: session) == .bool(true) } ?? true
      if isLeftOut(step, in: session) || !holds || !hasEnoughOptions(step, in: session) {
        // Passed over: nothing said or asked; a value left from an earlier pass is cleared, and
        // so are all a call's.
        passOver(at: position, in: &session)
        reply.route.append(.init(stepID: id, via: via, wasTaken: false))
        let next = nextStep(after: step, in: session)
        currentID = next?.id
        via = next?.via
        continue
      }
      reply.route.append(.init(stepID: id, via: via, wasTaken: true))
      session.visits[id, default: 0] += 1
      if !session.trail.isEmpty { session.trail[session.trail.count - 1].entered.append(id) }
      session.currentStepID = id
      if session.currentSection?.id != step.sectionID {
        session.currentSection = Session.SectionVisit(id: step.sectionID, since: clock.now())
      }
      if session.sectionStarts[step.sectionID] == nil || showingHeading {
        if session.sectionStarts[step.sectionID] == nil {
          session.sectionStarts[step.sectionID] = clock.now()
        }
        showingHeading = false
        if let heading = heading(for: step.sectionID, in: session) {
          reply.lines.append(.section(heading))
        }
      }
      if step.call != nil { startCall(at: position, in: &session) }
      if let say = step.say {
        reply.lines.append(.say(render(say, at: step, in: session), stepID: id))
      }
      if let notes = step.notes {
        reply.lines.append(.notes(render(notes, at: step, in: session), stepID: id))
      }
      if step.question != nil {
        reply.prompt = prompt(for: step, in: session)
        return
      }
      let callee = dialogue.callee(at: position)
      if step.call != nil, !callee.isEmpty {
        // Into the flow; its last step goes on with this step's `next`.
        currentID = dialogue.steps[callee.lowerBound].id
        via = nil
        continue
      }
      let next = nextStep(after: step, in: session)
      currentID = next?.id
      via = next?.via
    }
    // `coach check` refuses loops of steps that ask nothing; should one slip through, say so
    // rather than pass it off as the end.
    if currentID != nil { reply.notice = .stoppedInLoop }
    session.currentStepID = nil
  }

  /// A step passed over: its question's answer is emptied; for a call, every answer of its
  /// flow and its parameters too. What was emptied comes back with `back`.
  private func passOver(at position: Int, in session: inout Session) {
    let step = dialogue.steps[position]
    var variables: [String] = step.question.map { [$0.variable] } ?? []
    if step.call != nil {
      for inner in dialogue.callee(at: position) {
        let innerStep = dialogue.steps[inner]
        if let variable = innerStep.question?.variable { variables.append(variable) }
        variables += parameterNames(ofCallAt: inner)
      }
      variables += parameterNames(ofCallAt: position)
    }
    for variable in variables {
      if let old = session.answers.removeValue(forKey: variable), !session.trail.isEmpty {
        session.trail[session.trail.count - 1].cleared[variable] = old
      }
    }
  }

  /// The names a call step stores its flow's parameters under (`a1_number`); none for another step.
  private func parameterNames(ofCallAt position: Int) -> [String] {
    guard let call = dialogue.steps[position].call, let flow = dialogue.flow(call.flowID),
      let first = dialogue.callee(at: position).first
    else { return [] }
    let prefix = dialogue.steps[first].scope?.namePrefix ?? ""
    return flow.parameters.map { prefix + $0.name }
  }

  /// A call starts: its parameters take the values of its `with`, worked out where the call is
  /// written, and keep them until the call starts again (`back` restores what they were).
  private func startCall(at position: Int, in session: inout Session) {
    let step = dialogue.steps[position]
    guard let call = step.call, let first = dialogue.callee(at: position).first,
      let prefix = dialogue.steps[first].scope?.namePrefix
    else { return }
    var values: [(String, Value)] = []
    for argument in call.arguments {
      values.append((prefix + argument.name, evaluate(argument.value, at: step, in: session)))
    }
    for (name, value) in values {
      if !session.trail.isEmpty,
        session.trail[session.trail.count - 1].assigned.index(forKey: name) == nil
      {
        session.trail[session.trail.count - 1].assigned[name] = .some(session.answers[name])
      }
      session.answers[name] = value
    }
  }

  /// Whether a question whose options are worked out has at least two now; one with fewer is
  /// passed over, like a `when` that does not hold.
  private func hasEnoughOptions(_ step: Step, in session: Session) -> Bool {
    guard let question = step.question, question.hasComputedOptions else { return true }
    return kind(of: question, at: step, in: session).options.count >= 2
  }

  /// Where a step leads, given the answers so far; nil when the dialogue ends there.
  func nextStepID(after step: Step, in session: Session) -> String? {
    nextStep(after: step, in: session)?.id
  }

  /// Where a step leads, and by which transition: a branch of its `next` (0 without branches),
  /// or, when its flow's call ends there, the call step's.
  private func nextStep(after step: Step, in session: Session) -> (id: String, via: FlowEdge.Key)?
  {
    guard let position = dialogue.position(of: step.id) else { return nil }
    return nextStep(from: position, in: session)
  }

  private func nextStep(from position: Int, in session: Session) -> (id: String, via: FlowEdge.Key)?
  {
    let step = dialogue.steps[position]
    if step.isFinal { return nil }
    if step.returns, let call = dialogue.positionReturned(after: position) {
      return nextStep(from: call, in: session)
    }
    switch step.next {
    case .following:
      if let next = dialogue.positionWritten(after: position) {
        return (dialogue.steps[next].id, .init(from: step.id, index: 0))
      }
      if let call = dialogue.positionReturned(after: position) {
        return nextStep(from: call, in: session)
      }
      return nil
    case .goTo(let target):
      return (target.stepID, .init(from: step.id, index: 0))
    case .branches(let branches):
      for (index, branch) in branches.enumerated() {
        guard let condition = branch.condition else {
          return (branch.target.stepID, .init(from: step.id, index: index))
        }
        if evaluate(condition, at: step, in: session) == .bool(true) {
          return (branch.target.stepID, .init(from: step.id, index: index))
        }
      }
      return nil
    }
  }

  private func goBack(in session: inout Session, reply: inout Reply) {
    guard let turn = session.trail.popLast(), let step = dialogue.step(turn.stepID) else {
      reply.notice = .nothingToUndo
      reply.prompt = currentPrompt(in: session)
      return
    }
    if let previous = turn.previous {
      session.answers[turn.variable] = previous
    } else {
      session.answers.removeValue(forKey: turn.variable)
    }
    for (variable, value) in turn.cleared { session.answers[variable] = value }
    for (variable, value) in turn.assigned {
      if let value { session.answers[variable] = value } else { session.answers.removeValue(forKey: variable) }
    }
    for id in turn.entered {
      let count = (session.visits[id] ?? 0) - 1
      session.visits[id] = count > 0 ? count : nil
    }
    session.currentStepID = step.id
    reply.notice = .wentBack(stepID: step.id)
    reply.prompt = prompt(for: step, in: session)
  }

  public func heading(for sectionID: String) -> SectionHeading? {
    heading(for: sectionID, in: nil)
  }

  /// A section's heading, its title's placeholders filled in with the session's values.
  public func heading(for sectionID: String, in session: Session?) -> SectionHeading? {
    guard let index = dialogue.sections.firstIndex(where: { $0.id == sectionID }) else {
      return nil
    }
    let section = dialogue.sections[index]
    var title = section.title
    if let text = section.titleText, let session { title = render(text, at: nil, in: session) }
    return SectionHeading(
      id: section.id, title: title, number: index + 1, count: dialogue.sections.count,
      budget: section.budget)
  }

  func prompt(for step: Step, in session: Session) -> Prompt? {
    guard let question = step.question else { return nil }
    let turn = teamTurn(at: step, question, in: session)
    let defaultValue = defaultValue(of: question, at: step, in: session)
    let kind = kind(of: question, at: step, in: session)
    return Prompt(
      stepID: step.id, sectionID: step.sectionID, text: render(question.prompt, at: step, in: session),
      help: question.help.map { render($0, at: step, in: session) }, kind: kind,
      variable: question.variable, defaultValue: defaultValue == Value.none ? nil : defaultValue,
      defaultText: defaultValue.flatMap {
        $0 == .none ? nil : displayText(of: $0, for: kind)
      },
      isOptional: question.isOptional, isTeamQuestion: question.isTeamQuestion, teamTurn: turn,
      stepNumber: (dialogue.position(of: step.id) ?? 0) + 1, stepCount: dialogue.steps.count)
  }

  /// The question's kind as it is asked now: options worked out from earlier answers, labels and
  /// hints with their placeholders filled in.
  func kind(of question: Question, at step: Step, in session: Session) -> AnswerKind {
    guard question.optionSources != nil || !question.labelTexts.isEmpty else { return question.kind }
    let texts = question.labelTexts
    func rendered(_ text: Text?, _ written: String?) -> String? {
      text.map { render($0, at: step, in: session) } ?? written
    }
    var options: [Option] = []
    if let sources = question.optionSources {
      var literal = 0
      var seen: Set<String> = []
      for source in sources {
        switch source {
        case .option(var option):
          option.label = rendered(texts.options[literal], option.label) ?? option.label
          literal += 1
          if seen.insert(option.value).inserted { options.append(option) }
        case .computed(let formula):
          let items: [String]
          switch evaluate(formula, at: step, in: session) {
          case .list(let list): items = list
          case .text(let text) where !text.isEmpty: items = [text]
          default: items = []
          }
          for item in items where seen.insert(item).inserted {
            options.append(
              Option(
                value: item, label: label(ofOptionValue: item, in: session),
                location: formula.location))
          }
        }
      }
    } else {
      options = question.kind.options
      for (index, text) in texts.options where options.indices.contains(index) {
        options[index].label = render(text, at: step, in: session)
      }
    }
    switch question.kind {
    case .choice: return .choice(options)
    case .multipleChoice(_, let minPicks, let maxPicks):
      return .multipleChoice(options, minPicks: minPicks, maxPicks: min(maxPicks, max(options.count, 1)))
    case .scale(var scale):
      scale.minLabel = rendered(texts.minLabel, scale.minLabel)
      scale.maxLabel = rendered(texts.maxLabel, scale.maxLabel)
      return .scale(scale)
    case .text(var rules):
      rules.patternHint = rendered(texts.patternHint, rules.patternHint)
      return .text(rules)
    case .number, .yesNo, .moment:
      return question.kind
    }
  }

  private func defaultValue(of question: Question, at step: Step, in session: Session) -> Value? {
    switch question.defaultAnswer {
    case .value(let value): return value
    case .formula(let formula):
      // A default that works out empty (unanswered, or empty text) is no default, and so is one
      // the question could not take (11 on a 1–10 scale): it is never offered or stored.
      let value = evaluate(formula, at: step, in: session)
      return value == .text("") || !kind(of: question, at: step, in: session).accepts(value)
        ? Value.none : value
    case nil: return nil
    }
  }

  /// The answer variables an expression reads, directly or through computed values.
  func questions(behind expression: Expression, scope: FlowScope? = nil) -> Set<String> {
    var found: Set<String> = []
    var visited: Set<String> = []
    let own = Set(expression.names.map(\.name))
    // The expression's own names as the step they are written in means them; what functions
    // it calls read is the dialogue's.
    var pending = dialogue.names(readBy: expression).map {
      own.contains($0) ? scope?.stored($0) ?? $0 : $0
    }
    while let name = pending.popLast() {
      guard visited.insert(name).inserted else { continue }
      if dialogue.question(storing: name) != nil {
        found.insert(name)
      } else if let computed = dialogue.computedValue(name) {
        pending += dialogue.names(readBy: computed.formula.expression)
      }
    }
    return found
  }

  /// The same engine with its clock stopped at `date`: each event is handled at one instant, so
  /// replaying the logged events with their times gives exactly the same session.
  public func at(_ date: Date) -> Engine {
    var engine = Engine(
      dialogue: dialogue, clock: FixedClock(date, timeZone: clock.timeZone), earlier: earlier)
    engine.participants = participants
    return engine
  }
}
