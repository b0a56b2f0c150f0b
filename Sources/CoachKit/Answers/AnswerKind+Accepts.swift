extension AnswerKind {
  /// Whether `value` is an answer this kind of question could have been given: the test a
  /// default worked out from an expression passes before it is offered or stored.
  ///
  ///     AnswerKind.scale(.init(min: 1, max: 10)).accepts(.number(11))   // false
  ///     AnswerKind.choice(options).accepts(.text("weekly"))             // true, an option's value
  ///
  /// `.none` (no default) is accepted by every kind.
  public func accepts(_ value: Value) -> Bool {
    switch (self, value) {
    case (_, .none):
      return true
    case (.scale(let scale), .number(let x)):
      return x == x.rounded() && Double(scale.min) <= x && x <= Double(scale.max)
    case (.number(let rules), .number(let x)):
      return x.isFinite && (!rules.integer || x == x.rounded())
        && x >= (rules.min ?? -.infinity) && x <= (rules.max ?? .infinity)
    case (.choice(let options), .text(let chosen)):
      return options.contains { $0.value == chosen }
    case (.multipleChoice(let options, let minPicks, let maxPicks), .list(let picked)):
      let values = Set(options.map(\.value))
      return (minPicks...max(maxPicks, minPicks)).contains(picked.count)
        && picked.allSatisfy(values.contains)
    case (.text(let rules), .text(let text)):
      let length = text.count
      return rules.minLength <= length && length <= rules.maxLength
        && (rules.compiledPattern?.matches(text) ?? true)
    case (.yesNo, .bool), (.moment, .moment):
      return true
    default:
      return false
    }
  }
}
