/// The structural half of `YAMLPreflight`: a single pass over valid UTF-8 that follows the token
/// rules of libyaml's scanner (the one inside Yams) without building tokens.
///
/// It keeps exactly the state libyaml uses to decide where a token starts and how far a scalar
/// reaches — the flow level, the block indentation stack, whether a simple key may start, and the
/// position of a possible simple key outside flow collections — so an `&`, `*` or `!` is reported
/// only where libyaml would read an anchor, alias or tag. Where libyaml would fail with a syntax
/// error, the scanner carries on leniently (Yams reports those errors itself), except for tabs
/// used as indentation, which get a clearer message here.
///
/// No recursion; every loop advances through the input, so the pass is linear.
struct YAMLPreflightScanner {
  typealias Problem = YAMLPreflight.Problem

  static let anchorMessage =
    "anchors and aliases (&name, *name) are not supported in dialogue files; repeat the value instead"
  static let tagMessage =
    "tags (!…) are not supported in dialogue files; if the '!' is part of the text, put the value in quotes"
  static let directiveMessage =
    "YAML directives (%YAML, %TAG) are not supported in dialogue files; remove the '%' line"
  static let secondDocumentMessage = "only one YAML document per file; remove the second '---'"
  static let separatorMessage =
    "only one YAML document per file; a '---' line after content starts a new one, so remove it"
  static let tabMessage = "tabs cannot be used for indentation; indent with spaces"
  static let emptyMessage =
    "the file is empty; a dialogue needs at least an id, a title and sections"

  private enum Deferred {
    case depth
    case nodes
  }

  private let text: UnsafeBufferPointer<UInt8>
  private let count: Int
  private let limits: YAMLPreflight.Limits

  // Position. `line` is 0-based; columns are computed on demand from `lineStart`.
  private var pos = 0
  private var line = 0
  private var lineStart = 0
  private var columnCacheLine = -1
  private var columnCachePos = 0
  private var columnCacheValue = 0

  // libyaml scanner state.
  private var flowLevel = 0
  private var indent = -1
  private var indents: [Int] = []
  private var simpleKeyAllowed = true
  private var keyPossible = false  // the possible simple key outside flow collections
  private var keyLine = 0
  private var keyColumn = 0

  // Documents.
  private var sawContent = false
  private var documentOpen = false
  private var sawDocumentStart = false
  private var documentEndLine: Int? = nil

  // Limits. Exceeding one is reported only after the whole input has been measured, so the
  // message can say by how much; other problems found after that point are not reported.
  private var nodes = 0
  private var valueSlotOpen = false
  private var deepest = 0
  private var deferred: (kind: Deferred, line: Int, column: Int)? = nil

  init(_ text: UnsafeBufferPointer<UInt8>, limits: YAMLPreflight.Limits) {
    self.text = text
    self.count = text.count
    self.limits = limits
  }

  // MARK: - Bytes

  @inline(__always) private func byte(_ offset: Int) -> UInt8 {
    offset < count ? text[offset] : 0
  }

  /// The length of the line break at `offset`, or 0.
  @inline(__always) private func breakLength(_ offset: Int) -> Int {
    guard offset < count else { return 0 }
    switch text[offset] {
    case 0x0A: return 1
    case 0x0D: return byte(offset + 1) == 0x0A ? 2 : 1
    case 0xC2: return byte(offset + 1) == 0x85 ? 2 : 0
    case 0xE2: return byte(offset + 1) == 0x80 && (byte(offset + 2) | 1) == 0xA9 ? 3 : 0
    default: return 0
    }
  }

  @inline(__always) private func isBlank(_ offset: Int) -> Bool {
    let b = byte(offset)
    return offset < count && (b == 0x20 || b == 0x09)
  }

  /// Blank, line break or end of input.
  @inline(__always) private func isBlankZ(_ offset: Int) -> Bool {
    offset >= count || text[offset] == 0x20 || text[offset] == 0x09 || breakLength(offset) > 0
  }

