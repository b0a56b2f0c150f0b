import CYaml

/// Reads a YAML file through libyaml's events into a ``YAMLDocument``, in one pass.
///
/// What dialogue files do not use is refused at the event where it occurs: anchors, aliases and
/// tags, `%` directives, a second document; and so is what is too big: the file's size, nesting
/// deeper than ``DialogueLoader/Limits/maxDepth``, more values than
/// ``DialogueLoader/Limits/maxNodes``. libyaml's own errors come back in plain words, at the line
/// where the author has to look (``YAMLSyntaxWording``). Scalars stay exactly as written (`no`,
/// `on`, `1.10`): what a value means is for the dialogue's schema to decide.
///
///     switch YAMLEventReader().read(Array("id: tour\n".utf8), file: "tour.yaml") {
///     case .success(let document): print(document.nodes.count)  // 3
///     case .failure(let problem): print(problem)
///     }
struct YAMLEventReader {
  var limits = DialogueLoader.Limits.standard

  static let emptyMessage = "the file is empty"
  static let anchorMessage =
    "anchors and aliases (&name, *name) are not supported in dialogue files; repeat the value instead"
  static let tagMessage =
    "tags (!…) are not supported in dialogue files; if the '!' is part of the text, put the value in quotes"
  static let directiveMessage =
    "YAML directives (%YAML, %TAG) are not supported in dialogue files; remove the '%' line"

