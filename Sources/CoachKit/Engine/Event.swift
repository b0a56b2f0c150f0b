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

  // Facilitator mode: each changes the session, so the log keeps it for resume, the presenter
  // view and exports.

  /// Move on: leave the current question unanswered. (In logs written before ratings were
  /// anonymous, it also ended a team question's round.)
  case next
  /// A team question's round of ratings closed: how many rated and, from three on, the values
  /// without who gave which. The session then asks the leader's own rating.
  case teamRatings(TeamRatings)
  /// Add minutes to the current section's budget.
  case extend(minutes: Double)
  /// Stop the agenda clock.
  case pause
  /// Start the agenda clock again.
  case resume
  /// Note a side topic for the plan's parking lot.
  case park(String)
  /// Go to the first step of the section with this id.
  case jump(section: String)

  // Presence: the session clock counts only the time someone is there.

  /// The person left (quit, closed the input, the program was stopped): the clock stops.
  case stop(StopReason)
  /// The person is back (a resume): the time since the stop, or since the last event when no
  /// stop was recorded (a crash), is time away and is not counted.
  case `continue`

  /// From here on the session runs on the dialogue whose ``DialogueSnapshot`` has this id,
  /// rebuilt from the events that still fit it: a resume on a changed dialogue, chosen by the
  /// person. ``Replay`` handles it; to the engine it changes nothing.
  case useDialogue(String)
}
