import Foundation

/// Answers to `moment` questions: read relative to the engine's clock, in the session's time
/// zone, and held to the question's `earliest` and `latest`.
extension Engine {
  /// The moment the clock shows, to the minute, in the session's time zone.
  public var now: Moment { Moment(clock.now(), timeZone: clock.timeZone) }

  /// A day and a time as typed, read and checked against the question's bounds.
  /// Its bounds are read as the step means them (inside a flow, with the call's names).
  func momentAnswer(
    _ text: String, _ rules: AnswerKind.MomentRules, at step: Step, in session: Session
  ) -> Result<Value, MomentProblem> {
    let now = self.now
    let reading: MomentReading.Result
    switch MomentReading(now: now).read(text.trimmingBlanksAndLineBreaks()) {
    case .success(let read): reading = read
    case .failure(let problem): return .failure(problem)
    }
    let moment = reading.moment
    if let formula = rules.earliest, let earliest = MomentBound(evaluate(formula, at: step, in: session)),
      !earliest.admitsAsEarliest(moment)
    {
      let isNow: Bool
      switch earliest {
      case .moment(let bound): isNow = bound <= now
      case .day(let day): isNow = day <= now.day && moment < now
      }
      return .failure(.tooEarly(moment, earliest: earliest, hasPassed: isNow))
    }
    if let formula = rules.latest, let latest = MomentBound(evaluate(formula, at: step, in: session)),
      !latest.admitsAsLatest(moment)
    {
      // "next Friday" read as next week's: say how to write this week's, if that one fits.
      let other = reading.otherReading.flatMap { other in
        latest.admitsAsLatest(other.moment)
          && (rules.earliest.flatMap { MomentBound(evaluate($0, at: step, in: session)) }?
            .admitsAsEarliest(other.moment) ?? true) ? other : nil
      }
      return .failure(.tooLate(moment, latest: latest, otherReading: other))
    }
    return .success(.moment(moment))
  }
}
