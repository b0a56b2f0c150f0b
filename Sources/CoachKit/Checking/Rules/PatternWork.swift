/// A text question's pattern can be matched quickly on its longest answer: the pattern's steps per
/// character times the question's `max_length` stay within ``Pattern/maxStepsPerAnswer``, so that
/// no answer takes more than a few tens of milliseconds to check.
///
///     ask: { type: text, max_length: 100000, pattern: "(.*,){500}" }
///     // error: this pattern takes 1503 steps per character; on answers of up to 100000 …
struct PatternWork: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    dialogue.forEachWrittenStep { step, _ in
      guard let question = step.question, case .text(let rules) = question.kind,
        let pattern = rules.compiledPattern
      else { return }
      let (work, overflow) = pattern.stepsPerCharacter.multipliedReportingOverflow(
        by: max(rules.maxLength, 0))
      guard overflow || work > Pattern.maxStepsPerAnswer else { return }
      let longest = Pattern.maxStepsPerAnswer / max(pattern.stepsPerCharacter, 1)
      findings.append(
        .error(
          "this question's pattern takes \(pattern.stepsPerCharacter) steps per character, too many for answers of up to \(rules.maxLength) characters; lower max_length to \(longest) or less, or simplify the pattern",
          at: question.location))
    }
    return findings
  }
}
