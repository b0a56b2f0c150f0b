/// The ``ValueBound`` of every name a dialogue reads: an answer from its question (a text
/// question's `max_length`, a scale's range, a `multi` question's options), a computed value from
/// its formula, `today`, the parking lot, and in a follow-up each `before_` name from the
/// dialogue it follows.
///
///     let bounds = NameBounds(dialogue)
///     bounds.bound(of: "team_size")   // .number(low: 1, high: 50, whole: true)
///     bounds.oversized["c2"]          // where c2's formula could outgrow the size limit
///
/// Shared by the rules that check sizes and defaults.
struct NameBounds: Sendable {
  private var bounds: [String: ValueBound] = [:]
  private var labels: [String: Int] = [:]
  /// Computed values whose formula could give a text longer than the limit (and that read no
  /// other such value): where, and how long.
  private(set) var oversized: [String: Expression.Oversized] = [:]
  /// Those, and the computed values that read them: nothing is known of their size.
  private var unbounded: Set<String> = []
  /// A call's parameters, as stored (`a1_menu`): the value written for each, and where.
  private var parameters: [String: (value: Formula, scope: FlowScope?)] = [:]
  /// For each flow, the prefixes its calls store its names under (`a1_`, `a2_`).
  private var prefixes: [String: [String]] = [:]
  private let functions: FunctionTable

  init(_ dialogue: Dialogue) {
    functions = dialogue.functionTable
    for position in dialogue.steps.indices {
      let step = dialogue.steps[position]
      guard let call = step.call, let first = dialogue.callee(at: position).first,
        let scope = dialogue.steps[first].scope
      else { continue }
      prefixes[call.flowID, default: []].append(scope.namePrefix)
      for argument in call.arguments {
        parameters[scope.namePrefix + argument.name] = (argument.value, step.scope)
      }
    }
    for step in dialogue.steps {
      guard let question = step.question, bounds[question.variable] == nil else { continue }
      bounds[question.variable] = Self.bound(of: question.kind)
      let options = question.kind.options
      if !options.isEmpty { labels[question.variable] = options.map(\.label.count).max() }
    }
    bounds[BuiltInNames.today] = ValueBound(.other, canBeEmpty: false)
    bounds[BuiltInNames.now] = ValueBound(.other, canBeEmpty: false)
    bounds[BuiltInNames.parkingLot] = ValueBound(
      .list(items: Int.max, length: ValueLimits.maxTextLength), canBeEmpty: false)
    guard let followed = dialogue.follows else {
      workOutComputed(dialogue)
      return
    }
    let earlier = NameBounds(followed.dialogue)
    for (name, bound) in earlier.bounds where BuiltInNames.types[name] == nil {
      bounds[FollowedDialogue.prefix + name] = bound
    }
    bounds[FollowedDialogue.dateName] = ValueBound(.other)
    bounds[FollowedDialogue.sessionDateName] = ValueBound(.other)
    bounds[FollowedDialogue.followUpsName] = ValueBound(
      .number(low: 0, high: .infinity, whole: true), canBeEmpty: false)
    bounds[FollowedDialogue.planName] = ValueBound(.text(length: ValueLimits.maxTextLength))
    // The follow-up's own names, as an earlier follow-up left them.
    let isOwn = followed.carries
    for step in dialogue.steps {
      guard let question = step.question, isOwn(question.variable) else { continue }
      bounds[FollowedDialogue.prefix + question.variable] = Self.bound(of: question.kind)
    }
    let carried = dialogue.computed.map(\.name).filter(isOwn)
    guard !carried.isEmpty else {
      workOutComputed(dialogue)
      return
    }
    // A carried value may read its own earlier value: its bound is the one that holds from
    // check-in to check-in. Start small and widen until it settles; one that keeps growing (a
    // text that adds to itself each time) is unbounded.
    let given = self
    let types = FlowAnalysis(dialogue).types
    var guesses = Dictionary(
      uniqueKeysWithValues: carried.map { name in
        let start: ValueBound
        switch types[name] {
        case .number?: start = ValueBound(.number(low: 0, high: 0, whole: true))
        case .text?: start = ValueBound(.text(length: 0))
        case .list?: start = ValueBound(.list(items: 0, length: 0))
        default: start = ValueBound(.other)
        }
        return (name, start)
      })
    for round in 0...4 {
      var trial = given
      for (name, bound) in guesses { trial.bounds[FollowedDialogue.prefix + name] = bound }
      trial.workOutComputed(dialogue)
      let found = Dictionary(
        uniqueKeysWithValues: carried.map { ($0, trial.bounds[$0] ?? .unknown) })
      if found == guesses || round == 4 {
        if found != guesses {
          for (name, bound) in found {
            guard bound != guesses[name] else { continue }
            if case .number = bound.shape {
              trial.bounds[FollowedDialogue.prefix + name] = .anyNumber
            } else {
              trial.bounds[FollowedDialogue.prefix + name] = .unknown
            }
          }
          trial.oversized = [:]
          trial.unbounded = []
          for name in dialogue.computed.map(\.name) { trial.bounds[name] = nil }
          trial.workOutComputed(dialogue)
        }
        bounds = trial.bounds
        oversized = trial.oversized
        unbounded = trial.unbounded
        return
      }
      guesses = found
    }
  }

