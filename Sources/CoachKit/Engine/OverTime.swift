import Foundation

/// A section that has run over its time, said once to the person with what moving on leaves out:
/// the rule that protects the time a session has planned for what matters most. Only optional
/// questions are ever left out, so the part of a session that has none (the commitment, in the
/// default session) is never cut short.
///
///     if let over = reply.overTime { say(ClockText.overTime(over)) }  // then offer `.moveOn`
public struct OverTime: Sendable, Hashable {
  public var sectionID: String
  public var title: String
  /// Seconds the clock ran in the section.
  public var elapsed: TimeInterval
  /// The section's budget in seconds, with any extensions.
  public var budget: TimeInterval
  /// How many optional questions the section still has (the waiting one included): moving on
  /// passes them over.
  public var optionalLeft: Int

  public init(
    sectionID: String, title: String, elapsed: TimeInterval, budget: TimeInterval,
    optionalLeft: Int
  ) {
    self.sectionID = sectionID
    self.title = title
    self.elapsed = elapsed
    self.budget = budget
    self.optionalLeft = optionalLeft
  }
}

extension Engine {
  /// After an answer: the section now waiting has run over and has optional questions left,
  /// and that was not said yet. Marks it said.
  func overTime(after reply: Reply, in session: inout Session) -> OverTime? {
    guard participants == nil, let prompt = reply.prompt,
      !session.overTimeSaid.contains(prompt.sectionID),
      !session.movedOn.contains(prompt.sectionID)
    else { return nil }
    let clock = AgendaClock(at: clock.now(), session: session, dialogue: dialogue)
    guard clock.sectionID == prompt.sectionID, clock.sectionBudget > 0,
      clock.sectionElapsed >= clock.sectionBudget
    else { return nil }
    let left = optionalQuestions(from: prompt.stepID, in: prompt.sectionID)
    guard left > 0 else { return nil }
    session.overTimeSaid.insert(prompt.sectionID)
    return OverTime(
      sectionID: prompt.sectionID, title: clock.sectionTitle ?? prompt.sectionID,
      elapsed: clock.sectionElapsed, budget: clock.sectionBudget, optionalLeft: left)
  }

  /// How many optional questions the section has from this step on, in written order.
  func optionalQuestions(from stepID: String, in sectionID: String) -> Int {
    guard let section = dialogue.section(sectionID),
      let start = section.steps.firstIndex(where: { $0.id == stepID })
    else { return 0 }
    return section.steps[start...].count { $0.question?.isOptional == true }
  }

  /// `moveOn`: the section's optional questions from here on are passed over, as a `when` that
  /// does not hold would pass them (the waiting one too, when it is optional).
  func moveOn(in session: inout Session) -> Reply {
    var reply = Reply()
    guard let stepID = session.currentStepID, let step = dialogue.step(stepID) else {
      reply.notice = .alreadyFinished
      return reply
    }
    let left = optionalQuestions(from: step.id, in: step.sectionID)
    session.movedOn.insert(step.sectionID)
    reply.notice = .movedOnInSection(sectionID: step.sectionID, leftOut: left)
    if let question = step.question, question.isOptional {
      passOver(question, in: &session)
      leave(step, in: &session, reply: &reply)
    } else {
      reply.prompt = prompt(for: step, in: session)
    }
    return reply
  }

  /// Whether a step is passed over because its section was moved on from.
  func isLeftOut(_ step: Step, in session: Session) -> Bool {
    step.question?.isOptional == true && session.movedOn.contains(step.sectionID)
  }

  /// Empties a question's variable, keeping what it held for `back`.
  func passOver(_ question: Question, in session: inout Session) {
    if let old = session.answers.removeValue(forKey: question.variable), !session.trail.isEmpty {
      session.trail[session.trail.count - 1].cleared[question.variable] = old
    }
  }
}
