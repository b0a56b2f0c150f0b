/// The shape of a dialogue as a graph of steps, worked out once and shared by the rules: who
/// leads where, what the start reaches, which step must come before which, and the type of
/// every name. The steps are the running dialogue's (``Dialogue/steps``): a flow's steps once
/// for each call, so that paths through calls are paths like any other.
struct FlowAnalysis {
  /// Steps by position in written order.
  let steps: [Step]
  /// For each step, the positions of the steps it can lead to. A misspelt target counts as the
  /// step it most likely means (``KnownTargets`` reports it), so that one typo does not also
  /// make the steps after it unreachable; other unknown targets lead nowhere. A call step leads
  /// into its flow; the step that ends the flow leads where the call's `next` goes.
  let successors: [[Int]]
  let start: Int?
  /// Whether the start can reach each step.
  let reachable: [Bool]
  /// The type of every answer variable, flow parameter, computed value and `today`; broken
  /// computed values are left out.
  let types: [String: ValueType]
  /// For each flow: the types of its own names (parameters, questions, its calls' names) over
  /// those of the dialogue: what the flow's steps are checked against.
  let flowTypes: [String: [String: ValueType]]
  /// Computed values whose formula could not be typed (reported once, where they are written).
  let brokenComputed: Set<String>
  /// The prefixes of names stored by calls of unknown flows (reported at the call).
  let unknownCallPrefixes: [String]
  /// Type errors in computed formulas, found while working out `types`.
  let computedFindings: [Diagnostic]
  /// What checking calls of the dialogue's functions found, shared by every rule that checks
  /// types, so that a mistake in a function's body is reported once.
  let functionTypes: FunctionTypeCache
  /// Names and functions that no function's body may read because they do not exist: found
  /// before any call is checked, so that calls of such a function are not reported too.
  let functionFindings: [Diagnostic]
  private let dominators: Dominators?
  /// How many computed values may stand on each other (see `ComputedTyping.maxChain`).
  static var maxComputedChain: Int { ComputedTyping.maxChain }

  init(_ dialogue: Dialogue) {
    let steps = dialogue.steps
    self.steps = steps
    var ids: [String]?  // for suggestions, only made when a target is unknown
    /// Where leaving the step at `position` by its `next` can lead.
    func exits(_ position: Int) -> [Int] {
      let step = steps[position]
      if step.isFinal { return [] }
      if step.returns, let call = dialogue.positionReturned(after: position) {
        return exits(call)
      }
      switch step.next {
      case .following:
        if let next = dialogue.positionWritten(after: position) { return [next] }
        if let call = dialogue.positionReturned(after: position) { return exits(call) }
        return []
      case .goTo, .branches:
        var next: [Int] = []
        for target in step.next.targets {
          if let index = dialogue.position(of: target.stepID) {
            next.append(index)
            continue
          }
          if ids == nil { ids = steps.map(\.id) }
          if let id = Suggestion.closest(to: target.stepID, among: ids ?? []),
            let index = dialogue.position(of: id)
          {
            next.append(index)
          }
        }
        return next
      }
    }
    var successors: [[Int]] = []
    successors.reserveCapacity(steps.count)
    for position in steps.indices {
      let callee = dialogue.callee(at: position)
      if steps[position].call != nil, !callee.isEmpty, !steps[position].isFinal {
        successors.append([callee.lowerBound])
      } else {
        successors.append(exits(position))
      }
    }
    self.successors = successors
    let start = dialogue.position(of: dialogue.startID)
    self.start = start
    var reachable = [Bool](repeating: false, count: steps.count)
    if let start {
      var stack = [start]
      reachable[start] = true
      while let current = stack.popLast() {
        for next in successors[current] where !reachable[next] {
          reachable[next] = true
          stack.append(next)
        }
      }
    }
    self.reachable = reachable
    self.dominators = start.map { Dominators(successors: successors, start: $0) }
    let cache = FunctionTypeCache()
    self.functionTypes = cache
    let unknownCallPrefixes = dialogue.prefixesOfUnknownCalls
    self.unknownCallPrefixes = unknownCallPrefixes
    var typing = ComputedTyping(dialogue, cache: cache)
    typing.unknownCallPrefixes = unknownCallPrefixes
    self.functionFindings = FlowAnalysis.checkNames(
      inBodiesOf: dialogue, known: Set(typing.types.keys).union(dialogue.computed.map(\.name)),
      cache: cache)
    typing.run()
    self.types = typing.types
    self.brokenComputed = typing.broken
    self.computedFindings = typing.findings
    var flowTypes: [String: [String: ValueType]] = [:]
    for flow in dialogue.flows where flowTypes[flow.id] == nil {
      var types = typing.types
      for (name, type) in FlowAnalysis.ownTypes(of: flow, in: dialogue, chain: []) {
        types[name] = type
      }
      flowTypes[flow.id] = types
    }
    self.flowTypes = flowTypes
  }

