import Foundation

/// The plan a session ends with, and its calendar event.
extension Engine {
  /// The plan as rendered from the session's answers, Markdown with every value escaped; nil when
  /// the dialogue has none, or when the template leaves everything out on this way through (a
  /// check-in put off at the start has no plan to show or save).
  public func renderedPlan(in session: Session) -> String? {
    guard let plan = dialogue.plan else { return nil }
    let text = render(plan.text, in: session, markdown: true)
    return text.allSatisfy(\.isWhitespace) ? nil : text
  }

  /// Whether the plan may be written to a file: its `save_if` holds (or it has none).
  public func shouldSavePlan(in session: Session) -> Bool {
    guard let plan = dialogue.plan else { return false }
    guard let condition = plan.saveCondition else { return true }
    return evaluate(condition, in: session) == .bool(true)
  }

  /// The plan's calendar events as worked out from the answers, in the order written: those whose
  /// `when` holds and whose date (or day and time) is not empty.
  public func calendarEvents(in session: Session) -> [CalendarEvent] {
    (dialogue.plan?.calendar ?? []).compactMap { event in
      if let condition = event.condition, evaluate(condition, in: session) != .bool(true) {
        return nil
      }
      let start: CalendarEvent.Start
      switch evaluate(event.start, in: session) {
      case .date(let day) where !event.isTimed: start = .day(day)
      case .moment(let moment) where event.isTimed:
        let minutes = event.minutes ?? CalendarTemplate.defaultMinutes
        start = .time(moment, timeZone: clock.timeZone, minutes: minutes)
      default: return nil
      }
      return CalendarEvent(
        id: event.id, start: start, summary: render(event.summary, in: session),
        description: event.description.map { render($0, in: session) })
    }
  }

  /// The events the plan's calendar file holds: ``calendarEvents(in:)`` and, for a follow-up,
  /// each event the earlier file had that the plan no longer holds, cancelled (its UID is the
  /// same, so that a calendar program takes it out): a done or dropped action's first step.
  public func calendarFileEvents(in session: Session) -> [CalendarEvent] {
    let events = calendarEvents(in: session)
    let written = Set(events.map(\.id))
    let cancelled = earlier.calendar.filter { !written.contains($0.id) }.map { event in
      var event = event
      event.isCancelled = true
      return event
    }
    return events + cancelled
  }
}
