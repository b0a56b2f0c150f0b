/// A `default: =…` of a scale or number question stays within the question's range and is whole
/// where the question takes whole numbers, whenever its range can be worked out: `=current + 2`
/// on a 1–10 scale offered 11, and Enter stored it.
///
///     default: =current + 2        # error: this default can be as much as 12, …
///     default: =min(current + 2, 10)
struct DefaultRanges: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var bounds: NameBounds?
    var findings: [Diagnostic] = []
    dialogue.forEachFormula { formula, place, role in
      guard case .defaultAnswer(let question) = role else { return }
      let range: (low: Double?, high: Double?, whole: Bool, what: String)
      switch question.kind {
      case .scale(let scale):
        range = (Double(scale.min), Double(scale.max), true, "the scale's")
      case .number(let rules):
        range = (rules.min, rules.max, rules.integer, "the question's")
      default:
        return
      }
      if bounds == nil { bounds = NameBounds(dialogue) }
      guard let bounds,
        case .number(let low, let high, let whole) = bounds.bound(of: formula, at: place).bound.shape
      else { return }
      let span = Self.describe(range.low, range.high)
      if let most = range.high, high.isFinite, high > most {
        findings.append(
          .error(
            "this default can be as much as \(Value.number(high).displayText), more than \(range.what) highest (\(Value.number(most).displayText)); keep it \(span), e.g. min(…, \(Value.number(most).displayText))",
            at: formula.location))
      } else if let least = range.low, low.isFinite, low < least {
        findings.append(
          .error(
            "this default can be as little as \(Value.number(low).displayText), less than \(range.what) lowest (\(Value.number(least).displayText)); keep it \(span), e.g. max(…, \(Value.number(least).displayText))",
            at: formula.location))
      } else if range.whole, !whole {
        findings.append(
          .error(
            "this default can be a fraction, but the question takes whole numbers; round it, e.g. round(…)",
            at: formula.location))
      }
    }
    return findings
  }

  private static func describe(_ low: Double?, _ high: Double?) -> String {
    switch (low, high) {
    case (let low?, let high?):
      "from \(Value.number(low).displayText) to \(Value.number(high).displayText)"
    case (let low?, nil): "at least \(Value.number(low).displayText)"
    case (nil, let high?): "at most \(Value.number(high).displayText)"
    case (nil, nil): "in range"
    }
  }
}
