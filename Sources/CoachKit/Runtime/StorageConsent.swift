/// Whether a session's answers may be kept, by the dialogue's `keep_answers_if`: the person's
/// choice, made inside the dialogue, so that what the dialogue says about saving is always true.
///
///     switch StorageConsent(engine: engine, session: session) {
///     case .given: …      // keep every event, from the first
///     case .undecided: …  // wait: the question that decides has not been answered
///     case .refused: …    // keep nothing, and remove what was kept
///     }
enum StorageConsent: Sendable, Equatable {
  /// No `keep_answers_if`, or it holds.
  case given
  /// It does not hold: nothing may be kept, and what was kept must go.
  case refused
  /// It does not hold yet, but reads a question not answered yet.
  case undecided

  init(engine: Engine, session: Session) {
    guard let condition = engine.dialogue.keepAnswersCondition else {
      self = .given
      return
    }
    if engine.evaluate(condition, in: session) == .bool(true) {
      self = .given
      return
    }
    let waiting = engine.questions(behind: condition.expression).contains {
      session.answers[$0] == nil
    }
    self = waiting && !session.isFinished ? .undecided : .refused
  }
}