  private func isDocumentMarker(_ offset: Int) -> Bool {
    let b = byte(offset)
    return (b == UInt8(ascii: "-") || b == UInt8(ascii: ".")) && byte(offset + 1) == b
      && byte(offset + 2) == b
      && isBlankZ(offset + 3)
  }

  private mutating func newLine(_ length: Int) {
    pos += length
    line += 1
    lineStart = pos
  }

  private mutating func skipToLineEnd() {
    while pos < count {
      let b = text[pos]
      if b == 0x0A || b == 0x0D || ((b == 0xC2 || b == 0xE2) && breakLength(pos) > 0) { return }
      pos += 1
    }
  }

  /// The 0-based column of `offset` on the current line, in Unicode scalars.
  private mutating func column(_ offset: Int) -> Int {
    if columnCacheLine != line || columnCachePos > offset || columnCachePos < lineStart {
      columnCacheLine = line
      columnCachePos = lineStart
      columnCacheValue = 0
    }
    var value = columnCacheValue
    var index = columnCachePos
    let end = min(offset, count)
    while index < end {
      if text[index] & 0xC0 != 0x80 { value += 1 }
      index += 1
    }
    columnCachePos = end
    columnCacheValue = value
    return value
  }

  // MARK: - Problems

  /// A problem that ends the scan, unless a limit was already exceeded (then it is ignored).
  private mutating func fail(_ message: String, at offset: Int) -> Problem? {
    guard deferred == nil else { return nil }
    return Problem(line: line + 1, column: column(offset) + 1, message: message)
  }

  private mutating func addNode() {
    nodes += 1
    valueSlotOpen = false
    if nodes > limits.maxNodes && deferred == nil {
      deferred = (.nodes, line, column(pos))
    }
  }

  /// After `-`, `?` or `:`: a value follows, or an empty one does.
  private mutating func openValueSlot() {
    if valueSlotOpen { addNode() }
    valueSlotOpen = true
  }

  private mutating func closeValueSlot() {
    if valueSlotOpen { addNode() }
  }

  private mutating func noteDepth(line depthLine: Int, column depthColumn: Int) {
    let depth = indents.count + flowLevel
    if depth > deepest { deepest = depth }
    if depth > limits.maxDepth && deferred == nil {
      deferred = (.depth, depthLine, depthColumn)
    }
  }

  // MARK: - Indentation and simple keys

  private mutating func rollIndent(to newIndent: Int, line rollLine: Int, column rollColumn: Int) {
    guard flowLevel == 0, indent < newIndent else { return }
    indents.append(indent)
    indent = newIndent
    addNode()
    noteDepth(line: rollLine, column: rollColumn)
  }

  private mutating func unrollIndent(to newIndent: Int) {
    guard flowLevel == 0 else { return }
    while indent > newIndent, let previous = indents.popLast() {
      indent = previous
    }
  }

  private mutating func saveSimpleKey(column keyStart: Int) {
    if simpleKeyAllowed && flowLevel == 0 {
      keyPossible = true
      keyLine = line
      keyColumn = keyStart
    }
  }

  private mutating func removeSimpleKey() {
    if flowLevel == 0 { keyPossible = false }
  }

  // MARK: - The pass

