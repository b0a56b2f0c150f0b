/// Something the person did, which the engine answers with a ``Reply``.
///
/// The same events, written to a session's log in order, rebuild the session exactly.
public enum Event: Hashable, Sendable, Codable {
  /// Text typed in answer to the current question (an empty line takes the default).
  case answer(String)
  /// Undo the last answer and ask that question again.
  case back
  /// Leave an optional question unanswered.
  case skip
  /// Forget every answer and begin again.
  case restart
}
