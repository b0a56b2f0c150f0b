/// Whose turn it is at a team question in facilitator mode.
///
///     switch prompt.teamTurn {
///     case .room(let expected)?: …   // open a round: "3 of 5 rated"
///     case .leader?: …               // the leader's own rating
///     case nil: …                    // an ordinary question
///     }
public enum TeamTurn: Hashable, Sendable {
  /// The room rates; `expected` is how many people do, when known (`--participants`).
  case room(expected: Int?)
  /// The room has rated; the leader gives their own rating, which is the question's answer.
  case leader
}