  /// The types of a flow's own names: its parameters, its questions' variables, and (prefixed)
  /// the names of the flows its steps call.
  static func ownTypes(of flow: Flow, in dialogue: Dialogue, chain: [String]) -> [String: ValueType]
  {
    var types: [String: ValueType] = [:]
    for parameter in flow.parameters where types[parameter.name] == nil {
      types[parameter.name] = parameter.type
    }
    for step in flow.steps {
      if let question = step.question, types[question.variable] == nil {
        types[question.variable] = question.kind.valueType
      }
      guard let call = step.call, let callee = dialogue.flow(call.flowID),
        !chain.contains(callee.id), callee.id != flow.id, chain.count < FlowExpansion.maxDepth
      else { continue }
      let prefix = Flow.namePrefix(forCall: step.id)
      for (name, type) in ownTypes(of: callee, in: dialogue, chain: chain + [flow.id]) {
        types[prefix + name] = type
      }
    }
    return types
  }

  /// Every name a function's body reads is a parameter or a name of the dialogue, and every
  /// function it calls exists; a function with a mistake is marked in `cache`, so that its
  /// calls give no further errors.
  static func checkNames(
    inBodiesOf dialogue: Dialogue, known: Set<String>, cache: FunctionTypeCache
  ) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    let functionNames = Set(Function.allCases.map(\.name)).union(dialogue.functions.map(\.name))
    for function in dialogue.functions {
      let parameters = function.parameters.map(\.name)
      let expression = function.body.expression
      var mistake: Diagnostic?
      for use in expression.names where !parameters.contains(use.name) && !known.contains(use.name) {
        var message = "unknown name '\(use.name)'"
        if let guess = Suggestion.closest(to: use.name, among: parameters + known) {
          message += "; did you mean '\(guess)'?"
        } else if functionNames.contains(use.name) {
          message = "'\(use.name)' is a function; call it with its arguments in (…)"
        } else if !parameters.isEmpty {
          message += " (the parameters of \(function.name)() are \(parameters.joined(separator: ", ")))"
        }
        mistake = .error(message, at: function.body.location(ofOffset: use.offset))
        break
      }
      if mistake == nil {
        for call in expression.userCalls where dialogue.function(call.name) == nil {
          var message = "unknown function '\(call.name)'"
          if let alias = Function.aliases[call.name.lowercased()] {
            message += "; did you mean '\(alias.name)'?"
          } else if let guess = Suggestion.closest(to: call.name, among: functionNames) {
            message += "; did you mean '\(guess)'?"
          }
          mistake = .error(message, at: function.body.location(ofOffset: call.offset))
          break
        }
      }
      if let mistake {
        findings.append(mistake)
        cache.markFailed(function.name)
      }
    }
    return findings
  }

  /// The types of the names read at `place`: a flow's own over the dialogue's.
  func types(at place: WrittenPlace) -> [String: ValueType] {
    guard let flow = place.flow else { return types }
    return flowTypes[flow.id] ?? types
  }

  /// Whether every path from the start to `later` passes through `earlier` first.
  func mustPass(_ earlier: Int, before later: Int) -> Bool {
    dominators?.strictlyDominates(earlier, later) ?? false
  }

  /// The steps that can lead to each step.
  /// Whether `name` is stored by a call of a flow that does not exist.
  func isStoredByUnknownCall(_ name: String) -> Bool {
    !unknownCallPrefixes.isEmpty && unknownCallPrefixes.contains { name.hasPrefix($0) }
  }

  func predecessors() -> [[Int]] {
    var result = [[Int]](repeating: [], count: steps.count)
    for (from, targets) in successors.enumerated() {
      for to in targets { result[to].append(from) }
    }
    return result
  }
}