  mutating func run() -> Problem? {
    while true {
      if let problem = skipToNextToken() { return problem }
      let col = column(pos)
      unrollIndent(to: col)
      guard pos < count else { break }
      let b = text[pos]

      if pos == lineStart && b == UInt8(ascii: "%") {
        if let problem = fail(Self.directiveMessage, at: pos) { return problem }
        unrollIndent(to: -1)
        removeSimpleKey()
        simpleKeyAllowed = false
        skipToLineEnd()
        continue
      }
      if pos == lineStart && isDocumentMarker(pos) {
        if let problem = documentMarker(b == UInt8(ascii: "-")) { return problem }
        continue
      }

      if let endLine = documentEndLine {
        let message =
          "only one YAML document per file; remove everything after the '...' on line \(endLine + 1)"
        if let problem = fail(message, at: pos) { return problem }
        documentEndLine = nil
      }
      sawContent = true
      documentOpen = true

      switch b {
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        saveSimpleKey(column: col)
        flowLevel += 1
        simpleKeyAllowed = true
        addNode()
        noteDepth(line: line, column: col)
        pos += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        if flowLevel > 0 { flowLevel -= 1 } else { keyPossible = false }
        simpleKeyAllowed = false
        closeValueSlot()
        pos += 1
      case UInt8(ascii: ","):
        removeSimpleKey()
        simpleKeyAllowed = true
        closeValueSlot()
        pos += 1
      case UInt8(ascii: "-") where isBlankZ(pos + 1):
        rollIndent(to: col, line: line, column: col)
        removeSimpleKey()
        simpleKeyAllowed = true
        openValueSlot()
        pos += 1
      case UInt8(ascii: "?") where flowLevel > 0 || isBlankZ(pos + 1):
        rollIndent(to: col, line: line, column: col)
        removeSimpleKey()
        simpleKeyAllowed = flowLevel == 0
        openValueSlot()
        pos += 1
      case UInt8(ascii: ":") where flowLevel > 0 || isBlankZ(pos + 1):
        if flowLevel > 0 {
          simpleKeyAllowed = false
        } else if keyPossible && keyLine == line && col - keyColumn <= 1024 {
          rollIndent(to: keyColumn, line: keyLine, column: keyColumn)
          keyPossible = false
          simpleKeyAllowed = false
        } else {
          rollIndent(to: col, line: line, column: col)
          simpleKeyAllowed = true
        }
        openValueSlot()
        pos += 1
      case UInt8(ascii: "*"), UInt8(ascii: "&"):
        if let problem = anchorOrAlias(b, column: col) { return problem }
      case UInt8(ascii: "!"):
        if let problem = fail(Self.tagMessage, at: pos) { return problem }
        saveSimpleKey(column: col)
        simpleKeyAllowed = false
        while !isBlankZ(pos) { pos += 1 }
      case UInt8(ascii: "|") where flowLevel == 0, UInt8(ascii: ">") where flowLevel == 0:
        removeSimpleKey()
        simpleKeyAllowed = true
        addNode()
        if let problem = blockScalar() { return problem }
      case UInt8(ascii: "'"), UInt8(ascii: "\""):
        saveSimpleKey(column: col)
        simpleKeyAllowed = false
        addNode()
        quotedScalar(single: b == UInt8(ascii: "'"))
      default:
        if startsPlainScalar(b) {
          saveSimpleKey(column: col)
          simpleKeyAllowed = false
          addNode()
          if let problem = plainScalar() { return problem }
        } else {
          pos += 1  // a character that cannot start a token: Yams reports it
        }
      }
    }

    closeValueSlot()
    if let deferred {
      let message: String
      switch deferred.kind {
      case .depth:
        message =
          "nesting is \(YAMLPreflightFormat.grouped(deepest)) levels deep; dialogue files allow \(YAMLPreflightFormat.grouped(limits.maxDepth))"
      case .nodes:
        message =
          "the file has about \(YAMLPreflightFormat.about(nodes, above: limits.maxNodes)) values; dialogue files allow \(YAMLPreflightFormat.grouped(limits.maxNodes))"
      }
      return Problem(line: deferred.line + 1, column: deferred.column + 1, message: message)
    }
    if !sawContent {
      return Problem(line: 1, column: 1, message: Self.emptyMessage)
    }
    return nil
  }

  /// Whitespace, comments and line breaks before the next token.
  private mutating func skipToNextToken() -> Problem? {
    while true {
      if pos == lineStart && byte(pos) == 0xEF && byte(pos + 1) == 0xBB && byte(pos + 2) == 0xBF {
        pos += 3
      }
      while pos < count {
        let b = text[pos]
        if b == 0x20 {
          pos += 1
        } else if b == 0x09 {
          // libyaml skips a tab here only inside flow collections or where no simple key may
          // start; elsewhere (indentation, after '- ') it stops with an error.
          if flowLevel == 0 && simpleKeyAllowed {
            if let problem = fail(Self.tabMessage, at: pos) { return problem }
          }
          pos += 1
        } else {
          break
        }
      }
      if byte(pos) == UInt8(ascii: "#") { skipToLineEnd() }
      let length = breakLength(pos)
      guard length > 0 else { return nil }
      newLine(length)
      if flowLevel == 0 { simpleKeyAllowed = true }
    }
  }

