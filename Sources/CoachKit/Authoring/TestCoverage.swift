import Foundation

/// What a set of cases exercised: every step taken, every transition gone through, and every
/// step with a `when` both taken and passed over.
public struct TestCoverage: Sendable {
  public var steps: [Step]
  public var missedSteps: [Step]
  public var edges: [FlowEdge]
  public var missedEdges: [FlowEdge]
  /// Steps with a `when` condition.
  public var conditional: [Step]
  /// Steps with a `when` that no case passed over.
  public var neverPassedOver: [Step]

  public init(dialogue: Dialogue, results: [DialogueTestRunner.CaseResult]) {
    let analysis = FlowAnalysis(dialogue)
    let reachable = Set(
      dialogue.steps.indices.filter { analysis.reachable[$0] }.map { dialogue.steps[$0].id })
    let taken = results.reduce(into: Set<String>()) { $0.formUnion($1.taken) }
    let passedOver = results.reduce(into: Set<String>()) { $0.formUnion($1.passedOver) }
    let traversed = results.reduce(into: Set<FlowEdge.Key>()) { $0.formUnion($1.edges) }
    // A flow's step counts once, as written: covered when any call covers it.
    func written(_ id: String) -> String {
      guard let step = dialogue.step(id), let instance = step.instance else { return id }
      return "\(instance.scope.flowID)\u{0}\(instance.localID)"
    }
    func once<T>(_ items: [T], by key: (T) -> String) -> [T] {
      var seen: Set<String> = []
      return items.filter { seen.insert(key($0)).inserted }
    }
    let takenWritten = Set(taken.map(written))
    let passedOverWritten = Set(passedOver.map(written))
    let traversedWritten = Set(traversed.map { "\(written($0.from))\u{0}\($0.index)" })
    steps = once(dialogue.steps.filter { reachable.contains($0.id) }) { written($0.id) }
    missedSteps = steps.filter { !takenWritten.contains(written($0.id)) }
    edges = once(dialogue.edges.filter { reachable.contains($0.from) }) {
      "\(written($0.from))\u{0}\($0.index)"
    }
    missedEdges = edges.filter { !traversedWritten.contains("\(written($0.from))\u{0}\($0.index)") }
    conditional = steps.filter { $0.condition != nil }
    neverPassedOver = conditional.filter { !passedOverWritten.contains(written($0.id)) }
  }

  public var isComplete: Bool {
    missedSteps.isEmpty && missedEdges.isEmpty && neverPassedOver.isEmpty
  }

  /// "57 of 57 (100 %)".
  public static func fraction(_ covered: Int, of total: Int) -> String {
    guard total > 0 else { return "0 of 0 (100 %)" }
    let percent = (Double(covered) * 1000 / Double(total)).rounded(.down) / 10
    let text = percent == percent.rounded() ? String(Int(percent)) : String(percent)
    return "\(covered) of \(total) (\(text) %)"
  }
}