/// Works out computed values' types in dependency order, finding cycles and type errors.
private struct ComputedTyping {
  let dialogue: Dialogue
  let cache: FunctionTypeCache
  var types: [String: ValueType] = BuiltInNames.types
  var broken: Set<String> = []
  var findings: [Diagnostic] = []
  var unknownCallPrefixes: [String] = []
  private var state: [String: Bool] = [:]  // false: in progress, true: done
  private var reportedDeepChain = false

  init(_ dialogue: Dialogue, cache: FunctionTypeCache) {
    self.dialogue = dialogue
    self.cache = cache
    for position in dialogue.steps.indices {
      if let question = dialogue.steps[position].question, types[question.variable] == nil {
        types[question.variable] = question.kind.valueType
      }
    }
    // In facilitator mode the team's ratings of each team question are read as team_<name>.
    for (team, type) in TeamValueName.all(in: dialogue) where types[team.name] == nil {
      types[team.name] = type
    }
    // A call stores its flow's parameters under its own id.
    for (name, parameter) in dialogue.storedParameters where types[name] == nil {
      types[name] = parameter.type
    }
    // A follow-up reads the earlier session's answers and values as before_<name>.
    if let followed = dialogue.follows {
      for (name, type) in FlowAnalysis(followed.dialogue).types
      where BuiltInNames.types[name] == nil {
        types[FollowedDialogue.prefix + name] = type
      }
      types[FollowedDialogue.dateName] = .date
      types[FollowedDialogue.planName] = .text
    }
  }

  mutating func run() {
    for computed in dialogue.computed { visit(computed.name, chain: []) }
  }

  /// How many computed values may stand on each other. The checker, the type checker and the
  /// engine follow such chains by recursion: a longer one (a fuzzed file had thousands) would
  /// overflow the stack instead of being reported.
  static let maxChain = 100

  private mutating func visit(_ name: String, chain: [String]) {
    guard let computed = dialogue.computedValue(name), state[name] != true else { return }
    if chain.count >= Self.maxChain, state[name] == nil {
      // Reported once: a chain of thousands would otherwise give an error every 100 values.
      if !reportedDeepChain {
        findings.append(
          .error(
            "'\(name)' is computed from a chain of more than \(Self.maxChain) other computed values; make it shallower",
            at: computed.location))
        reportedDeepChain = true
      }
      broken.insert(name)
      state[name] = true
      return
    }
    if state[name] == false {
      let cycle = (chain.drop { $0 != name } + [name]).joined(separator: " → ")
      findings.append(.error("'\(name)' depends on itself: \(cycle)", at: computed.location))
      broken.insert(name)
      return
    }
    state[name] = false
    // What functions it calls read counts too.
    for use in dialogue.names(readBy: computed.formula.expression)
    where dialogue.computedValue(use) != nil {
      visit(use, chain: chain + [name])
    }
    state[name] = true
    if broken.contains(name) { return }
    if dialogue.names(readBy: computed.formula.expression).contains(where: { name in
      broken.contains(name) || unknownCallPrefixes.contains { name.hasPrefix($0) }
    }) {
      broken.insert(name)
      return
    }
    do {
      types[name] = try computed.formula.expression.typeCheck(
        types: types, functions: dialogue.functionTable, cache: cache)
    } catch {
      if let finding = FlowAnalysis.finding(for: error, in: computed.formula, dialogue) {
        findings.append(finding)
      }
      broken.insert(name)
    }
  }
}