  private mutating func documentMarker(_ isStart: Bool) -> Problem? {
    let markerOffset = pos
    unrollIndent(to: -1)
    removeSimpleKey()
    simpleKeyAllowed = false
    closeValueSlot()
    valueSlotOpen = false
    if isStart {
      if let endLine = documentEndLine {
        let message =
          "only one YAML document per file; remove everything after the '...' on line \(endLine + 1)"
        if let problem = fail(message, at: markerOffset) { return problem }
      } else if documentOpen {
        let message = sawDocumentStart ? Self.secondDocumentMessage : Self.separatorMessage
        if let problem = fail(message, at: markerOffset) { return problem }
      }
      documentEndLine = nil
      documentOpen = true
      sawDocumentStart = true
    } else if documentOpen {
      documentEndLine = line
      documentOpen = false
    }
    pos += 3
    return nil
  }

  private mutating func anchorOrAlias(_ indicator: UInt8, column col: Int) -> Problem? {
    var end = pos + 1
    while end < count {
      let b = text[end]
      let isNameCharacter =
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || b == 0x5F || b == 0x2D
      if !isNameCharacter { break }
      end += 1
    }
    let wellFormed: Bool
    if end == pos + 1 {
      wellFormed = false
    } else if isBlankZ(end) {
      wellFormed = true
    } else {
      wellFormed = "?:,]}%@`".utf8.contains(text[end])
    }
    let message: String
    if wellFormed {
      message = Self.anchorMessage
    } else {
      let what = indicator == UInt8(ascii: "*") ? "an alias" : "an anchor"
      message =
        "a value cannot start with '\(Character(Unicode.Scalar(indicator)))' (YAML reads it as \(what)); put the value in quotes"
    }
    if let problem = fail(message, at: pos) { return problem }
    saveSimpleKey(column: col)
    simpleKeyAllowed = false
    if indicator == UInt8(ascii: "*") { addNode() }
    pos = end
    return nil
  }

  /// libyaml's rule for the first character of a plain scalar.
  private func startsPlainScalar(_ b: UInt8) -> Bool {
    switch b {
    case UInt8(ascii: "-"):
      return !isBlank(pos + 1)
    case UInt8(ascii: "?"), UInt8(ascii: ":"):
      return flowLevel == 0 && !isBlankZ(pos + 1)
    case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
      UInt8(ascii: "}"),
      UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
      UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"),
      UInt8(ascii: "@"),
      UInt8(ascii: "`"):
      return false
    default:
      return !isBlankZ(pos)
    }
  }

  // MARK: - Scalars

  /// A plain scalar, possibly over several lines, and the whitespace after it (as libyaml does).
  private mutating func plainScalar() -> Problem? {
    let minimumIndent = indent + 1
    var leadingBlanks = false
    outer: while true {
      if pos == lineStart && isDocumentMarker(pos) { break }
      if byte(pos) == UInt8(ascii: "#") { break }
      // The characters of one line. A `break` inside the switch ends the switch, and the `break`
      // after it ends the line; the cases that go on use `continue`.
      while pos < count {
        let b = text[pos]
        switch b {
        case 0x20, 0x09, 0x0A, 0x0D:
          break
        case 0xC2, 0xE2:
          if breakLength(pos) > 0 { break }
          pos += 1
          continue
        case UInt8(ascii: ":"):
          let next = byte(pos + 1)
          if flowLevel > 0 && pos + 1 < count && "?,[]{}".utf8.contains(next) {
            break outer  // libyaml: "found unexpected ':'"
          }
          if isBlankZ(pos + 1) { break }
          pos += 1
          continue
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
          UInt8(ascii: "}"):
          if flowLevel > 0 { break }
          pos += 1
          continue
        default:
          pos += 1
          continue
        }
        break
      }
      guard isBlank(pos) || breakLength(pos) > 0 else { break }
      var sawBreak = false
      while pos < count {
        let b = text[pos]
        if b == 0x20 {
          pos += 1
        } else if b == 0x09 {
          if leadingBlanks && flowLevel == 0 && column(pos) < minimumIndent {
            if let problem = fail(Self.tabMessage, at: pos) { return problem }
          }
          pos += 1
        } else {
          let length = breakLength(pos)
          guard length > 0 else { break }
          newLine(length)
          sawBreak = true
          leadingBlanks = true
        }
      }
      // Within a line the column never drops below the indentation the scalar started at.
      if flowLevel == 0 && sawBreak && column(pos) < minimumIndent { break }
    }
    if leadingBlanks { simpleKeyAllowed = true }
    return nil
  }

