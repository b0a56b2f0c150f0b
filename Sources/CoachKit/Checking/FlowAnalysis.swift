/// The shape of a dialogue as a graph of steps, worked out once and shared by the rules: who
/// leads where, what the start reaches, which step must come before which, and the type of
/// every name.
struct FlowAnalysis: Sendable {
  /// Steps by position in written order.
  let steps: [Step]
  /// For each step, the positions of the steps it can lead to. A misspelt target counts as the
  /// step it most likely means (``KnownTargets`` reports it), so that one typo does not also
  /// make the steps after it unreachable; other unknown targets lead nowhere.
  let successors: [[Int]]
  let start: Int?
  /// Whether the start can reach each step.
  let reachable: [Bool]
  /// The type of every answer variable, computed value and `today`; broken computed values are
  /// left out.
  let types: [String: ValueType]
  /// Computed values whose formula could not be typed (reported once, where they are written).
  let brokenComputed: Set<String>
  /// Type errors in computed formulas, found while working out `types`.
  let computedFindings: [Diagnostic]
  private let dominators: Dominators?
  /// How many computed values may stand on each other (see `ComputedTyping.maxChain`).
  static var maxComputedChain: Int { ComputedTyping.maxChain }

  init(_ dialogue: Dialogue) {
    let steps = dialogue.steps
    self.steps = steps
    var ids: [String]?  // for suggestions, only made when a target is unknown
    var successors: [[Int]] = []
    successors.reserveCapacity(steps.count)
    for position in steps.indices {
      var next: [Int] = []
      if !steps[position].isFinal {
        switch steps[position].next {
        case .following:
          if position + 1 < steps.count { next.append(position + 1) }
        case .goTo, .branches:
          for target in steps[position].next.targets {
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
        }
      }
      successors.append(next)
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
    var typing = ComputedTyping(dialogue)
    typing.run()
    self.types = typing.types
    self.brokenComputed = typing.broken
    self.computedFindings = typing.findings
  }

  /// Whether every path from the start to `later` passes through `earlier` first.
  func mustPass(_ earlier: Int, before later: Int) -> Bool {
    dominators?.strictlyDominates(earlier, later) ?? false
  }

  /// The steps that can lead to each step.
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
  var types: [String: ValueType] = BuiltInNames.types
  var broken: Set<String> = []
  var findings: [Diagnostic] = []
  private var state: [String: Bool] = [:]  // false: in progress, true: done
  private var reportedDeepChain = false

  init(_ dialogue: Dialogue) {
    self.dialogue = dialogue
    for position in dialogue.steps.indices {
      if let question = dialogue.steps[position].question, types[question.variable] == nil {
        types[question.variable] = question.kind.valueType
      }
    }
    // A follow-up reads the earlier session's answers and values as before_<name>, and its own
    // as the latest follow-up on the same session left them.
    if let followed = dialogue.follows {
      let earlier = FlowAnalysis(followed.dialogue).types
      for (name, type) in earlier where BuiltInNames.types[name] == nil {
        types[FollowedDialogue.prefix + name] = type
      }
      for (name, type) in FollowedDialogue.givenTypes { types[name] = type }
      let isOwn = followed.carries
      for step in dialogue.steps {
        guard let question = step.question, isOwn(question.variable) else { continue }
        types[FollowedDialogue.prefix + question.variable] = question.kind.valueType
      }
      carried = Set(dialogue.computed.map(\.name).filter(isOwn))
    }
  }

  /// A follow-up's own computed values, read by the next follow-up as `before_<name>`.
  private var carried: Set<String> = []

  /// The computed value `name` is the earlier value of, when it is one a follow-up carries.
  private func carriedValue(_ name: String) -> String? {
    guard let base = FollowedDialogue.earlierName(name) else { return nil }
    return carried.contains(base) ? base : nil
  }

  mutating func run() {
    for computed in dialogue.computed { visit(computed.name, chain: []) }
    // Carried values read only in text or conditions have their type too.
    for name in carried where types[FollowedDialogue.prefix + name] == nil {
      types[FollowedDialogue.prefix + name] = types[name]
    }
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
    for use in computed.formula.expression.names where dialogue.computedValue(use.name) != nil {
      visit(use.name, chain: chain + [name])
    }
    // An earlier follow-up's value has the type the value has here; a value that reads its own
    // earlier value (a date carried from check-in to check-in) has the one type that fits both.
    var readsItself = false
    for use in computed.formula.expression.names {
      guard let base = carriedValue(use.name) else { continue }
      if base == name {
        readsItself = true
        continue
      }
      if state[base] == false {
        findings.append(
          .error(
            "'\(name)' reads '\(use.name)' while '\(base)' reads '\(name)'; a value may read its own earlier value, not another's that reads it",
            at: computed.location))
        broken.insert(name)
        continue
      }
      visit(base, chain: chain + [name])
      if let type = types[base] { types[use.name] = type } else { broken.insert(name) }
    }
    state[name] = true
    if broken.contains(name) { return }
    if computed.formula.expression.names.contains(where: { broken.contains($0.name) }) {
      broken.insert(name)
      return
    }
    if readsItself {
      let earlier = FollowedDialogue.prefix + name
      for candidate in ValueType.allCases {
        types[earlier] = candidate
        if (try? computed.formula.expression.typeCheck(types: types)) == candidate {
          types[name] = candidate
          return
        }
      }
      types[earlier] = nil
      findings.append(
        .error(
          "'\(name)' reads its own earlier value '\(earlier)', so both must have one type; no type fits",
          at: computed.location))
      broken.insert(name)
      return
    }
    do {
      types[name] = try computed.formula.expression.typeCheck(types: types)
    } catch {
      findings.append(.error(error.message, at: computed.formula.location(ofOffset: error.offset)))
      broken.insert(name)
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