extension FlowAnalysis {
  /// The finding for a mistake found checking an expression written as `formula`: at its column,
  /// or at the column of the function's body it is in; nil for a follow-on error (reported
  /// already, where it first showed).
  static func finding(for error: ExpressionError, in formula: Formula, _ dialogue: Dialogue)
    -> Diagnostic?
  {
    guard !error.isFollowOn else { return nil }
    if let name = error.function, let function = dialogue.function(name) {
      return .error(error.message, at: function.body.location(ofOffset: error.offset))
    }
    return .error(error.message, at: formula.location(ofOffset: error.offset))
  }

  /// Checks an expression written at `place` and gives its type, or records what is wrong with
  /// it (nothing for a follow-on error) and gives nil.
  func type(
    of formula: Formula, at place: WrittenPlace, in dialogue: Dialogue,
    extra: [String: ValueType] = [:], findings: inout [Diagnostic]
  ) -> ValueType? {
    var types = types(at: place)
    for (name, type) in extra { types[name] = type }
    do {
      return try formula.expression.typeCheck(
        types: types, functions: dialogue.functionTable, globals: self.types, cache: functionTypes)
    } catch {
      if let finding = Self.finding(for: error, in: formula, dialogue) { findings.append(finding) }
      return nil
    }
  }
}

/// Dominators by the Cooper–Harvey–Kennedy iterative algorithm, with a pre/post numbering of the
/// dominator tree so that each query is constant time.
private struct Dominators: Sendable {
  private var idom: [Int]
  private var enter: [Int]
  private var exit: [Int]

  init(successors: [[Int]], start: Int) {
    let count = successors.count
    // Reverse post-order of the reachable steps, iteratively.
    var order: [Int] = []
    var visited = [Bool](repeating: false, count: count)
    var stack: [(node: Int, next: Int)] = [(start, 0)]
    visited[start] = true
    while !stack.isEmpty {
      let (node, index) = stack[stack.count - 1]
      if index < successors[node].count {
        stack[stack.count - 1].next += 1
        let child = successors[node][index]
        if !visited[child] {
          visited[child] = true
          stack.append((child, 0))
        }
      } else {
        order.append(node)
        stack.removeLast()
      }
    }
    order.reverse()
    var rank = [Int](repeating: -1, count: count)
    for (position, node) in order.enumerated() { rank[node] = position }
    var predecessors = [[Int]](repeating: [], count: count)
    for node in order {
      for child in successors[node] { predecessors[child].append(node) }
    }
    var idom = [Int](repeating: -1, count: count)
    idom[start] = start
    var changed = true
    while changed {
      changed = false
      for node in order where node != start {
        var candidate = -1
        for predecessor in predecessors[node] where idom[predecessor] != -1 {
          if candidate == -1 {
            candidate = predecessor
            continue
          }
          var a = predecessor
          var b = candidate
          while a != b {
            while rank[a] > rank[b] { a = idom[a] }
            while rank[b] > rank[a] { b = idom[b] }
          }
          candidate = a
        }
        if candidate != -1 && idom[node] != candidate {
          idom[node] = candidate
          changed = true
        }
      }
    }
    self.idom = idom
    // Number the dominator tree depth-first.
    var children = [[Int]](repeating: [], count: count)
    for node in order where node != start { children[idom[node]].append(node) }
    var enter = [Int](repeating: -1, count: count)
    var exit = [Int](repeating: -1, count: count)
    var clock = 0
    var walk: [(node: Int, next: Int)] = [(start, 0)]
    enter[start] = clock
    clock += 1
    while !walk.isEmpty {
      let (node, index) = walk[walk.count - 1]
      if index < children[node].count {
        walk[walk.count - 1].next += 1
        let child = children[node][index]
        enter[child] = clock
        clock += 1
        walk.append((child, 0))
      } else {
        exit[node] = clock
        clock += 1
        walk.removeLast()
      }
    }
    self.enter = enter
    self.exit = exit
  }

  func strictlyDominates(_ a: Int, _ b: Int) -> Bool {
    guard a != b, enter[a] >= 0, enter[b] >= 0 else { return false }
    return enter[a] < enter[b] && exit[b] < exit[a]
  }
}
