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