  private mutating func workOutComputed(_ dialogue: Dialogue) {
    var working: Set<String> = []
    for computed in dialogue.computed {
      work(out: computed.name, in: dialogue, depth: 0, working: &working)
    }
    for name in parameters.keys.sorted() {
      work(out: name, in: dialogue, depth: 0, working: &working)
    }
  }

  func bound(of name: String) -> ValueBound? { bounds[name] }

  /// The bound of a name as written at `place`: in a flow, one of its own names can be what any
  /// of its calls stores.
  func bound(of name: String, at place: WrittenPlace) -> ValueBound? {
    guard let flow = place.flow, let prefixes = prefixes[flow.id], !prefixes.isEmpty else {
      return bounds[name]
    }
    let stored = prefixes.compactMap { bounds[$0 + name] }
    guard let first = stored.first else { return bounds[name] }
    return stored.dropFirst().reduce(first) { $0.union($1) }
  }

  /// The longest option label of the question storing `name`, for `label()`.
  func longestLabel(of name: String) -> Int? { labels[name] }

  /// The bound of a formula's values, and where it could outgrow the size limit.
  func bound(of formula: Formula) -> (bound: ValueBound, oversized: Expression.Oversized?) {
    formula.expression.bound(
      names: { bounds[$0] }, longestLabel: { labels[$0] }, functions: functions)
  }

  /// The same, for a formula written at `place`.
  func bound(of formula: Formula, at place: WrittenPlace) -> (
    bound: ValueBound, oversized: Expression.Oversized?
  ) {
    guard place.flow != nil else { return bound(of: formula) }
    let known = bounds
    return formula.expression.bound(
      names: { bound(of: $0, at: place) }, longestLabel: { labels[$0] }, functions: functions,
      globals: { known[$0] })
  }

  /// What an answer to a question of this kind can be.
  static func bound(of kind: AnswerKind) -> ValueBound {
    switch kind {
    case .text(let rules):
      return ValueBound(.text(length: min(max(rules.maxLength, 0), ValueLimits.maxTextLength)))
    case .choice(let options):
      return ValueBound(
        .text(length: options.map { max($0.value.count, $0.label.count) }.max() ?? 0))
    case .multipleChoice(let options, _, let maxPicks):
      let length = options.reduce(0) { $0 + max($1.value.count, $1.label.count) + 2 }
      return ValueBound(.list(items: maxPicks, length: length))
    case .scale(let scale):
      return ValueBound(.number(low: Double(scale.min), high: Double(scale.max), whole: true))
    case .number(let rules):
      return ValueBound(
        .number(
          low: rules.min ?? -.infinity, high: rules.max ?? .infinity, whole: rules.integer))
    case .yesNo, .moment:
      return ValueBound(.other)
    }
  }

  /// Works out a computed value after the ones it reads. A cycle, or a chain deeper than the
  /// checker follows (both reported by ``FlowAnalysis``), leaves nothing known.
  private mutating func work(
    out name: String, in dialogue: Dialogue, depth: Int, working: inout Set<String>
  ) {
    guard bounds[name] == nil else { return }
    let formula: Formula
    var scope: FlowScope?
    if let computed = dialogue.computedValue(name) {
      formula = computed.formula
    } else if let parameter = parameters[name] {
      (formula, scope) = parameter
    } else {
      return
    }
    guard depth <= FlowAnalysis.maxComputedChain, working.insert(name).inserted else {
      bounds[name] = .unknown
      return
    }
    for use in dialogue.names(readBy: formula.expression) {
      work(out: scope?.stored(use) ?? use, in: dialogue, depth: depth + 1, working: &working)
    }
    working.remove(name)
    let known = bounds
    let (bound, found) = formula.expression.bound(
      names: { known[scope?.stored($0) ?? $0] }, longestLabel: { labels[$0] },
      functions: functions, globals: { known[$0] })
    // Reported where it first grows too large, not again in what reads it.
    let readsUnbounded = readsOversized(formula)
    if let found, !readsUnbounded { oversized[name] = found }
    if found != nil || readsUnbounded { unbounded.insert(name) }
    bounds[name] = found == nil ? bound : .unknown
  }

  /// Whether a formula reads a computed value that could already grow too large (directly or
  /// through others), which is reported where that value is written.
  func readsOversized(_ formula: Formula) -> Bool {
    formula.expression.names.contains { unbounded.contains($0.name) }
  }

  /// The same, for a formula written at `place`.
  func readsOversized(_ formula: Formula, at place: WrittenPlace) -> Bool {
    guard let flow = place.flow else { return readsOversized(formula) }
    let prefixes = prefixes[flow.id] ?? []
    return formula.expression.names.contains { use in
      unbounded.contains(use.name) || prefixes.contains { unbounded.contains($0 + use.name) }
    }
  }
}
