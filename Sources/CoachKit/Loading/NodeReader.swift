/// Reads typed values out of a ``YAMLDocument``, recording a diagnostic at the node's exact
/// location for anything that does not fit.
///
/// Scalars are read without implicit typing, so `no`, `on` or `1.10` stay what the author
/// typed; this reader decides what a scalar means from where it appears.
///
///     var r = NodeReader(document: document)
///     if let entries = r.entries(of: document.root, "the dialogue", allowed: Schema.dialogue) { … }
struct NodeReader {
  typealias NodeID = YAMLDocument.NodeID

  let document: YAMLDocument
  /// Whether the dialogue was checked when `coach` was built: texts and expressions are then
  /// parsed when first used, and what only finds mistakes is skipped.
  let checked: Bool
  private(set) var diagnostics: [Diagnostic] = []
  /// Expressions already parsed in this file, by their text: a condition is often written many
  /// times over (`focus == "self"`), and an expression is a value that can be shared.
  private var parsed: [String: Expression] = [:]

  init(document: YAMLDocument, checked: Bool = false) {
    self.document = document
    self.checked = checked
  }

  var file: String { document.file }

  func location(of node: NodeID) -> SourceLocation { document.location(node) }

  /// Where each character of a scalar's value was written.
  func span(of node: NodeID) -> SourceSpan { document.span(node) }

