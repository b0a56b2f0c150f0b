import CYaml

/// libyaml's syntax errors in words an author can act on, at the line they have to look at.
///
/// libyaml says "did not find expected key" or "mapping values are not allowed in this context";
/// what an author needs is which line is indented wrongly, what it should line up with, or that
/// a text holding `: ` needs quotes. The wording compares the offending line with the lists and
/// mappings around it (``YAMLEventReader/Collection``), read from the events before the error.
///
///     // a:
///     //   b: 1
///     //  c: 2
///     // → line 3, column 2: line 3 is indented by 1 space, which lines up with nothing above
///     //   it: 'b' on line 2 is indented by 2, 'a' on line 1 by 0; indent it like the one it
///     //   belongs with
struct YAMLSyntaxWording {
  let problem: String
  let problemMark: yaml_mark_t
  let context: String?
  let contextMark: yaml_mark_t
  /// Lists and mappings still open at the error, outermost first.
  let open: [YAMLEventReader.Collection]
  /// Lists and mappings closed just before the error, innermost first.
  let closed: [YAMLEventReader.Collection]
  let lastScalar: YAMLEventReader.LastScalar?
  var source: YAMLSource

  static let tabMessage = "tabs cannot be used for indentation; indent with spaces"

  mutating func phrased() -> YAMLProblem {
    switch (context ?? "", problem) {
    case (_, "mapping values are not allowed in this context"):
      return colonInValue()
    case ("while parsing a block mapping", "did not find expected key"):
      return notAKey()
    case ("while parsing a block collection", "did not find expected '-' indicator"):
      return notAnItem()
    case ("while scanning a simple key", "could not find expected ':'"):
      return at(
        contextMark,
        "\(quoted(line: contextMark)) has no ':' after it, so it is not a key; if it is one, add ': ' and its value; if it continues the text above, indent it more than that text's key"
      )
    case (_, "found character that cannot start any token"):
      let character = source.scalar(at: Int(problemMark.index))
      if character == "\t" { return at(problemMark, Self.tabMessage) }
      return at(problemMark, cannotStart(character))
    case (_, "found a tab character that violates indentation"),
      (_, "found a tab character where an indentation space is expected"):
      return at(problemMark, Self.tabMessage)
    case ("while scanning a quoted scalar", "found unexpected end of stream"):
      let quote = source.scalar(at: Int(contextMark.index)) == "'" ? "'" : "\""
      let inside = quote == "'" ? "''" : "\\\""
      return at(
        contextMark,
        "the text in quotes that starts here is never closed; end it with \(quote) (to write \(quote) inside it, write \(inside))"
      )
    case ("while scanning a quoted scalar", "found unexpected document indicator"):
      return at(
        problemMark,
        "a line that starts with '---' or '...' ends the document, even inside quotes; indent that line"
      )
    case ("while parsing a quoted scalar", "found unknown escape character"):
      let escaped =
        source.scalar(at: Int(problemMark.index) + 1).map { String(Character($0)) } ?? ""
      return at(
        problemMark,
        "'\\\(Self.shown(escaped))' is not an escape that double-quoted text knows; write '\\\\' for a backslash, or put the text in single quotes"
      )
    case (_, "did not find expected node content"):
      return at(problemMark, cannotStart(source.scalar(at: Int(problemMark.index))))
    case (_, "block sequence entries are not allowed in this context"):
      return at(
        problemMark,
        "a list cannot start on the same line as its key; put each '- ' item on a line of its own, indented under the key (or, if this is text, put it in quotes)"
      )
    case (_, "mapping keys are not allowed in this context"):
      return at(
        problemMark,
        "'?' cannot start a key here; if the text starts with '?', put it in quotes")
    case ("while parsing a flow sequence", _), ("while parsing a flow mapping", _):
      let (open, close) = context == "while parsing a flow sequence" ? ("[", "]") : ("{", "}")
      return at(
        problemMark,
        "the \(open == "[" ? "list" : "mapping") that opens with '\(open)' at line \(contextMark.line + 1), column \(contextMark.column + 1) needs a ',' or a closing '\(close)' here; if the value is text that starts with '\(open)', put it in quotes"
      )
    case ("while scanning an alias", _), ("while scanning an anchor", _):
      let alias = context == "while scanning an alias"
      return at(
        contextMark,
        "a value cannot start with '\(alias ? "*" : "&")' (YAML reads it as \(alias ? "an alias" : "an anchor")); put the value in quotes"
      )
    case (let context, _) where context.contains("tag"):
      return at(contextMark, YAMLEventReader.tagMessage)
    case (_, "found undefined tag handle"):
      return at(problemMark, YAMLEventReader.tagMessage)
    case (let context, _) where context.contains("directive"):
      return at(contextMark, YAMLEventReader.directiveMessage)
    case ("while scanning a block scalar", "found an indentation indicator equal to 0"):
      return at(
        problemMark, "the indentation after '|' or '>' is a digit from 1 to 9, not 0")
    case ("while scanning a block scalar", _):
      return at(
        problemMark,
        "the text of a '|' or '>' block starts on the next line; on this line only '-', '+', a digit or a comment may follow it"
      )
    default:
      var message = "YAML syntax: \(problem)"
      if let context {
        message += " (\(context) at line \(contextMark.line + 1), column \(contextMark.column + 1))"
      }
      return at(problemMark, message)
    }
  }

  // MARK: - Indentation and stray text

  /// A `: ` where YAML cannot start a mapping: text holding `: `, or a line indented so that it
  /// continues the value above it.
  mutating func colonInValue() -> YAMLProblem {
    let line = Int(problemMark.line)
    // The value of the latest key goes on over lines, up to this one: the line was meant as a key.
    if let top = open.last, top.kind == .mapping, let key = top.lastKey, line > key.line,
      top.children % 2 == 1
        || (lastScalar.map { $0.style == .plain && $0.endLine == line && $0.line >= key.line }
          ?? false)
    {
      let indentation = lineIndentation(problemMark)
      let name = Self.shown(key.value)
      return YAMLProblem(
        line: line + 1, column: indentation + 1,
        message:
          "line \(line + 1) starts at column \(indentation + 1), right of '\(name)' on line \(key.line + 1) (column \(key.column + 1)), so YAML reads it as more of the value of '\(name)'; to make it a key of its own, start it at column \(key.column + 1) like '\(name)'; if it is text that holds ': ', put the text in quotes"
      )
    }
    if let last = lastScalar, last.style == .plain, last.line < line, last.endLine == line {
      let indentation = lineIndentation(problemMark)
      return YAMLProblem(
        line: line + 1, column: indentation + 1,
        message:
          "line \(line + 1) starts at column \(indentation + 1), so YAML reads it as more of the text that starts on line \(last.line + 1); to make it a key of its own, line it up with the keys it belongs with; if it is text that holds ': ', put the text in quotes"
      )
    }
    return at(
      problemMark,
      "YAML reads this ': ' as the start of a key and value, which cannot stand here; if the text holds ': ', put the whole text in quotes"
    )
  }

  /// Something where the next key of a block mapping should be.
  mutating func notAKey() -> YAMLProblem {
    if let text = textAfterValue() { return text }
    let indentation = lineIndentation(problemMark)
    let mapping = open.last
    if source.scalar(at: Int(problemMark.index)) == "-", let mapping,
      indentation == mapping.column
    {
      return at(
        problemMark,
        "a list item ('- ') cannot stand among the keys of a mapping (\(Self.describe(mapping))); indent it under the key whose list it is"
      )
    }
    if let block = blockLeft() { return block }
    return misindented(indentation)
  }

  /// Something where the next `- ` item of a block list should be.
  mutating func notAnItem() -> YAMLProblem {
    if let text = textAfterValue() { return text }
    let indentation = lineIndentation(problemMark)
    if let list = open.last, indentation == list.column {
      let key = levels().last { $0.indentation < indentation && $0.isMapping }
      let other =
        key.map {
          ", or start it at column \($0.indentation + 1) like \($0.text) to make it a key there"
        }
        ?? ""
      return at(
        problemMark,
        "line \(problemMark.line + 1) lines up with the '- ' items of the list on line \(list.line + 1) but does not start with '- '; start it with '- ' to make it an item\(other)"
      )
    }
    if let block = blockLeft() { return block }
    return misindented(indentation)
  }

  /// Text left on the line after a value ended: after the closing quote, most often a quote meant
  /// to be part of the text.
  func textAfterValue() -> YAMLProblem? {
    guard let last = lastScalar, last.endLine == Int(problemMark.line),
      Int(problemMark.column) >= last.endColumn, last.style != .literal, last.style != .folded
    else { return nil }
    switch last.style {
    case .singleQuoted:
      return at(
        problemMark,
        "the text in single quotes ended before this; to write ' inside single quotes, write it twice ('it''s'), or put the whole text in double quotes"
      )
    case .doubleQuoted:
      return at(
        problemMark,
        "the text in double quotes ended before this; to write \" inside double quotes, write \\\", or put the whole text in single quotes"
      )
    default:
      return at(
        problemMark,
        "YAML cannot read what follows the value on this line; if it is all one text, put it in quotes"
      )
    }
  }

  /// A line indented less than the `|` or `>` block above it, which ends the block.
  mutating func blockLeft() -> YAMLProblem? {
    guard let last = lastScalar, last.style == .literal || last.style == .folded,
      last.endLine == Int(problemMark.line)
    else { return nil }
    let indentation = lineIndentation(problemMark)
    return at(
      problemMark,
      "line \(problemMark.line + 1) starts at column \(indentation + 1), left of the text of the '\(last.style == .literal ? "|" : ">")' block that starts on line \(last.line + 1), so the block ends before it; line it up with the block's other lines to keep it in the text"
    )
  }

  /// A line whose indentation matches no list or mapping around it.
  func misindented(_ indentation: Int) -> YAMLProblem {
    let levels = levels()
    let deeper = levels.filter { $0.indentation > indentation }.min {
      $0.indentation < $1.indentation
    }
    let shallower = levels.filter { $0.indentation < indentation }.max {
      $0.indentation < $1.indentation
    }
    let around = [deeper, shallower].compactMap { $0 }.map {
      "\($0.text) (column \($0.indentation + 1))"
    }
    let start = "line \(problemMark.line + 1) starts at column \(indentation + 1)"
    switch around.count {
    case 2:
      return at(
        problemMark,
        "\(start), which lines up with neither \(around[0]) nor \(around[1]); line it up with the one it belongs with"
      )
    case 1:
      return at(
        problemMark,
        "\(start), which lines up with nothing above it; line it up with \(around[0]) if it belongs with it"
      )
    default:
      return at(problemMark, "\(start), which lines up with nothing above it")
    }
  }

  struct Level {
    let indentation: Int
    let text: String
    let isMapping: Bool
  }

  /// The indentation of each block list and mapping around the error, the latest at each depth.
  func levels() -> [Level] {
    var byIndentation: [Int: Level] = [:]
    for collection in open + closed.reversed() where collection.isBlock {
      byIndentation[collection.column] = Level(
        indentation: collection.column, text: Self.describe(collection),
        isMapping: collection.kind == .mapping)
    }
    return byIndentation.values.sorted { $0.indentation < $1.indentation }
  }

  static func describe(_ collection: YAMLEventReader.Collection) -> String {
    if collection.kind == .sequence {
      return "the '- ' items of the list on line \(collection.line + 1)"
    }
    if let key = collection.lastKey {
      return "'\(shown(key.value))' on line \(key.line + 1)"
    }
    return "the mapping on line \(collection.line + 1)"
  }

  // MARK: - Helpers

  mutating func lineIndentation(_ mark: yaml_mark_t) -> Int {
    source.indentation(atCharacter: Int(mark.index), column: Int(mark.column))
  }

  /// "'foo' on line 2": the start of the line at `mark`.
  mutating func quoted(line mark: yaml_mark_t) -> String {
    let start = Int(mark.index)
    var end = start
    while end - start < 30, let scalar = source.scalar(at: end), scalar != "\n", scalar != "\r",
      scalar != ":"
    {
      end += 1
    }
    let text = source.text(from: start, to: end).trimmingBlanks
    return "'\(Self.shown(text))' on line \(mark.line + 1)"
  }

  func cannotStart(_ character: Unicode.Scalar?) -> String {
    let shown = character.map { Self.shown(String(Character($0))) } ?? ""
    return "a value cannot start with '\(shown)'; put the value in quotes"
  }

  func at(_ mark: yaml_mark_t, _ message: String) -> YAMLProblem {
    YAMLProblem(line: Int(mark.line) + 1, column: Int(mark.column) + 1, message: message)
  }

  /// Text from the file, safe to show and short.
  static func shown(_ text: String) -> String { Sanitizer.clean(text, limit: 30) }
}

extension String {
  fileprivate var trimmingBlanks: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
