/// One YAML file as libyaml's events describe it: every scalar, list and mapping in the order
/// they were written, each with where it starts and ends, so that the dialogue reader can look at a
/// whole mapping (a step's `id` before its `ask`, a question's `type` before its other keys) without
/// building a tree of objects.
///
/// Nodes are numbered in document order. A list's items, and a mapping's keys and values
/// alternately, follow the node that opens them; ``Node/end`` is the number just past a node and
/// everything inside it.
///
///     let document = try YAMLEventReader().read(Array("a: [1, 2]\n".utf8)).get()
///     document.string(document.root)  // nil: the root is a mapping
///     for (key, value) in document.pairs(of: document.root) { … }
struct YAMLDocument: Sendable {
  typealias NodeID = Int

  enum Kind: UInt8, Sendable { case scalar, sequence, mapping }

  /// How a scalar was written.
  typealias Style = SourceSpan.Style

  struct Node: Sendable {
    var kind: Kind
    var style: Style
    /// Where the node starts (the quote of a quoted scalar, the `|` of a block), from 1.
    var line: Int32
    var column: Int32
    /// Just past the node's subtree.
    var end: Int32
    /// For a scalar that is not its own value written on one line (a block, several lines, quotes
    /// with escapes): its place in ``YAMLDocument/written``, else -1.
    var written: Int32
    /// A scalar's value; empty for a list or a mapping.
    var value: String
  }

  var nodes: [Node] = []
  /// The text of scalars whose value differs from what was written, from their first character to
  /// their last, to find a place inside the value (see ``SourceSpan``).
  var written: [String] = []
  let file: String

  init(file: String) { self.file = file }

  var root: NodeID { 0 }

  func kind(_ id: NodeID) -> Kind { nodes[id].kind }

  /// The value of a scalar; nil for a list or a mapping.
  func string(_ id: NodeID) -> String? {
    let node = nodes[id]
    return node.kind == .scalar ? node.value : nil
  }

  func location(_ id: NodeID) -> SourceLocation {
    let node = nodes[id]
    return SourceLocation(file: file, line: Int(node.line), column: Int(node.column))
  }

  /// Where each character of a scalar's value was written.
  func span(_ id: NodeID) -> SourceSpan {
    let node = nodes[id]
    let start = location(id)
    guard node.written >= 0 else {
      let quoted = node.style == .singleQuoted || node.style == .doubleQuoted
      return SourceSpan(start: quoted ? start.movedRight(by: 1) : start)
    }
    return SourceSpan(written: written[Int(node.written)], style: node.style, at: start)
  }

  /// The items of a list, or the keys and values of a mapping, alternately.
  func children(of id: NodeID) -> Children {
    Children(nodes: nodes, first: id + 1, end: Int(nodes[id].end))
  }

  /// The items of a list.
  func items(of id: NodeID) -> [NodeID] { Array(children(of: id)) }

  /// How many items a list has.
  func count(of id: NodeID) -> Int { children(of: id).reduce(0) { count, _ in count + 1 } }

  /// The keys and values of a mapping, in written order.
  func pairs(of id: NodeID) -> [(key: NodeID, value: NodeID)] {
    var result: [(key: NodeID, value: NodeID)] = []
    result.reserveCapacity(8)
    var iterator = children(of: id).makeIterator()
    while let key = iterator.next(), let value = iterator.next() {
      result.append((key, value))
    }
    return result
  }

  struct Children: Sequence, IteratorProtocol {
    let nodes: [Node]
    var position: Int
    let end: Int

    init(nodes: [Node], first: Int, end: Int) {
      self.nodes = nodes
      self.position = first
      self.end = end
    }

    mutating func next() -> NodeID? {
      guard position < end else { return nil }
      defer { position = Int(nodes[position].end) }
      return position
    }
  }
}
