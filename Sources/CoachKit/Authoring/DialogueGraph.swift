/// A dialogue as a picture: its steps as nodes grouped into their sections, its transitions as
/// edges labelled with their conditions; each flow once, as a group of its own, with a dashed
/// arrow from each step that calls it. Rendered as Graphviz DOT or as a Mermaid flowchart.
///
///     let graph = DialogueGraph(dialogue)
///     print(graph.dot())       // dot -Tsvg -o flow.svg
///     print(graph.mermaid())   // paste into Markdown as a ```mermaid block
public struct DialogueGraph: Sendable {
  struct Node: Sendable, Hashable {
    public var id: String
    public var sectionID: String
    /// What the step does: "says", "scale 1–5", "choice of 3"…
    public var kind: String
    /// The step's `when` condition, as written.
    var condition: String?
    var isStart: Bool
    var isFinal: Bool
  }

  struct Cluster: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Minutes.
    public var budget: Double
    var nodes: [Node]
  }

  public var title: String
  /// Minutes.
  public var duration: Double
  var clusters: [Cluster]
  public var edges: [FlowEdge]
  /// From each call step to the first step of the flow it runs.
  var calls: [(from: String, to: String)] = []

  public init(_ dialogue: Dialogue) {
    title = dialogue.title
    duration = dialogue.duration
    clusters = dialogue.sections.map { section in
      Cluster(
        id: section.id, title: section.title, budget: section.budget,
        nodes: section.steps.map { step in
          Node(
            id: step.id, sectionID: section.id, kind: Self.kind(of: step),
            condition: step.condition?.expression.source, isStart: step.id == dialogue.startID,
            isFinal: step.isFinal)
        })
    }
    // A flow's steps are drawn once, named `flow.step`; the copies a call made are not.
    var firstCall: [String: Int] = [:]
    for (position, step) in dialogue.steps.enumerated() {
      if let call = step.call, dialogue.flow(call.flowID) != nil, firstCall[call.flowID] == nil {
        firstCall[call.flowID] = position
      }
    }
    for flow in dialogue.flows {
      clusters.append(
        Cluster(
          id: "flow " + flow.id, title: "flow \(flow.id)", budget: .nan,
          nodes: flow.steps.map { step in
            Node(
              id: flow.id + "." + step.id, sectionID: "flow " + flow.id, kind: Self.kind(of: step),
              condition: step.condition?.expression.source, isStart: false,
              isFinal: step.returns)
          }))
    }
    var edges: [FlowEdge] = []
    for edge in dialogue.edges {
      guard let from = dialogue.step(edge.from) else { continue }
      guard let instance = from.instance else {
        edges.append(edge)
        continue
      }
      // One copy of each flow's edges: its first call's, named after the flow.
      guard firstCall[instance.scope.flowID] == instance.callPosition,
        edge.to.hasPrefix(instance.scope.stepPrefix)
      else { continue }
      var named = edge
      named.from = instance.scope.flowID + "." + String(edge.from.dropFirst(instance.scope.stepPrefix.count))
      named.to = instance.scope.flowID + "." + String(edge.to.dropFirst(instance.scope.stepPrefix.count))
      edges.append(named)
    }
    self.edges = edges
    for step in dialogue.steps where step.instance == nil {
      guard let call = step.call, let flow = dialogue.flow(call.flowID), let first = flow.steps.first
      else { continue }
      calls.append((step.id, flow.id + "." + first.id))
    }
  }

  /// What a step does, in a few words.
  static func kind(of step: Step) -> String {
    if let call = step.call { return (step.say == nil ? "" : "says, ") + "calls \(call.flowID)" }
    guard let question = step.question else { return "says" }
    let asks: String
    switch question.kind {
    case .text: asks = "text"
    case .choice(let options): asks = "choice of \(options.count)"
    case .multipleChoice(let options, let minPicks, let maxPicks):
      asks =
        "multi: \(minPicks == maxPicks ? "\(minPicks)" : "\(minPicks)–\(maxPicks)") of \(options.count)"
    case .scale(let scale): asks = "scale \(scale.min)–\(scale.max)"
    case .number(let rules):
      switch (rules.min, rules.max) {
      case (let low?, let high?): asks = "number \(Minutes.text(low))–\(Minutes.text(high))"
      case (let low?, nil): asks = "number ≥ \(Minutes.text(low))"
      case (nil, let high?): asks = "number ≤ \(Minutes.text(high))"
      case (nil, nil): asks = "number"
      }
    case .yesNo: asks = "yes/no"
    case .moment: asks = "day and time"
    }
    let optional = question.isOptional ? ", optional" : ""
    return (step.say == nil ? "asks " : "says, asks ") + asks + optional
  }

  /// The lines of a node's label.
  static func labelLines(of node: Node) -> [String] {
    var lines = [node.id, node.kind]
    if let condition = node.condition { lines.append("when \(condition)") }
    if node.isFinal { lines.append(node.sectionID.hasPrefix("flow ") ? "(returns)" : "(final)") }
    return lines
  }

  static func clusterLabel(_ cluster: Cluster) -> String {
    cluster.budget.isNaN ? cluster.title : "\(cluster.title) · \(Minutes.text(cluster.budget)) min"
  }

  static func edgeLabel(_ edge: FlowEdge) -> String? {
    switch edge.kind {
    case .fallThrough, .goTo: nil
    case .branch(let condition): "if \(condition)"
    case .fallback: "otherwise"
    }
  }

  // MARK: - Graphviz

  /// The graph in Graphviz's DOT language.
  public func dot() -> String {
    var out = "digraph dialogue {\n"
    out += "  graph [label=\(Self.dotString("\(title) · \(Minutes.text(duration)) min")), "
    out += "labelloc=t, fontname=\"Helvetica\", rankdir=TB, compound=true];\n"
    out += "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];\n"
    out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
    out += "  \"__start\" [shape=circle, label=\"start\", style=filled, fillcolor=\"#dddddd\"];\n"
    for (index, cluster) in clusters.enumerated() {
      out += "  subgraph \"cluster_\(index)\" {\n"
      out += "    label=\(Self.dotString(Self.clusterLabel(cluster)));\n"
      out += "    style=rounded; color=\"#999999\";\n"
      for node in cluster.nodes {
        var attributes = [
          "label=\(Self.dotString(Self.labelLines(of: node).joined(separator: "\n")))"
        ]
        var styles = ["rounded"]
        if node.condition != nil { styles.append("dashed") }
        if node.isFinal { attributes.append("peripheries=2") }
        if node.kind.contains("calls ") { attributes.append("shape=box3d") }
        if node.isStart { styles.append("bold") }
        attributes.append("style=\(Self.dotString(styles.joined(separator: ",")))")
        out += "    \(Self.dotString(node.id)) [\(attributes.joined(separator: ", "))];\n"
      }
      out += "  }\n"
    }
    if let start = clusters.lazy.flatMap(\.nodes).first(where: \.isStart) {
      out += "  \"__start\" -> \(Self.dotString(start.id));\n"
    }
    for edge in edges {
      out += "  \(Self.dotString(edge.from)) -> \(Self.dotString(edge.to))"
      if let label = Self.edgeLabel(edge) {
        out += " [label=\(Self.dotString(label))"
        if case .fallback = edge.kind { out += ", style=dashed" }
        out += "]"
      }
      out += ";\n"
    }
    for call in calls {
      out += "  \(Self.dotString(call.from)) -> \(Self.dotString(call.to)) [label=\"call\", style=dashed];\n"
    }
    return out + "}\n"
  }

  /// A DOT double-quoted string (see ``Escaped/dot(_:)``).
  static func dotString(_ text: String) -> String { Escaped.dot(text) }

  // MARK: - Mermaid

  /// The graph as a Mermaid flowchart.
  public func mermaid() -> String {
    var ids: [String: String] = [:]
    var number = 0
    for cluster in clusters {
      for node in cluster.nodes where ids[node.id] == nil {
        ids[node.id] = "s\(number)"
        number += 1
      }
    }
    var out = "---\ntitle: \(Self.yamlString("\(title) · \(Minutes.text(duration)) min"))\n---\n"
    out += "flowchart TD\n"
    out += "  start((start))\n"
    var finals: [String] = []
    var conditional: [String] = []
    var starts: [String] = []
    for (index, cluster) in clusters.enumerated() {
      out += "  subgraph c\(index)[\"\(Self.mermaidText(Self.clusterLabel(cluster)))\"]\n"
      out += "    direction TB\n"
      for node in cluster.nodes {
        guard let id = ids[node.id] else { continue }
        let label = Self.labelLines(of: node).map(Self.mermaidText).joined(separator: "<br/>")
        out += "    \(id)[\"\(label)\"]\n"
        if node.isFinal { finals.append(id) }
        if node.condition != nil { conditional.append(id) }
        if node.isStart { starts.append(id) }
      }
      out += "  end\n"
    }
    if let start = starts.first { out += "  start --> \(start)\n" }
    for edge in edges {
      guard let from = ids[edge.from], let to = ids[edge.to] else { continue }
      let arrow: String
      if case .fallback = edge.kind { arrow = "-.->" } else { arrow = "-->" }
      if let label = Self.edgeLabel(edge) {
        out += "  \(from) \(arrow)|\"\(Self.mermaidText(label))\"| \(to)\n"
      } else {
        out += "  \(from) \(arrow) \(to)\n"
      }
    }
    for call in calls {
      guard let from = ids[call.from], let to = ids[call.to] else { continue }
      out += "  \(from) -.->|call| \(to)\n"
    }
    out += "  classDef final stroke-width:3px\n"
    out += "  classDef conditional stroke-dasharray:5 5\n"
    out += "  classDef first stroke-width:3px\n"
    if !finals.isEmpty { out += "  class \(finals.joined(separator: ",")) final\n" }
    if !conditional.isEmpty { out += "  class \(conditional.joined(separator: ",")) conditional\n" }
    if !starts.isEmpty { out += "  class \(starts.joined(separator: ",")) first\n" }
    return out
  }

  /// A YAML double-quoted string, for the title in the front matter.
  static func yamlString(_ text: String) -> String { Escaped.yaml(text) }

  /// Text safe inside a quoted Mermaid label (see ``Escaped/mermaid(_:)``).
  static func mermaidText(_ text: String) -> String { Escaped.mermaid(text) }
}

/// Minutes as people write them: `1`, `1.5`, `0.25`.
enum Minutes {
  static func text(_ value: Double) -> String {
    guard value.isFinite else { return "?" }
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
  }
}