  mutating func error(_ message: String, at node: NodeID) {
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
  mutating func entries(of node: NodeID, _ what: @autoclosure () -> String, allowed: [String])
    -> [Entry]?
  {
    guard document.kind(node) == .mapping else {
      error("\(what()) should be a mapping of keys and values, not \(describe(node))", at: node)
      return nil
    }
    var result: [Entry] = []
    // Most mappings have a few keys: one allocation, not one for each time the array grows.
    result.reserveCapacity(8)
    var children = document.children(of: node)
    var reportedCommaSplit = false
    while let keyNode = children.next(), let value = children.next() {
      guard let key = document.string(keyNode) else {
        error("keys in \(what()) should be plain words", at: keyNode)
        continue
      }
      guard allowed.contains(key) else {
        // `{prompt: In a few words, what is it about?}`: the comma ended the text, and what came
        // after it reads as a key without a value.
        if isEmptyValue(value), commaSplit(node, allowed) {
          if !reportedCommaSplit {
            error(
              "\(Self.quoted(key)) reads as a key, because inside {…} a comma ends a value: put the text before it in quotes, commas and all",
              at: keyNode)
          }
          reportedCommaSplit = true
          continue
        }
        let message = "unknown key \(Self.quoted(key)) in \(what())"
        guard let guess = Suggestion.closest(to: key, among: allowed) else {
          error(message + "; expected one of: \(allowed.joined(separator: ", "))", at: keyNode)
          continue
        }
        error(message + "; did you mean '\(guess)'?", at: keyNode)
        if !document.pairs(of: node).contains(where: { document.string($0.key) == guess }),
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

  private func isEmptyValue(_ node: NodeID) -> Bool {
    document.kind(node) == .scalar && document.string(node)?.isEmpty == true
  }

  /// Whether a mapping holds a key of several words without a value: text cut at its commas
  /// inside `{…}`, the rest read as keys.
  private func commaSplit(_ node: NodeID, _ allowed: [String]) -> Bool {
    document.pairs(of: node).contains { pair in
      guard let key = document.string(pair.key), !allowed.contains(key) else { return false }
      return Self.holds(UInt8(ascii: " "), key) && isEmptyValue(pair.value)
    }
  }

  mutating func string(_ node: NodeID, _ what: @autoclosure () -> String) -> String? {
    guard let value = document.string(node) else {
      error("\(what()) should be text, not \(describe(node))", at: node)
      return nil
    }
    return value
  }

  /// A non-empty identifier made of letters, digits, '_' and '-'.
  mutating func identifier(_ node: NodeID, _ what: @autoclosure () -> String) -> String? {
    guard let text = string(node, what()) else { return nil }
    guard Self.isIdentifier(text) else {
      error(
        "\(what()) \(Self.quoted(text)) should be a name made of letters, digits, '_' and '-', starting with a letter",
        at: node)
      return nil
    }
    return text
  }

  /// A variable name usable in expressions: letters, digits and '_'.
  mutating func variableName(_ node: NodeID, _ what: @autoclosure () -> String) -> String? {
    guard let text = string(node, what()) else { return nil }
    guard Self.isVariableName(text) else {
      error(
        "\(what()) \(Self.quoted(text)) should be a name made of letters, digits and '_', starting with a letter",
        at: node)
      return nil
    }
    if ["and", "or", "not", "in", "true", "false"].contains(text) || BuiltInNames.types[text] != nil
    {
      error("\(what()) '\(text)' is a reserved word in expressions; choose another name", at: node)
      return nil
    }
    return text
  }

  mutating func number(_ node: NodeID, _ what: @autoclosure () -> String) -> Double? {
    guard let text = document.string(node), let value = Double(text), value.isFinite else {
      error("\(what()) should be a number, not \(describe(node))", at: node)
      return nil
    }
    return value
  }

  mutating func integer(_ node: NodeID, _ what: @autoclosure () -> String) -> Int? {
    guard let text = document.string(node), let value = Int(text) else {
      error("\(what()) should be a whole number, not \(describe(node))", at: node)
      return nil
    }
    return value
  }

  mutating func bool(_ node: NodeID, _ what: @autoclosure () -> String) -> Bool? {
    if let text = document.string(node) {
      switch text.lowercased() {
      case "true", "yes": return true
      case "false", "no": return false
      default: break
      }
    }
    error("\(what()) should be true or false, not \(describe(node))", at: node)
    return nil
  }

  mutating func sequence(_ node: NodeID, _ what: @autoclosure () -> String) -> [NodeID]? {
    guard document.kind(node) == .sequence else {
      error(
        "\(what()) should be a list (lines starting with '- '), not \(describe(node))", at: node)
      return nil
    }
    return document.items(of: node)
  }

  mutating func stringList(_ node: NodeID, _ what: @autoclosure () -> String) -> [String]? {
    if let text = document.string(node) { return [text] }
    guard document.kind(node) == .sequence else {
      _ = sequence(node, what())
      return nil
    }
    var list: [String] = []
    for item in document.children(of: node) {
      if let text = string(item, "each of \(what())") { list.append(text) }
    }
    return list
  }

  /// Text that is never filled in (an option's value, the dialogue's title, a file name): a
  /// `{{` in it would be shown as written, so it is refused where it stands.
  mutating func plainString(_ node: NodeID, _ what: @autoclosure () -> String) -> String? {
    guard let value = string(node, what()) else { return nil }
    if !checked, Interpolation.mayHavePlaceholders(value),
      let open = value.range(of: "{{")
    {
      let offset = value.unicodeScalars.distance(
        from: value.unicodeScalars.startIndex, to: open.lowerBound)
      error(
        "placeholders are not filled in here (\(what())); write it without {{…}}",
        at: span(of: node).location(ofScalar: offset, in: value))
    }
    return value
  }

  /// Text shown to a person, with where each of its characters stands in the file.
  mutating func text(_ node: NodeID, _ what: @autoclosure () -> String) -> Text? {
    guard let value = string(node, what()) else { return nil }
    if checked { return Text(checked: value, location: location(of: node), span: span(of: node)) }
    return Text(source: value, location: location(of: node), span: span(of: node))
  }

  func describe(_ node: NodeID) -> String {
    switch document.kind(node) {
    case .scalar:
      let text = document.nodes[node].value
      return text.isEmpty ? "an empty value" : Self.quoted(text, limit: 40)
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    }
  }

  /// Text from the file, in quotes, safe to show and at most `limit` characters long: control
  /// characters and escape sequences never reach a message raw, and the message says they were
  /// there, since the text shown is then not all that was written.
  static func quoted(_ text: String, limit: Int = 80) -> String {
    let shown = "'\(Sanitizer.clean(text, limit: limit))'"
    return Sanitizer.clean(text) == text ? shown : shown + " (which holds control characters)"
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

  /// Whether `text` holds the ASCII character `byte`, looked for over its bytes in place (by
  /// Characters, finding a '-' in every step id cost more than reading the step).
  static func holds(_ byte: UInt8, _ text: String) -> Bool {
    text.utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? text.utf8.contains(byte)
  }

  static func isVariableName(_ text: String) -> Bool {
    isIdentifier(text) && !holds(UInt8(ascii: "-"), text)
  }

  struct Entry {
    let key: String
    let keyNode: NodeID
    let value: NodeID
  }
}

extension NodeReader {
  /// An expression, parsed; a syntax error is reported at its exact place, whatever line of the
  /// value it is on.
  mutating func formula(_ node: NodeID, _ what: @autoclosure () -> String) -> Formula? {
    guard let source = string(node, what()) else { return nil }
    return formula(source, span: span(of: node))
  }

  /// An expression written at `span`.
  mutating func formula(_ source: String, span: SourceSpan) -> Formula? {
    if checked { return Formula(checked: source, span: span) }
    if let expression = parsed[source] { return Formula(expression: expression, span: span) }
    do {
      let expression = try Expression.parse(source)
      parsed[source] = expression
      return Formula(expression: expression, span: span)
    } catch {
      self.error(error.message, at: span.location(ofCharacter: error.offset, in: source))
      return nil
    }
  }
}
