import CoachKit

/// How a question reads: the question, its options, and a line saying what to type.
///
/// Shared by the REPL and piped runs so that both ask the same way:
///
///     How often do you meet each person one to one?
///       1) Every week
///       2) Every two weeks
///       3) Rarely or never
///     Enter a number from 1 to 3.
public enum PromptText {
  public static func lines(for prompt: Prompt, commands: CommandNames = .typed) -> [String] {
    var lines = [prompt.text]
    for (index, option) in prompt.options.enumerated() {
      lines.append("  \(index + 1)) \(option.label)")
    }
    let instruction = instruction(for: prompt, commands: commands)
    if !instruction.isEmpty { lines.append(instruction) }
    return lines
  }

  /// The line that says what to type, with the default said in words.
  public static func instruction(for prompt: Prompt, commands: CommandNames = .typed) -> String {
    var parts: [String] = []
    switch prompt.kind {
    case .text(let rules):
      if rules.minLength > 1 { parts.append("At least \(rules.minLength) characters.") }
      if let hint = rules.patternHint { parts.append("Expected: \(hint).") }
    case .choice(let options):
      parts.append("Enter a number from 1 to \(options.count).")
    case .multipleChoice(let options, let minPicks, let maxPicks):
      parts.append(
        "Pick \(Rejection.picks(minPicks, maxPicks)): numbers separated by commas or spaces (1 to \(options.count))."
      )
    case .scale(let scale):
      var ends = "Enter \(scale.min) to \(scale.max)"
      if let low = scale.minLabel, let high = scale.maxLabel {
        ends += " (\(scale.min) = \(low), \(scale.max) = \(high))"
      }
      parts.append(ends + ".")
    case .number(let rules):
      let range = Rejection.Expected.range(rules)
      parts.append(range.prefix(1).uppercased() + range.dropFirst() + ".")
    case .yesNo:
      switch prompt.defaultValue {
      case .bool(true)?: parts.append("[Y/n] (default: yes)")
      case .bool(false)?: parts.append("[y/N] (default: no)")
      default: parts.append("[y/n]")
      }
    }
    if let defaultText = prompt.defaultText, !prompt.kind.isYesNo {
      // A long option is named by its number; the list above shows it in full.
      if let index = prompt.options.firstIndex(where: { $0.label == defaultText }),
        defaultText.count > 24
      {
        parts.append("Press Enter for \(index + 1).")
      } else {
        parts.append("Press Enter for \(defaultText).")
      }
    }
    if prompt.isOptional {
      parts.append(
        prompt.defaultText == nil
          ? "Optional: press Enter to skip." : "Optional: \(commands.skip) to skip.")
    }
    if prompt.help != nil { parts.append("? for help.") }
    return parts.joined(separator: " ")
  }
}

extension PromptText {
  /// What `?` says at a question without help of its own: what kind of answer fits, and where
  /// the commands are.
  ///
  ///     There is no extra help for this question. It asks for your own words: type them and
  ///     press Enter. /help lists the commands; /back goes to the previous question.
  public static func withoutHelp(for prompt: Prompt, commands: CommandNames = .typed) -> String {
    let what: String
    switch prompt.kind {
    case .text: what = "It asks for your own words: type them and press Enter."
    case .choice:
      what =
        "Choose one of the options: type its number, or the start of its name, and press Enter."
    case .multipleChoice:
      what = "Pick among the options: type their numbers, separated by commas, and press Enter."
    case .scale(let scale):
      what =
        "It asks for a rating: type a whole number from \(scale.min) to \(scale.max) and press Enter."
    case .number: what = "It asks for a number: type it and press Enter."
    case .yesNo: what = "Type yes or no (y or n) and press Enter."
    }
    var text = "There is no extra help for this question. " + what
    let instruction = self.instruction(for: prompt, commands: commands)
    if !instruction.isEmpty { text += " (" + instruction + ")" }
    return text
      + " \(commands.help) lists the commands; \(commands.back) goes to the previous question."
  }

  /// An answer as it can be typed again, to put back on the line: an option by its number, a
  /// few picks as "1, 3", a number or text as it reads. Empty for a skip without a value.
  public static func typed(_ answer: Answer, for prompt: Prompt) -> String {
    if answer.wasSkipped && answer.value == .none { return "" }
    let options = prompt.options
    func number(_ value: String) -> String? {
      options.firstIndex { $0.value == value }.map { "\($0 + 1)" }
    }
    switch answer.value {
    case .text(let chosen) where !options.isEmpty:
      return number(chosen) ?? answer.text
    case .list(let picked) where !options.isEmpty:
      return picked.compactMap(number).joined(separator: ", ")
    case .bool(let yes):
      return yes ? "yes" : "no"
    default:
      return answer.text
    }
  }

  /// Facilitator mode: what the shared screen says while the room rates a team question on
  /// their phones.
  public static let roomRound =
    "Rate this on your phone. Results show from \(TeamSummary.minimumResponses) ratings on, never who gave what."

  /// Facilitator mode, without phones: ratings typed at the keyboard, unseen by the room.
  public static let typedRound =
    "Each person types their rating here, unseen, and presses Enter (or type everyone's at once, like 4 3 5)."

  /// "4 of 6 rated", "4 rated".
  public static func ratedCount(_ rated: Int, of expected: Int?) -> String {
    guard let expected else { return "\(rated) rated" }
    return "\(rated) of \(expected) rated"
  }

  /// What the facilitator does to close a round.
  public static func closingRound(commands: CommandNames = .typed) -> String {
    "Enter when everyone has rated; \(commands.next) closes the round now."
  }

  /// A scale's ends, for a question the room rates elsewhere: "1 = Strongly disagree, 5 =
  /// Strongly agree"; nothing for another kind, or a scale without labels.
  public static func scaleEnds(for prompt: Prompt) -> [String] {
    guard case .scale(let scale) = prompt.kind, let low = scale.minLabel, let high = scale.maxLabel
    else { return [] }
    return ["\(scale.min) = \(low), \(scale.max) = \(high)"]
  }

  /// Facilitator mode: the line before a team question's prompt when the leader's turn comes.
  public static let leadersTurn = "The leader's own rating:"
}