  /// A single- or double-quoted scalar, possibly over several lines.
  private mutating func quotedScalar(single: Bool) {
    let quote = text[pos]
    pos += 1
    while pos < count {
      // libyaml stops here with "found unexpected document indicator".
      if pos == lineStart && isDocumentMarker(pos) { return }
      let b = text[pos]
      if b == quote {
        if single && byte(pos + 1) == quote {
          pos += 2
          continue
        }
        pos += 1
        return
      }
      if b == UInt8(ascii: "\\") && !single {
        let length = breakLength(pos + 1)
        if length > 0 {
          pos += 1
          newLine(length)
        } else {
          pos = min(pos + 2, count)
        }
        continue
      }
      let length = breakLength(pos)
      if length > 0 {
        newLine(length)
      } else {
        pos += 1
      }
    }
  }

  /// A literal or folded block scalar: the header, then every line indented at least as far as
  /// the content (given by an indentation indicator or by the first non-empty line), or empty.
  private mutating func blockScalar() -> Problem? {
    pos += 1
    var increment = 0
    let b = byte(pos)
    if b == UInt8(ascii: "+") || b == UInt8(ascii: "-") {
      pos += 1
      if byte(pos) >= 0x30 && byte(pos) <= 0x39 {
        increment = Int(byte(pos) - 0x30)
        pos += 1
      }
    } else if b >= 0x30 && b <= 0x39 {
      increment = Int(b - 0x30)
      pos += 1
      if byte(pos) == UInt8(ascii: "+") || byte(pos) == UInt8(ascii: "-") { pos += 1 }
    }
    // Blanks, an optional comment, then the line break. Anything else is a Yams error.
    skipToLineEnd()
    let length = breakLength(pos)
    if length > 0 { newLine(length) }

    var contentIndent = increment > 0 ? (indent >= 0 ? indent + increment : increment) : 0
    if let problem = blockScalarBreaks(&contentIndent) { return problem }
    while pos < count && pos - lineStart == contentIndent {
      skipToLineEnd()
      let length = breakLength(pos)
      if length > 0 { newLine(length) }
      if let problem = blockScalarBreaks(&contentIndent) { return problem }
    }
    return nil
  }

  /// Empty lines and the indentation of the next line; fixes the content indentation if unknown.
  private mutating func blockScalarBreaks(_ contentIndent: inout Int) -> Problem? {
    var maxIndent = 0
    while true {
      while (contentIndent == 0 || pos - lineStart < contentIndent) && byte(pos) == 0x20
        && pos < count
      {
        pos += 1
      }
      let col = pos - lineStart
      if col > maxIndent { maxIndent = col }
      if (contentIndent == 0 || col < contentIndent) && byte(pos) == 0x09 && pos < count {
        if let problem = fail(Self.tabMessage, at: pos) { return problem }
        break
      }
      let length = breakLength(pos)
      guard length > 0 else { break }
      newLine(length)
    }
    if contentIndent == 0 {
      contentIndent = max(maxIndent, indent + 1, 1)
    }
    return nil
  }
}