  /// The document, or the first problem. A file with nothing in it (only comments, or an empty
  /// document) gives a document without nodes.
  func read(_ input: [UInt8], file: String) -> Result<YAMLDocument, YAMLProblem> {
    if input.count > limits.maxBytes {
      return .failure(.tooBig(input.count, limit: limits.maxBytes))
    }
    // libyaml is told the text is UTF-8, so that its marks are characters of UTF-8 text (it would
    // read UTF-16 too); a UTF-8 byte order mark is not part of the text.
    let hasBOM = input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF
    let bytes = hasBOM ? Array(input[3...]) : input
    var document = YAMLDocument(file: file)
    if bytes.isEmpty { return .success(document) }
    var state = State(document: document, source: YAMLSource(bytes), limits: limits)
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      return .failure(
        YAMLProblem(line: 1, column: 1, message: "not enough memory to read the file"))
    }
    defer { yaml_parser_delete(&parser) }
    let problem: YAMLProblem? = bytes.withUnsafeBufferPointer { buffer in
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else {
          return state.problem(from: parser)
        }
        defer { yaml_event_delete(&event) }
        if event.type == YAML_STREAM_END_EVENT { return nil }
        if let problem = state.take(event) { return problem }
      }
    }
    if let problem { return .failure(problem) }
    document = state.document
    // `---` alone, or `~`: a document holding nothing.
    if document.nodes.count == 1, document.nodes[0].kind == .scalar,
      document.nodes[0].style == .plain,
      ["", "~", "null"].contains(document.nodes[0].value)
    {
      document.nodes = []
    }
    return .success(document)
  }

  /// A list or mapping not closed yet, or closed just before a syntax error: what the message
  /// about a wrongly indented line compares it with.
  struct Collection {
    let node: Int
    let kind: YAMLDocument.Kind
    let isBlock: Bool
    /// Where it starts, from 0 as libyaml counts: the first key, or the first `-`.
    let line: Int
    let column: Int
    var children = 0
    /// The mapping's latest key, from 0.
    var lastKey: (value: String, line: Int, column: Int)?
  }

  /// The scalar read last, for messages about quotes and text over several lines.
  struct LastScalar {
    let style: YAMLDocument.Style
    let line: Int
    let endLine: Int
    let endColumn: Int
  }

  private struct State {
    var document: YAMLDocument
    var source: YAMLSource
    let limits: DialogueLoader.Limits
    var open: [Collection] = []
    /// Collections closed since the last node began.
    var closed: [Collection] = []
    var lastScalar: LastScalar?
    var documents = 0
    /// How the first document was started and ended: with `---` and `...`, or implicitly.
    var firstStartedExplicitly = false
    var firstEnd: (explicit: Bool, line: Int)?

    init(document: YAMLDocument, source: YAMLSource, limits: DialogueLoader.Limits) {
      self.document = document
      self.source = source
      self.limits = limits
      // A node takes about 12 bytes of YAML: reserving spares the copies of a growing array.
      self.document.nodes.reserveCapacity(min(source.bytes.count / 12, limits.maxNodes) + 16)
    }

    func at(_ mark: yaml_mark_t, _ message: String) -> YAMLProblem {
      YAMLProblem(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
    }

    /// Records one event; the problem it raises, if any.
    mutating func take(_ event: yaml_event_t) -> YAMLProblem? {
      switch event.type {
      case YAML_DOCUMENT_START_EVENT:
        documents += 1
        let start = event.data.document_start
        if documents > 1 { return at(event.start_mark, secondDocumentMessage) }
        if start.version_directive != nil || start.tag_directives.start != start.tag_directives.end
        {
          return at(event.start_mark, YAMLEventReader.directiveMessage)
        }
        firstStartedExplicitly = start.implicit == 0
      case YAML_DOCUMENT_END_EVENT:
        firstEnd = (event.data.document_end.implicit == 0, Int(event.start_mark.line) + 1)
      case YAML_ALIAS_EVENT:
        return at(event.start_mark, YAMLEventReader.anchorMessage)
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        if scalar.anchor != nil { return at(event.start_mark, YAMLEventReader.anchorMessage) }
        if scalar.tag != nil { return at(event.start_mark, YAMLEventReader.tagMessage) }
        return addScalar(event)
      case YAML_SEQUENCE_START_EVENT:
        let start = event.data.sequence_start
        if start.anchor != nil { return at(event.start_mark, YAMLEventReader.anchorMessage) }
        if start.tag != nil { return at(event.start_mark, YAMLEventReader.tagMessage) }
        return openCollection(
          .sequence, event, isBlock: start.style != YAML_FLOW_SEQUENCE_STYLE)
      case YAML_MAPPING_START_EVENT:
        let start = event.data.mapping_start
        if start.anchor != nil { return at(event.start_mark, YAMLEventReader.anchorMessage) }
        if start.tag != nil { return at(event.start_mark, YAMLEventReader.tagMessage) }
        return openCollection(.mapping, event, isBlock: start.style != YAML_FLOW_MAPPING_STYLE)
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        if let collection = open.popLast() {
          document.nodes[collection.node].end = Int32(document.nodes.count)
          closed.append(collection)
        }
      default:
        break
      }
      return nil
    }

    var secondDocumentMessage: String {
      if let firstEnd, firstEnd.explicit {
        "only one YAML document per file; remove everything after the '...' on line \(firstEnd.line)"
      } else if firstStartedExplicitly {
        "only one YAML document per file; remove the second '---'"
      } else {
        "only one YAML document per file; a '---' line after content starts a new one, so remove it"
      }
    }

    func depthMessage() -> String {
      "the nesting here is more than \(Counting.grouped(limits.maxDepth)) levels deep; dialogue files allow \(Counting.grouped(limits.maxDepth))"
    }

    /// Counts a new node against the limit, and as a child of the collection it is in.
    mutating func begin(_ event: yaml_event_t, key: @autoclosure () -> String) -> YAMLProblem? {
      if !closed.isEmpty { closed.removeAll(keepingCapacity: true) }
      if document.nodes.count >= limits.maxNodes {
        return at(
          event.start_mark,
          "the file has more than \(Counting.grouped(limits.maxNodes)) values; dialogue files allow \(Counting.grouped(limits.maxNodes))"
        )
      }
      guard !open.isEmpty else { return nil }
      let parent = open.count - 1
      if open[parent].kind == .mapping, open[parent].children % 2 == 0 {
        open[parent].lastKey = (
          key(), Int(event.start_mark.line), Int(event.start_mark.column)
        )
      }
      open[parent].children += 1
      return nil
    }

    mutating func addScalar(_ event: yaml_event_t) -> YAMLProblem? {
      let scalar = event.data.scalar
      let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
      let value = String(decoding: bytes, as: UTF8.self)
      if let problem = begin(event, key: value) { return problem }
      let style: YAMLDocument.Style
      switch scalar.style {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
      case YAML_LITERAL_SCALAR_STYLE: style = .literal
      case YAML_FOLDED_SCALAR_STYLE: style = .folded
      default: style = .plain
      }
      let start = event.start_mark
      let end = event.end_mark
      // Keep the text as written where the value is not that text on one line, so that a place
      // inside the value can be found in the file.
      var written: Int32 = -1
      let keep: Bool
      switch style {
      case .literal, .folded: keep = true
      case _ where start.line != end.line: keep = true
      case .singleQuoted, .doubleQuoted:
        // Same length as written, less the quotes: no escapes.
        keep = Int(end.index - start.index) != bytes.reduce(2) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
      default: keep = false
      }
      if keep {
        written = Int32(document.written.count)
        document.written.append(source.text(from: Int(start.index), to: Int(end.index)))
      }
      document.nodes.append(
        YAMLDocument.Node(
          kind: .scalar, style: style, line: Int32(start.line + 1), column: Int32(start.column + 1),
          end: Int32(document.nodes.count + 1), written: written, value: value))
      lastScalar = LastScalar(
        style: style, line: Int(start.line), endLine: Int(end.line),
        endColumn: Int(end.column))
      return nil
    }

    mutating func openCollection(_ kind: YAMLDocument.Kind, _ event: yaml_event_t, isBlock: Bool)
      -> YAMLProblem?
    {
      if let problem = begin(event, key: kind == .mapping ? "{…}" : "[…]") { return problem }
      if open.count >= limits.maxDepth {
        return at(event.start_mark, depthMessage())
      }
      let start = event.start_mark
      open.append(
        Collection(
          node: document.nodes.count, kind: kind, isBlock: isBlock, line: Int(start.line),
          column: Int(start.column)))
      document.nodes.append(
        YAMLDocument.Node(
          kind: kind, style: .plain, line: Int32(start.line + 1), column: Int32(start.column + 1),
          end: 0, written: -1, value: ""))
      return nil
    }

    /// An anchor, alias or tag among the tokens libyaml read ahead before it met a syntax error:
    /// it comes first in the file, so it is what the author meets first.
    func propertyReadAhead(in parser: yaml_parser_t) -> YAMLProblem? {
      var token = parser.tokens.head
      while let current = token, current != parser.tokens.tail {
        switch current.pointee.type {
        case YAML_ANCHOR_TOKEN, YAML_ALIAS_TOKEN:
          return at(current.pointee.start_mark, YAMLEventReader.anchorMessage)
        case YAML_TAG_TOKEN:
          return at(current.pointee.start_mark, YAMLEventReader.tagMessage)
        default:
          token = current + 1
        }
      }
      return nil
    }

    /// The first of the tokens libyaml has read ahead that opens a list or mapping deeper than the
    /// limit.
    func deeperThanLimit(in parser: yaml_parser_t) -> yaml_mark_t? {
      var depth = open.count
      var token = parser.tokens.head
      while let current = token, current != parser.tokens.tail {
        switch current.pointee.type {
        case YAML_FLOW_SEQUENCE_START_TOKEN, YAML_FLOW_MAPPING_START_TOKEN,
          YAML_BLOCK_SEQUENCE_START_TOKEN, YAML_BLOCK_MAPPING_START_TOKEN:
          depth += 1
          if depth > limits.maxDepth { return current.pointee.start_mark }
        case YAML_FLOW_SEQUENCE_END_TOKEN, YAML_FLOW_MAPPING_END_TOKEN, YAML_BLOCK_END_TOKEN:
          depth -= 1
        default:
          break
        }
        token = current + 1
      }
      return nil
    }

    /// libyaml's error, in words an author can act on.
    mutating func problem(from parser: yaml_parser_t) -> YAMLProblem {
      switch parser.error {
      case YAML_READER_ERROR:
        return .encoding(source.bytes, libyamlOffset: Int(parser.problem_offset))
      case YAML_MEMORY_ERROR:
        return YAMLProblem(line: 1, column: 1, message: "not enough memory to read the file")
      case _
      where documents >= 1
        && parser.problem.map({ String(cString: $0) })
          == "did not find expected <document start>":
        // After `...`, libyaml wants `---`: either way, a second document.
        return at(parser.problem_mark, secondDocumentMessage)
      case _
      where parser.problem.map({ String(cString: $0) })?.hasPrefix("Maximum nesting level")
        == true:
        // libyaml's own limit (1,000), met while it read ahead: the place where the nesting goes
        // past ours is among the tokens it read.
        return at(deeperThanLimit(in: parser) ?? parser.problem_mark, depthMessage())
      default:
        if let property = propertyReadAhead(in: parser) { return property }
        var wording = YAMLSyntaxWording(
          problem: parser.problem.map { String(cString: $0) } ?? "",
          problemMark: parser.problem_mark,
          context: parser.context.map { String(cString: $0) },
          contextMark: parser.context_mark,
          open: open, closed: closed, lastScalar: lastScalar, source: source)
        return wording.phrased()
      }
    }
  }
}
