/// What the runtime keeps of an event, and of the session after it.
extension Event {
  /// The event as the log keeps it: no more of what was typed than the session keeps (a parked
  /// topic is cut to what the parking lot holds), so a long line costs nothing later.
  var asKept: Event {
    if case .park(let text) = self { return .park(ParkedItem.keptText(text)) }
    return self
  }
}

extension Session {
  /// The answers (and skips) that stand.
  var answeredCount: Int { trail.count }
}
