/// How to leave a session, said where a person looks for it: after Ctrl-C a second time, when
/// they type `quit`, `exit` or `help` at a question, and when they press Ctrl-D once. What it
/// says about their answers is what is true: kept (to go on later) or not kept at all.
///
///     LeavingText.howToLeave(isKept: true)
///     // "To stop, type /quit (or press Ctrl-D twice on an empty line); your answers so far are
///     //  kept, to go on later. /help lists the commands."
public enum LeavingText {
  /// Words a person may type at a question when they mean to leave or to get help.
  public static let words: Set<String> = ["quit", "exit", "q", "help"]

  /// Whether `text` is one of ``words`` alone, whatever its case and surrounding spaces.
  public static func leaveWord(in text: String) -> String? {
    let word = text.trimmingCharacters(in: .whitespaces).lowercased()
    return words.contains(word) ? word : nil
  }

  /// What happens to the answers when the person stops now.
  static func afterStopping(isKept: Bool) -> String {
    isKept
      ? "your answers so far are kept, to go on later"
      : "nothing is saved, so the session would start again next time"
  }

  /// "To stop, type /quit …; …. /help lists the commands."
  public static func howToLeave(isKept: Bool, commands: CommandNames = .typed) -> String {
    let keys = commands.quitKeys.map { " (or \($0))" } ?? ""
    return
      "To stop, type \(commands.quit)\(keys); \(afterStopping(isKept: isKept)). \(commands.help) lists the commands."
  }

  /// A leave word typed at a question it is no answer to (a choice, a number…).
  public static func notAnAnswer(_ word: String, isKept: Bool, commands: CommandNames = .typed)
    -> String
  {
    if word == "help" {
      return
        "'help' is not an answer to this question. \(commands.questionHelp) gives help with it; \(commands.help) lists the commands."
    }
    return "'\(word)' is not an answer to this question. "
      + howToLeave(isKept: isKept, commands: commands)
  }

  /// A leave word typed at a free-text question, where it could be the answer: asked, not taken.
  public static func couldBeTheAnswer(_ word: String, isKept: Bool, commands: CommandNames = .typed)
    -> String
  {
    let meaning =
      word == "help"
      ? "Looking for help? \(commands.questionHelp) gives help with this question; \(commands.help) lists the commands."
      : "Did you mean to stop? Type \(commands.quit); \(afterStopping(isKept: isKept))."
    return meaning + " To answer '\(word)', press Enter: it is on the line."
  }

  /// After Ctrl-D once on an empty line.
  public static func quitQuestion(isKept: Bool) -> String {
    "Quit? Press Ctrl-D again to quit (\(afterStopping(isKept: isKept))), or keep answering."
  }
}
