import CoachKit

/// The words of accessible mode, for people using a screen reader: every line a sentence that
/// reads well aloud, nothing said by layout, punctuation art or block-character bars, and every
/// prompt saying what to type.
///
///     SpokenText.lines(for: prompt)
///     // How often do you meet each person one to one?
///     // Option 1: Every week.
///     // Option 2: Every two weeks.
///     // Type the number of an option, from 1 to 2, then press Enter.
public enum SpokenText {
  public static func lines(for prompt: Prompt, commands: CommandNames = .typed) -> [String] {
    var lines = [prompt.text]
    for (index, option) in prompt.options.enumerated() {
      lines.append("Option \(index + 1): \(sentence(option.label))")
    }
    lines.append(instruction(for: prompt, commands: commands))
    return lines
  }

  /// What to type, then what Enter alone does, then where help is.
  public static func instruction(for prompt: Prompt, commands: CommandNames = .typed) -> String {
    var parts: [String] = []
    switch prompt.kind {
    case .text(let rules):
      var what = "Type your answer"
      if rules.minLength > 1 { what += ", at least \(rules.minLength) characters" }
      if let hint = rules.patternHint { what += ", \(hint)" }
      parts.append(what + ", then press Enter.")
    case .choice(let options):
      parts.append(
        "Type the number of an option, from 1 to \(options.count), then press Enter.")
    case .multipleChoice(let options, let minPicks, let maxPicks):
      parts.append(
        "Type the numbers of \(Rejection.picks(minPicks, maxPicks)) options, from 1 to \(options.count), separated by commas, then press Enter."
      )
    case .scale(let scale):
      let low = scale.minLabel.map { " (\($0))" } ?? ""
      let high = scale.maxLabel.map { " (\($0))" } ?? ""
      parts.append(
        "Type a whole number from \(scale.min)\(low) to \(scale.max)\(high), then press Enter.")
    case .number(let rules):
      let range = Rejection.Expected.range(rules).replacingOccurrences(of: "enter ", with: "type ")
      parts.append(range.prefix(1).uppercased() + range.dropFirst() + ", then press Enter.")
    case .yesNo:
      parts.append("Type yes or no, then press Enter.")
    }
    if let defaultText = prompt.defaultText {
      if let index = prompt.options.firstIndex(where: { $0.label == defaultText }) {
        parts.append("Enter alone chooses option \(index + 1).")
      } else {
        parts.append("Enter alone means \(defaultText).")
      }
    }
    if prompt.isOptional {
      parts.append(
        prompt.defaultText == nil
          ? "This question is optional: Enter alone skips it."
          : "This question is optional: \(commands.skip) skips it.")
    }
    if prompt.help != nil { parts.append("Type \(commands.questionHelp) for help.") }
    return parts.joined(separator: " ")
  }

  /// An answer taken, read back: "Your answer: Every two weeks." (free text is not repeated).
  public static func taken(_ answer: Answer, kind: AnswerKind?) -> String {
    if answer.wasSkipped { return "Skipped." }
    if case .text? = kind { return "Answer taken." }
    return "Your answer: \(sentence(answer.text))"
  }

  /// A section's beginning: "Section 2 of 4: Rhythm. 3 minutes planned; 0:42 of 20:00 so far."
  public static func header(_ heading: SectionHeading, elapsed: Double, planned: Double) -> String {
    "Section \(heading.number) of \(heading.count): \(sentence(heading.title)) \(minutes(heading.budget)) planned; \(ReplyText.clock(elapsed)) of \(ReplyText.clock(planned)) so far."
  }

  /// "1 minute", "1.5 minutes".
  static func minutes(_ value: Double) -> String {
    "\(Value.number(value).displayText) minute\(value == 1 ? "" : "s")"
  }

  /// A team's ratings as sentences: no histogram bars.
  ///
  ///     Team ratings: 5 responses. Median 4, lowest 2, highest 5; 60 % favourable (4 or more).
  ///     Rating 2: 1 response. Rating 4: 2 responses. Rating 5: 2 responses.
  public static func teamSummary(_ summary: TeamSummary) -> [String] {
    guard summary.isShown else { return TeamSummaryText.lines(for: summary) }
    func number(_ value: Double) -> String { Value.number(value).displayText }
    var lines = [
      "Team ratings: \(summary.count) responses. Median \(number(summary.median)), lowest \(number(summary.lowest)), highest \(number(summary.highest)); \(Int(summary.favourablePercent.rounded())) % favourable (\(summary.favourableText)\(summary.isReversed ? ": agreeing is unfavourable here" : ""))."
    ]
    let given = summary.histogram.filter { $0.count > 0 }.map {
      "Rating \($0.rating): \($0.count) response\($0.count == 1 ? "" : "s")."
    }
    lines.append(given.joined(separator: " "))
    // The leader's rating, the split and the blind spot are sentences already.
    lines += TeamSummaryText.lines(for: summary).filter {
      $0.hasPrefix("The leader's") || $0.hasPrefix("Split") || $0.hasPrefix("Blind spot")
    }
    return lines
  }

  /// Text without the charts drawn in block characters ("31 ██████░░░░ priority" reads "31
  /// priority"): every word made of bars goes (zero-width control marks around it count for
  /// nothing), and the spaces that aligned them with it. Lines without bars stay as they are.
  public static func withoutBars(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard line.contains(where: bars.contains) else { return String(line) }
      let indentation = line.prefix { $0 == " " }
      let kept = line.split(separator: " ").filter { word in
        !(word.contains(where: bars.contains)
          && word.allSatisfy { bars.contains($0) || ($0.asciiValue ?? 0x20) < 0x20 })
      }
      return indentation + kept.joined(separator: " ")
    }.joined(separator: "\n")
  }

  /// Characters charts are drawn with.
  static let bars: Set<Character> = [
    "█", "▉", "▊", "▋", "▌", "▍", "▎", "▏", "░", "▒", "▓", "■", "□", "▰", "▱",
  ]

  /// Text that ends as a sentence does: with a full stop unless it has one.
  static func sentence(_ text: String) -> String {
    guard let last = text.last else { return text }
    return ".!?:".contains(last) ? text : text + "."
  }
}
