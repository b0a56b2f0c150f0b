/// Lays out the steps a session can go through: the steps written in the sections, each `call`
/// step followed by a copy of its flow's steps for that call (`a1.what`, `a1.cue`, … storing
/// `a1_what`, …), nested calls inside those. Flows never call themselves (the checker refuses
/// it), so the layout is finite; a call that would recurse, nest deeper than ``maxDepth`` or
/// make more than ``maxSteps`` steps is left without its copy, and said why in ``problems``.
///
/// Laying the copies out ahead, instead of keeping a stack of calls at run time, means the step
/// a session waits at says all there is to say about where it is: `a1.x.what` is in flow `x`,
/// called from `a1`. So `/back`, resume and replay need nothing new, and the checker walks the
/// paths through flows like any other.
struct FlowExpansion {
  /// How deep flows may call each other.
  static let maxDepth = 8
  /// The most steps the copies may add up to, with the steps written.
  static let maxSteps = 200_000

  private let flows: [String: Flow]
  private(set) var steps: [Step] = []
  /// For each step: where it goes without `next` (the step written after it in its sections or
  /// flow); nil when it is the last.
  private(set) var following: [Int?] = []
  /// For each step that ends its flow's call (`return: true`, or the last step without `next`):
  /// the position of the call step, whose `next` the session goes on with.
  private(set) var returnsTo: [Int?] = []
  /// For each call step: the positions of its copy of the flow, first to last (nested copies
  /// included); empty when it has none.
  private(set) var calleeRange: [Int: Range<Int>] = [:]
  private(set) var problems: [Diagnostic] = []
  /// Each flow's own names and step ids, with those of the flows it calls.
  private var ownNames: [String: (names: Set<String>, steps: Set<String>)] = [:]

  init(sections: [Section], flows: [Flow]) {
    var byID: [String: Flow] = [:]
    for flow in flows where byID[flow.id] == nil { byID[flow.id] = flow }
    self.flows = byID
    var total = 0
    for section in sections { total += section.steps.count }
    steps.reserveCapacity(total)
    following.reserveCapacity(total)
    returnsTo.reserveCapacity(total)
    var written: [Int] = []
    for section in sections {
      for step in section.steps {
        written.append(steps.count)
        add(step, scope: nil, callPosition: nil, sectionID: step.sectionID, chain: [])
      }
    }
    link(written, returningTo: nil)
  }

  /// Adds a step, and after it, when it calls a flow, its copy of the flow.
  private mutating func add(
    _ step: Step, scope: FlowScope?, callPosition: Int?, sectionID: String, chain: [String]
  ) {
    let position = steps.count
    steps.append(step)
    following.append(nil)
    returnsTo.append(nil)
    guard let call = step.call, let flow = flows[call.flowID] else { return }
    if let first = chain.firstIndex(of: flow.id) {
      let cycle = (chain[first...] + [flow.id]).joined(separator: " → ")
      problems.append(
        .error(
          "flow '\(flow.id)' calls itself: \(cycle); a flow may not call itself, directly or through others",
          at: call.location))
      return
    }
    guard chain.count < Self.maxDepth else {
      problems.append(
        .error(
          "flows call each other more than \(Self.maxDepth) deep here (\((chain + [flow.id]).joined(separator: " → "))); call fewer flows from within flows",
          at: call.location))
      return
    }
    guard steps.count + flow.steps.count <= Self.maxSteps else {
      if !problems.contains(where: { $0.message.hasPrefix("the calls of flows") }) {
        problems.append(
          .error(
            "the calls of flows make more than \(Self.maxSteps) steps; call fewer flows, or flows with fewer steps",
            at: call.location))
      }
      return
    }
    let own = names(of: flow, chain: [])
    let inner = FlowScope(
      flowID: flow.id, stepPrefix: (scope?.stepPrefix ?? "") + step.idWrittenHere + ".",
      namePrefix: (scope?.namePrefix ?? "") + Flow.namePrefix(forCall: step.idWrittenHere),
      names: own.names, stepIDs: own.steps)
    var written: [Int] = []
    for flowStep in flow.steps {
      written.append(steps.count)
      var copy = flowStep
      copy.id = inner.stepPrefix + flowStep.id
      copy.sectionID = sectionID
      if let variable = flowStep.question?.variable {
        copy.question?.variable = inner.namePrefix + variable
      }
      copy.next = flowStep.next.prefixed(inner.stepPrefix)
      copy.instance = FlowInstance(scope: inner, localID: flowStep.id, callPosition: position)
      add(copy, scope: inner, callPosition: position, sectionID: sectionID, chain: chain + [flow.id])
    }
    link(written, returningTo: position)
    if !written.isEmpty { calleeRange[position] = (position + 1)..<steps.count }
  }

  /// Sets where each of `written` (one list of steps as written) falls through to, and which of
  /// them end their flow's call.
  private mutating func link(_ written: [Int], returningTo call: Int?) {
    for (index, position) in written.enumerated() {
      let isLast = index + 1 == written.count
      if !isLast { following[position] = written[index + 1] }
      guard let call, !steps[position].isFinal else { continue }
      if steps[position].returns { returnsTo[position] = call }
      if isLast, case .following = steps[position].next { returnsTo[position] = call }
    }
  }

  /// The names a flow stores and the step ids it has, with those of the flows it calls
  /// (prefixed by the calling step: `x_what`, `x.what`).
  private mutating func names(of flow: Flow, chain: [String]) -> (names: Set<String>, steps: Set<String>) {
    if let known = ownNames[flow.id] { return known }
    var names = Set(flow.parameters.map(\.name))
    var stepIDs: Set<String> = []
    for step in flow.steps {
      stepIDs.insert(step.id)
      if let variable = step.question?.variable { names.insert(variable) }
      guard let call = step.call, let callee = flows[call.flowID], !chain.contains(callee.id),
        callee.id != flow.id, chain.count < Self.maxDepth
      else { continue }
      let inner = self.names(of: callee, chain: chain + [flow.id])
      let prefix = Flow.namePrefix(forCall: step.id)
      for name in inner.names { names.insert(prefix + name) }
      for id in inner.steps { stepIDs.insert(step.id + "." + id) }
    }
    if chain.isEmpty { ownNames[flow.id] = (names, stepIDs) }
    return (names, stepIDs)
  }
}

extension Step {
  /// The step's id as written where it stands (`what`, for the copy `a1.what`).
  var idWrittenHere: String { instance?.localID ?? id }
}

extension Transition {
  /// The same transition with every step id prefixed: the copy of a flow's `next`.
  func prefixed(_ prefix: String) -> Transition {
    switch self {
    case .following: return .following
    case .goTo(let target):
      return .goTo(.init(stepID: prefix + target.stepID, location: target.location))
    case .branches(let branches):
      return .branches(
        branches.map {
          .init(
            condition: $0.condition,
            target: .init(stepID: prefix + $0.target.stepID, location: $0.target.location))
        })
    }
  }
}
