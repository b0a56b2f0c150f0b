/// No expression can give a text longer than ``ValueLimits/maxTextLength``, the computed values
/// together hold at most ``ValueLimits/maxComputedLength``, and no text can grow past
/// ``ValueLimits/maxRenderedLength`` once its placeholders are filled in: what a session works out
/// stays small, whatever the answers.
///
///     computed:
///       c1: repeat(c0, 1000)
///       c2: repeat(c1, 1000)   # error: this could give a text of 1000000 characters; …
struct ValueSizes: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    let bounds = NameBounds(dialogue)
    var findings: [Diagnostic] = []
    func report(_ oversized: Expression.Oversized, in formula: Formula) {
      findings.append(
        .error(
          "this could give a text of \(oversized.length) characters; a value may have at most \(ValueLimits.maxTextLength)",
          at: formula.location(ofOffset: oversized.offset)))
    }
    // A formula that reads a broken computed value was reported where that value is written.
    func readsBroken(_ formula: Formula) -> Bool {
      formula.expression.names.contains { analysis.brokenComputed.contains($0.name) }
    }
    var total = 0
    for computed in dialogue.computed where !analysis.brokenComputed.contains(computed.name) {
      if let oversized = bounds.oversized[computed.name], !readsBroken(computed.formula) {
        report(oversized, in: computed.formula)
      }
      guard let bound = bounds.bound(of: computed.name), total <= ValueLimits.maxComputedLength
      else { continue }
      if case .text = bound.shape { total += bound.displayLength }
      if case .list = bound.shape { total += bound.displayLength }
      if total > ValueLimits.maxComputedLength {
        findings.append(
          .error(
            "the computed values up to this one could hold \(total) characters together; a dialogue's computed values may hold at most \(ValueLimits.maxComputedLength)",
            at: computed.location))
      }
    }
    func check(_ formula: Formula, at place: WrittenPlace) {
      guard !bounds.readsOversized(formula, at: place), !readsBroken(formula),
        let oversized = bounds.bound(of: formula, at: place).oversized
      else { return }
      report(oversized, in: formula)
    }
    dialogue.forEachFormula { formula, place, _ in check(formula, at: place) }
    for (formula, _) in dialogue.dialogueFormulas { check(formula, at: .outside) }
    dialogue.forEachText { text, place in
      guard !text.names.isEmpty else { return }
      // Each `{{name}}` gives way to the value: its tag (at least the name and four braces) goes.
      var length = text.source.count
      for use in text.names where !use.opensSection {
        guard let bound = bounds.bound(of: use.name, at: place) else { continue }
        let grows = bound.displayLength - use.name.count - 4
        length = length.addingReportingOverflow(grows).overflow ? Int.max : length + grows
      }
      if length > ValueLimits.maxRenderedLength {
        findings.append(
          .error(
            "once its {{placeholders}} are filled in, this text could have \(length) characters; a text may show at most \(ValueLimits.maxRenderedLength)",
            at: text.location))
      }
    }
    return findings
  }
}
