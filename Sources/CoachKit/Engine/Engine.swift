import Foundation
import Mustache

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
      (defaultValue(of: question, in: session) ?? Value.none) == Value.none
    {
      // Enter on an optional question with nothing to default to skips it.
      event = .skip
    }
    switch event {
    case .answer(let text):
      switch value(forAnswer: text, to: question, in: session) {
      case .success(let value):
        record(value, skipped: false, for: step, question, in: &session)
        if let summary = teamSummary(at: step, question, in: session) {
          reply.lines.append(.teamSummary(summary, stepID: step.id))
        }
        leave(step, in: &session, reply: &reply)
      case .failure(let rejection):
        reply.rejection = rejection
        reply.prompt = prompt(for: step, in: session)
      }
    case .skip:
      guard question.isOptional else {
        reply.notice = .cannotSkip
        reply.prompt = prompt(for: step, in: session)
        return reply
      }
      let value = defaultValue(of: question, in: session) ?? .none
      record(value, skipped: true, for: step, question, in: &session)
      reply.notice = .skipped(stepID: step.id)
      leave(step, in: &session, reply: &reply)
    case .back, .restart, .next, .extend, .pause, .resume, .park, .jump:
      break
    }
    return reply
  }

  /// The question the session is waiting on, as it would be asked now (after a resume, say).
  public func currentPrompt(in session: Session) -> Prompt? {
    guard let stepID = session.currentStepID, let step = dialogue.step(stepID) else { return nil }
    return prompt(for: step, in: session)
  }

  // MARK: - Moving through steps

  private func value(forAnswer text: String, to question: Question, in session: Session) -> Result<
    Value, Rejection
  > {
    if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      if let value = defaultValue(of: question, in: session), value != .none {
        return .success(value)
      }
      return .failure(Rejection(reason: "an answer is needed"))
    }
    return AnswerParser.parse(text, for: question.kind)
  }

  func record(
    _ value: Value, skipped: Bool, for step: Step, _ question: Question, in session: inout Session
  ) {
    let turn = Session.Turn(
      stepID: step.id, variable: question.variable, value: value, wasSkipped: skipped,
      previous: session.answers[question.variable], at: clock.now())
    session.trail.append(turn)
    session.answers[question.variable] = value
  }

  func leave(_ step: Step, in session: inout Session, reply: inout Reply) {
    guard let next = nextStep(after: step, in: session) else {
      session.currentStepID = nil
      return
    }
    enter(next.id, via: .init(from: step.id, index: next.index), in: &session, reply: &reply)
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
    while let id = currentID, let step = dialogue.step(id), hops < Self.maxStepsWithoutQuestion {
      hops += 1
      if let condition = step.condition, evaluate(condition, in: session) != .bool(true) {
        // Passed over: nothing said or asked; a value left from an earlier pass is cleared.
        if let variable = step.question?.variable,
          let old = session.answers.removeValue(forKey: variable), !session.trail.isEmpty
        {
          session.trail[session.trail.count - 1].cleared[variable] = old
        }
        reply.route.append(.init(stepID: id, via: via, wasTaken: false))
        let next = nextStep(after: step, in: session)
        currentID = next?.id
        via = next.map { .init(from: id, index: $0.index) }
        continue
      }
      reply.route.append(.init(stepID: id, via: via, wasTaken: true))
      session.currentStepID = id
      if session.currentSection?.id != step.sectionID {
        session.currentSection = Session.SectionVisit(id: step.sectionID, since: clock.now())
      }
      if session.sectionStarts[step.sectionID] == nil || showingHeading {
        if session.sectionStarts[step.sectionID] == nil {
          session.sectionStarts[step.sectionID] = clock.now()
        }
        showingHeading = false
        if let heading = heading(for: step.sectionID) { reply.lines.append(.section(heading)) }
      }
      if let say = step.say { reply.lines.append(.say(render(say, in: session), stepID: id)) }
      if let notes = step.notes {
        reply.lines.append(.notes(render(notes, in: session), stepID: id))
      }
      if step.question != nil {
        reply.prompt = prompt(for: step, in: session)
        return
      }
      let next = nextStep(after: step, in: session)
      currentID = next?.id
      via = next.map { .init(from: id, index: $0.index) }
    }
    // `coach check` refuses loops of steps that ask nothing; should one slip through, say so
    // rather than pass it off as the end.
    if currentID != nil { reply.notice = .stoppedInLoop }
    session.currentStepID = nil
  }

  /// Where a step leads, given the answers so far; nil when the dialogue ends there.
  public func nextStepID(after step: Step, in session: Session) -> String? {
    nextStep(after: step, in: session)?.id
  }

  /// Where a step leads and by which branch of its `next` (0 without branches).
  private func nextStep(after step: Step, in session: Session) -> (id: String, index: Int)? {
    if step.isFinal { return nil }
    switch step.next {
    case .following:
      return dialogue.stepWritten(after: step.id).map { ($0.id, 0) }
    case .goTo(let target):
      return (target.stepID, 0)
    case .branches(let branches):
      for (index, branch) in branches.enumerated() {
        guard let condition = branch.condition else { return (branch.target.stepID, index) }
        if evaluate(condition, in: session) == .bool(true) { return (branch.target.stepID, index) }
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
    session.currentStepID = step.id
    reply.notice = .wentBack(stepID: step.id)
    reply.prompt = prompt(for: step, in: session)
  }

  public func heading(for sectionID: String) -> SectionHeading? {
    guard let index = dialogue.sections.firstIndex(where: { $0.id == sectionID }) else {
      return nil
    }
    let section = dialogue.sections[index]
    return SectionHeading(
      id: section.id, title: section.title, number: index + 1, count: dialogue.sections.count,
      budget: section.budget)
  }

  func prompt(for step: Step, in session: Session) -> Prompt? {
    guard let question = step.question else { return nil }
    let turn = participantTurn(at: step, question, in: session)
    let defaultValue = defaultValue(of: question, in: session)
    return Prompt(
      stepID: step.id, sectionID: step.sectionID, text: render(question.prompt, in: session),
      help: question.help.map { render($0, in: session) }, kind: question.kind,
      variable: question.variable, defaultValue: defaultValue == Value.none ? nil : defaultValue,
      defaultText: defaultValue.flatMap {
        $0 == .none ? nil : displayText(of: $0, for: question.kind)
      },
      isOptional: question.isOptional, isTeamQuestion: question.isTeamQuestion, participant: turn,
      stepNumber: (dialogue.position(of: step.id) ?? 0) + 1, stepCount: dialogue.steps.count)
  }

  private func defaultValue(of question: Question, in session: Session) -> Value? {
    switch question.defaultAnswer {
    case .value(let value): return value
    case .formula(let formula):
      // A default that works out empty (unanswered, or empty text) is no default, and so is one
      // the question could not take (11 on a 1–10 scale): it is never offered or stored.
      let value = evaluate(formula, in: session)
      return value == .text("") || !question.kind.accepts(value) ? Value.none : value
    case nil: return nil
    }
  }

  // MARK: - The plan

  /// The plan as rendered from the session's answers; nil when the dialogue has none.
  public func renderedPlan(in session: Session) -> String? {
    dialogue.plan.map { render($0.text, in: session) }
  }

  /// Whether the plan may be written to a file: its `save_if` holds (or it has none).
  public func shouldSavePlan(in session: Session) -> Bool {
    guard let plan = dialogue.plan else { return false }
    guard let condition = plan.saveCondition else { return true }
    return evaluate(condition, in: session) == .bool(true)
  }

  /// Whether the session's answers may be kept on disk, by the dialogue's `keep_answers_if`.
  public enum StorageConsent: Sendable, Equatable {
    /// No `keep_answers_if`, or it holds.
    case given
    /// It does not hold: nothing may be written, and what was written must go.
    case refused
    /// It does not hold yet, but reads a question not answered yet.
    case undecided
  }

  public func storageConsent(in session: Session) -> StorageConsent {
    guard let condition = dialogue.keepAnswersCondition else { return .given }
    if evaluate(condition, in: session) == .bool(true) { return .given }
    let waiting = questions(behind: condition.expression).contains { session.answers[$0] == nil }
    return waiting && !session.isFinished ? .undecided : .refused
  }

  /// The answer variables an expression reads, directly or through computed values.
  func questions(behind expression: Expression) -> Set<String> {
    var found: Set<String> = []
    var visited: Set<String> = []
    var pending = expression.names.map(\.name)
    while let name = pending.popLast() {
      guard visited.insert(name).inserted else { continue }
      if dialogue.question(storing: name) != nil {
        found.insert(name)
      } else if let computed = dialogue.computedValue(name) {
        pending += computed.formula.expression.names.map(\.name)
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

  /// The plan's calendar event as worked out from the answers; nil when there is none or its date
  /// is empty.
  public func calendarEvent(in session: Session) -> CalendarEvent? {
    guard let calendar = dialogue.plan?.calendar,
      case .date(let day) = evaluate(calendar.date, in: session)
    else {
      return nil
    }
    return CalendarEvent(
      day: day, summary: render(calendar.summary, in: session),
      description: calendar.description.map { render($0, in: session) })
  }

  // MARK: - Values and text

  /// The value of any name: an answer, a computed value, or `today`.
  public func value(of name: String, in session: Session) -> Value {
    let evaluation = Evaluation()
    return value(of: name, in: session, evaluation)
  }

  /// One evaluation's memory: computed values already worked out (a value read twice on each of
  /// many levels, `c0: c1 + c1`, `c1: c2 + c2`…, would otherwise take exponential time) and the
  /// ones being worked out (a cycle gives no value).
  private final class Evaluation {
    var known: [String: Value] = [:]
    var visiting: Set<String> = []
  }

  private func value(of name: String, in session: Session, _ evaluation: Evaluation) -> Value {
    if let answer = session.answers[name] { return answer }
    if name == BuiltInNames.today { return .date(Day(clock.now(), timeZone: clock.timeZone)) }
    if let before = earlier.values[name] { return before }
    if name == Self.parkingLotName { return .list(session.parkingLot.map(\.text)) }
    if let known = evaluation.known[name] { return known }
    guard let computed = dialogue.computedValue(name), evaluation.visiting.insert(name).inserted
    else {
      return .none
    }
    defer { evaluation.visiting.remove(name) }
    let result = computed.formula.expression.evaluate(
      { self.value(of: $0, in: session, evaluation) }, labels: optionLabel)
    evaluation.known[name] = result
    return result
  }

  public func evaluate(_ formula: Formula, in session: Session) -> Value {
    let evaluation = Evaluation()
    return formula.expression.evaluate(
      { value(of: $0, in: session, evaluation) }, labels: optionLabel)
  }

  /// The label of the option `value` of the question storing `variable`, for `label()`.
  private func optionLabel(_ variable: String, _ value: String) -> String? {
    dialogue.question(storing: variable)?.question.kind.options.first { $0.value == value }?.label
  }

  /// How a value reads in text: a choice answer as its option's label.
  public func displayText(of value: Value, for kind: AnswerKind?) -> String {
    guard let kind else { return value.displayText }
    let options = kind.options
    switch value {
    case .text(let chosen) where !options.isEmpty:
      return options.first { $0.value == chosen }?.label ?? chosen
    case .list(let picked) where !options.isEmpty:
      return picked.map { pick in options.first { $0.value == pick }?.label ?? pick }.joined(
        separator: ", ")
    default:
      return value.displayText
    }
  }

  /// Fills a text's placeholders with the session's values.
  public func render(_ text: Text, in session: Session) -> String {
    switch text.body {
    case .plain:
      return text.source
    case .pieces(let pieces):
      let context = TemplateContext(engine: self, session: session)
      return pieces.map { piece in
        switch piece {
        case .literal(let literal): literal
        case .name(let name): context.text(of: name)
        }
      }.joined()
    case .template(let template):
      return Interpolation.render(template, TemplateContext(engine: self, session: session))
    }
  }
}

/// Looks names up only when a template asks for them, so a text costs what it reads.
struct TemplateContext: MustacheParent {
  let engine: Engine
  let session: Session

  func child(named name: String) -> Any? {
    let value = engine.value(of: name, in: session)
    if value == .none { return nil }
    if name == Engine.parkingLotName, case .list(let items) = value {
      // One Markdown bullet per parked topic.
      return RenderedValue(value: value, text: items.map { "- " + $0 }.joined(separator: "\n"))
    }
    let kind = engine.dialogue.question(storing: name)?.question.kind ?? engine.earlier.kinds[name]
    var text = engine.displayText(of: value, for: kind)
    // A typed sentence is usually set inside another one ("If {{obstacle}}, then …"): its own
    // full stop would end that sentence early.
    if case .text? = kind, text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
    return RenderedValue(value: value, text: text)
  }

  /// What `{{name}}` shows.
  func text(of name: String) -> String {
    (child(named: name) as? RenderedValue)?.text ?? ""
  }
}

/// A value as Mustache sees it: its text, and empty for sections when it is false or empty.
struct RenderedValue: MustacheCustomRenderable {
  let value: Value
  let text: String
  var renderText: String { text }
  var isNull: Bool {
    switch value {
    case .none, .bool(false): true
    case .list(let items): items.isEmpty
    case .text(let text): text.isEmpty
    default: false
    }
  }
}

/// An all-day event worked out from a session: what a host writes as an `.ics` file.
public struct CalendarEvent: Sendable, Hashable {
  public var day: Day
  public var summary: String
  public var description: String?

  public init(day: Day, summary: String, description: String?) {
    self.day = day
    self.summary = summary
    self.description = description
  }
}
