import Foundation

/// The plan a session ends with, and its calendar event.
extension Engine {
  /// The plan as rendered from the session's answers, Markdown with every value escaped; nil when
  /// the dialogue has none.
  public func renderedPlan(in session: Session) -> String? {
    dialogue.plan.map { render($0.text, in: session, markdown: true) }
  }

  /// Whether the plan may be written to a file: its `save_if` holds (or it has none).
  public func shouldSavePlan(in session: Session) -> Bool {
    guard let plan = dialogue.plan else { return false }
    guard let condition = plan.saveCondition else { return true }
    return evaluate(condition, in: session) == .bool(true)
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
}
