import Yams

/// Reads typed values out of composed YAML nodes, recording a diagnostic at the node's exact
/// location for anything that does not fit.
///
/// Scalars are composed without implicit typing, so `no`, `on` or `1.10` stay what the author
/// typed; this reader decides what a scalar means from where it appears.
struct NodeReader {
  let file: String
  /// The file's text, split into lines on demand, to find where a block scalar's content starts.
  private let source: String
  private var lines: [Substring]?
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String, source: String) {
    self.file = file
    self.source = source
  }

  func location(of node: Node) -> SourceLocation {
    let mark = node.mark
    return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  mutating func error(_ message: String, at node: Node) {
    diagnostics.append(.error(message, at: location(of: node)))
  }

  mutating func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(.error(message, at: location))
  }

  mutating func warning(_ message: String, at location: SourceLocation) {
    diagnostics.append(.warning(message, at: location))
  }

  /// The entries of a mapping whose keys are all in `allowed`, in written order. Unknown keys are
  /// reported (with a suggestion) and left out, except that a misspelling of a key the mapping
  /// lacks is read as that key: `titel: Retro` is reported once, and does not also make the
  /// dialogue "need 'title'".
  ///
  /// `what` is only worked out when there is something to report: this runs for every mapping of
  /// a dialogue, so it allocates little more than the entries themselves.
  mutating func entries(of node: Node, _ what: @autoclosure () -> String, allowed: [String])
    -> [Entry]?
  {
    guard case .mapping(let mapping) = node else {
      error("\(what()) should be a mapping of keys and values, not \(describe(node))", at: node)
      return nil
    }
    var result: [Entry] = []
    result.reserveCapacity(mapping.count)
    for (keyNode, value) in mapping {
      guard case .scalar(let scalar) = keyNode else {
        error("keys in \(what()) should be plain words", at: keyNode)
        continue
      }
      let key = scalar.string
      guard allowed.contains(key) else {
        let message = "unknown key '\(key)' in \(what())"
        guard let guess = Suggestion.closest(to: key, among: allowed) else {
          error(message + "; expected one of: \(allowed.joined(separator: ", "))", at: keyNode)
          continue
        }
        error(message + "; did you mean '\(guess)'?", at: keyNode)
        if !mapping.contains(where: { $0.key.string == guess }),
          !result.contains(where: { $0.key == guess })
        {
          result.append(Entry(key: guess, keyNode: keyNode, value: value))
        }
        continue
      }
      // Mappings have a handful of keys: a linear search beats hashing them.
      guard !result.contains(where: { $0.key == key }) else {
        error("'\(key)' appears twice in \(what())", at: keyNode)
        continue
      }
      result.append(Entry(key: key, keyNode: keyNode, value: value))
    }
    return result
  }

  mutating func string(_ node: Node, _ what: String) -> String? {
    guard case .scalar(let scalar) = node else {
      error("\(what) should be text, not \(describe(node))", at: node)
      return nil
    }
    return scalar.string
  }

  /// A non-empty identifier made of letters, digits, '_' and '-'.
  mutating func identifier(_ node: Node, _ what: String) -> String? {
    guard let text = string(node, what) else { return nil }
    guard Self.isIdentifier(text) else {
      error(
        "\(what) '\(text)' should be a name made of letters, digits, '_' and '-', starting with a letter",
        at: node)
      return nil
    }
    return text
  }

  /// A variable name usable in expressions: letters, digits and '_'.
  mutating func variableName(_ node: Node, _ what: String) -> String? {
    guard let text = string(node, what) else { return nil }
    guard Self.isVariableName(text) else {
      error(
        "\(what) '\(text)' should be a name made of letters, digits and '_', starting with a letter",
        at: node)
      return nil
    }
    if ["and", "or", "not", "in", "true", "false"].contains(text) || BuiltInNames.types[text] != nil
    {
      error("\(what) '\(text)' is a reserved word in expressions; choose another name", at: node)
      return nil
    }
    return text
  }

  mutating func number(_ node: Node, _ what: String) -> Double? {
    guard case .scalar(let scalar) = node, let value = Double(scalar.string), value.isFinite else {
      error("\(what) should be a number, not \(describe(node))", at: node)
      return nil
    }
    return value
  }

  mutating func integer(_ node: Node, _ what: String) -> Int? {
    guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
      error("\(what) should be a whole number, not \(describe(node))", at: node)
      return nil
    }
    return value
  }

  mutating func bool(_ node: Node, _ what: String) -> Bool? {
    if case .scalar(let scalar) = node {
      switch scalar.string.lowercased() {
      case "true", "yes": return true
      case "false", "no": return false
      default: break
      }
    }
    error("\(what) should be true or false, not \(describe(node))", at: node)
    return nil
  }

  mutating func sequence(_ node: Node, _ what: String) -> [Node]? {
    guard case .sequence(let sequence) = node else {
      error("\(what) should be a list (lines starting with '- '), not \(describe(node))", at: node)
      return nil
    }
    return Array(sequence)
  }

  mutating func stringList(_ node: Node, _ what: String) -> [String]? {
    if case .scalar(let scalar) = node { return [scalar.string] }
    guard let items = sequence(node, what) else { return nil }
    return items.compactMap { string($0, "each of \(what)") }
  }

  /// Text shown to a person, with where its first character stands in the file.
  mutating func text(_ node: Node, _ what: String) -> Text? {
    guard let value = string(node, what) else { return nil }
    return Text(source: value, location: location(of: node), contentStart: contentStart(of: node))
  }

  /// Where the first character of a scalar's content stands.
  mutating func contentStart(of node: Node) -> SourceLocation {
    let start = location(of: node)
    guard case .scalar(let scalar) = node else { return start }
    switch scalar.style {
    case .singleQuoted, .doubleQuoted:
      return start.movedRight(by: 1)
    case .literal, .folded:
      let contentLine = start.line + 1
      let indentation = line(contentLine).prefix { $0 == " " }.count
      return SourceLocation(file: file, line: contentLine, column: indentation + 1)
    default:
      return start
    }
  }

  private mutating func line(_ number: Int) -> Substring {
    if lines == nil {
      // By bytes: splitting by Characters cost a tenth of starting the default session.
      lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map { Substring($0) }
    }
    guard let lines, number >= 1, number <= lines.count else { return "" }
    return lines[number - 1]
  }

  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar):
      let text = scalar.string
      return text.isEmpty ? "an empty value" : "'\(text.count > 40 ? text.prefix(40) + "…" : text)'"
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  static func isIdentifier(_ text: String) -> Bool {
    // Only ASCII is allowed, and the only ASCII letters are A-Z and a-z: bytes are enough.
    func isLetter(_ byte: UInt8) -> Bool {
      (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
    guard let first = text.utf8.first, isLetter(first) else { return false }
    return text.utf8.allSatisfy {
      isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
    }
  }

  static func isVariableName(_ text: String) -> Bool {
    isIdentifier(text) && !text.contains("-")
  }

  struct Entry {
    let key: String
    let keyNode: Node
    let value: Node
  }
}

extension NodeReader {
  /// An expression, parsed; a syntax error is reported at its exact column.
  mutating func formula(_ node: Node, _ what: String) -> Formula? {
    guard let source = string(node, what) else { return nil }
    let start = contentStart(of: node)
    do {
      return Formula(expression: try Expression.parse(source), location: start)
    } catch {
      self.error(error.message, at: start.movedRight(by: error.offset))
      return nil
    }
  }
}
