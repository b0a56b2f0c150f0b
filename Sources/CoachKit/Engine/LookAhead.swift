/// Where a session may go after the question it waits on, as far as the answers so far tell:
/// what a facilitator's private view shows as "Next", and what a host may prepare.
///
///     engine.lookAhead(in: session).places
///     // [.step("low_trust"), .step("why_not_lower")]: it depends on the answer now asked
///
/// Steps whose `when` does not hold are passed over, as the engine would; a branch or a `when`
/// that reads an answer not given yet (the waiting question's, say) could go either way, so
/// each way it could go is listed, in the order the dialogue tries them.
public struct LookAhead: Sendable, Hashable {
  public enum Place: Sendable, Hashable {
    /// A step that says or asks something.
    case step(String)
    /// The dialogue ends.
    case end
  }

  /// One place when the answers so far decide it; more when they do not yet.
  public var places: [Place]

  public var isDecided: Bool { places.count == 1 }

  /// At most this many ways are followed; more are not worth showing.
  static let maximumPlaces = 4
}

extension Engine {
  /// Where the session goes after the question it waits on; no places once it has ended.
  public func lookAhead(in session: Session) -> LookAhead {
    guard let stepID = session.currentStepID, let step = dialogue.step(stepID) else {
      return LookAhead(places: [])
    }
    var unknown = Set(
      dialogue.steps.compactMap(\.question?.variable).filter { session.answers[$0] == nil })
    // The waiting question's answer is to come, whatever it was before a `back`.
    if let variable = step.question?.variable { unknown.insert(variable) }
    var places: [LookAhead.Place] = []
    var visited: Set<String> = []
    follow(after: step, unknown: unknown, in: session, into: &places, visited: &visited)
    return LookAhead(places: places)
  }

  /// Adds where the session may go after `step`.
  private func follow(
    after step: Step, unknown: Set<String>, in session: Session,
    into places: inout [LookAhead.Place], visited: inout Set<String>
  ) {
    guard places.count < LookAhead.maximumPlaces, visited.insert(step.id).inserted else { return }
    for target in possibleTargets(after: step, unknown: unknown, in: session) {
      guard let target, let next = dialogue.step(target) else {
        if !places.contains(.end) { places.append(.end) }
        continue
      }
      if let condition = next.condition {
        switch holds(condition.expression.root, at: next, unknown: unknown, in: session) {
        case true?: break
        case false?:
          follow(after: next, unknown: unknown, in: session, into: &places, visited: &visited)
          continue
        case nil:
          // It may hold or not: the step, or what comes after it.
          add(.step(next.id), to: &places)
          follow(after: next, unknown: unknown, in: session, into: &places, visited: &visited)
          continue
        }
      }
      add(.step(next.id), to: &places)
    }
  }

  private func add(_ place: LookAhead.Place, to places: inout [LookAhead.Place]) {
    if places.count < LookAhead.maximumPlaces, !places.contains(place) { places.append(place) }
  }

  /// The steps `step` may lead to (nil: the end), in the order its `next` tries them.
  private func possibleTargets(after step: Step, unknown: Set<String>, in session: Session)
    -> [String?]
  {
    if step.isFinal { return [nil] }
    if step.returns, let call = dialogue.callReturned(after: step) {
      return possibleTargets(after: call, unknown: unknown, in: session)
    }
    switch step.next {
    case .following:
      if let next = dialogue.stepWritten(after: step.id) { return [next.id] }
      if let call = dialogue.callReturned(after: step) {
        return possibleTargets(after: call, unknown: unknown, in: session)
      }
      return [nil]
    case .goTo(let target): return [target.stepID]
    case .branches(let branches):
      var targets: [String?] = []
      for branch in branches {
        guard let condition = branch.condition else { return targets + [branch.target.stepID] }
        switch holds(condition.expression.root, at: step, unknown: unknown, in: session) {
        case true?: return targets + [branch.target.stepID]
        case false?: continue
        case nil: targets.append(branch.target.stepID)
        }
      }
      return targets + [nil]
    }
  }

  /// Whether a condition holds, as far as the answers given tell: nil when it depends on an
  /// answer to come (`size > 8 and remote` is false with 4 people, whatever `remote` will be).
  private func holds(
    _ node: ExpressionNode, at step: Step, unknown: Set<String>, in session: Session
  ) -> Bool? {
    let expression = Expression(source: "", root: node)
    if questions(behind: expression, scope: step.scope).isDisjoint(with: unknown) {
      return expression.evaluate(in: context(at: step, scope: step.scope, in: session))
        == .bool(true)
    }
    switch node {
    case .not(let operand, _):
      return holds(operand, at: step, unknown: unknown, in: session).map { !$0 }
    case .binary(.and, let lhs, let rhs, _):
      let left = holds(lhs, at: step, unknown: unknown, in: session)
      let right = holds(rhs, at: step, unknown: unknown, in: session)
      if left == false || right == false { return false }
      return left == true && right == true ? true : nil
    case .binary(.or, let lhs, let rhs, _):
      let left = holds(lhs, at: step, unknown: unknown, in: session)
      let right = holds(rhs, at: step, unknown: unknown, in: session)
      if left == true || right == true { return true }
      return left == false && right == false ? false : nil
    default:
      return nil
    }
  }
}
