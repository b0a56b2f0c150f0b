import CoachKit

/// How a rejection reads to the person who gave the answer.
///
///     RejectionText.sentence(rejection)  // "Sorry, 6 is more than 5; enter a whole number from 1 to 5."
public enum RejectionText {
  public static func sentence(_ rejection: Rejection, commands: CommandNames = .typed) -> String {
    // A dialogue's own check says it in its own words, whole.
    if case .refusedByCheck(let text) = rejection.code { return text }
    return "Sorry, \(rejection.reason)\(hint(for: rejection.code, commands))."
  }

  /// What to do instead, where that is one of the host's controls.
  static func hint(for code: Rejection.Code, _ commands: CommandNames) -> String {
    switch code {
    case .tooManyRatings: "; \(commands.next) closes the round"
    case .extensionOutOfRange: ", e.g. \(commands.extendExample)"
    case .nothingToPark: ", e.g. \(commands.parkExample)"
    default: ""
    }
  }

  /// Whether the question's instruction should be said again after the sentence: only when
  /// the reason does not already say what is expected (an answer needed, an option that stands
  /// alone, a form not said). Saying it twice is noise.
  public static func isFollowedByInstruction(_ rejection: Rejection) -> Bool {
    switch rejection.code {
    case .answerNeeded, .pickedAlone, .notTheExpectedForm(hint: nil): true
    default: false
    }
  }
}
