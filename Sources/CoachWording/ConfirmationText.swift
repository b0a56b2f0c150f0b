/// Questions asked before what cannot be undone, and what was done after.
///
///     ConfirmationText.restart(answers: 12)
///     // "Start again from the beginning? Your 12 answers so far would be forgotten; this cannot
///     //  be undone."
public enum ConfirmationText {
  /// Before `/restart`.
  public static func restart(answers: Int) -> String {
    "Start again from the beginning? Your \(answers == 1 ? "answer" : "\(answers) answers") so far would be forgotten; this cannot be undone."
  }

  /// The short question on the prompt line.
  public static let restartPrompt = "Start again? [y/N] "

  /// When the person said no.
  public static let restartDeclined = "Not restarted; your answers are as they were."

  /// Whether a reply to a [y/N] question says yes.
  public static func isYes(_ reply: String) -> Bool {
    ["y", "yes"].contains(reply.trimmingCharacters(in: .whitespaces).lowercased())
  }
}
