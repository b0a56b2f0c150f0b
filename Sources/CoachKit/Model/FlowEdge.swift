/// The ways a dialogue can move from step to step, as written: the edges that `coach graph` draws,
/// that `coach test --coverage` counts, and that the timing check walks.
///
/// A step with no `next` has one edge, to the step written after it (a *fall-through*); `next: id`
/// has one; a list of branches has one per branch, in order, even when two lead to the same step.
/// A final step has none.
public struct FlowEdge: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    /// No `next`: on to the step written after.
    case fallThrough
    /// `next: id`.
    case goTo
    /// A branch of `next` with an `if`.
    case branch(condition: String)
    /// The branch of `next` without an `if`.
    case fallback
  }

  public var from: String
  public var to: String
  /// The branch's place in `next`, from 0; 0 for a fall-through or a plain `next: id`.
  public var index: Int
  public var kind: Kind
  /// Where the edge was written: the `goto`, or the step for a fall-through.
  public var location: SourceLocation

  public init(from: String, to: String, index: Int, kind: Kind, location: SourceLocation) {
    self.from = from
    self.to = to
    self.index = index
    self.kind = kind
    self.location = location
  }

  /// The edge's name in reports: `a → b`, `a → b (if x > 3)`, `a → b (otherwise)`.
  public var description: String {
    switch kind {
    case .fallThrough, .goTo: "\(from) → \(to)"
    case .branch(let condition): "\(from) → \(to) (if \(condition))"
    case .fallback: "\(from) → \(to) (otherwise)"
    }
  }

  /// What identifies an edge: its step and its place in that step's `next`.
  public struct Key: Sendable, Hashable {
    public var from: String
    public var index: Int
    public init(from: String, index: Int) {
      self.from = from
      self.index = index
    }
  }

  public var key: Key { Key(from: from, index: index) }
}

extension Dialogue {
  /// Every edge of the dialogue, step by step in written order. Edges to steps that do not exist
  /// are left out (the checker reports them).
  ///
  /// A call step's edges are where it goes once its flow has ended (or when it is passed over):
  /// the step that ends a flow has none of its own, and going into the flow is not an edge.
  public var edges: [FlowEdge] {
    var edges: [FlowEdge] = []
    for (position, step) in steps.enumerated() where !step.isFinal {
      if step.returns && step.instance != nil { continue }
      switch step.next {
      case .following:
        if let next = positionWritten(after: position) {
          edges.append(
            FlowEdge(
              from: step.id, to: steps[next].id, index: 0, kind: .fallThrough,
              location: step.location))
        }
      case .goTo(let target) where self.step(target.stepID) != nil:
        edges.append(
          FlowEdge(
            from: step.id, to: target.stepID, index: 0, kind: .goTo, location: target.location))
      case .goTo:
        break
      case .branches(let branches):
        for (index, branch) in branches.enumerated() where self.step(branch.target.stepID) != nil {
          let kind: FlowEdge.Kind =
            branch.condition.map { .branch(condition: $0.expression.source) } ?? .fallback
          edges.append(
            FlowEdge(
              from: step.id, to: branch.target.stepID, index: index, kind: kind,
              location: branch.target.location))
        }
      }
    }
    return edges
  }
}
