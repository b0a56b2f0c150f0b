/// coach's own tags inside a text, beside Mustache's, rewritten into ordinary Mustache sections
/// over names that start with `__` (a dialogue's names cannot), so that there is still one
/// renderer:
///
///     {{= plural(n, "action") }}            →  {{__e0}}
///     {{#if x > 3}}A{{else if y}}B{{else}}C{{/if}}
///         →  {{#__c1}}A{{/__c1}}{{^__c1}}{{#__c2}}B{{/__c2}}{{^__c2}}C{{/__c2}}{{/__c1}}
///     {{~ Hello | Hi again | Hi }}          →  {{#__v3_0}}Hello{{/__v3_0}}{{#__v3_1}}Hi again{{/__v3_1}}…
///
/// One pass over the text's bytes, linear in its length; a variant's alternatives may hold
/// placeholders and tags of their own. Where each copied run of the text came from is kept, so
/// that a place in the rewritten text maps back to the place written.
struct InlineTags {
  /// An expression written in a tag, by the name it renders as.
  struct Inline {
    var name: String
    var source: String
    /// Where the expression starts in the text, in Unicode scalars.
    var scalarOffset: Int
    var role: TextFormulaRole
  }

  var source: String
  var inlines: [Inline] = []
  var variants: [TextVariant] = []
  /// The first mistake in coach's tags: its message and where, in scalars of the text.
  var problem: (message: String, scalarOffset: Int)?
  /// Copied runs of the text: where each starts in the rewritten text and in the text, in bytes.
  private var runs: [(rewritten: Int, original: Int, length: Int)] = []
  private let bytes: [UInt8]
  private var out: [UInt8] = []
  private var counter = 0

  /// Whether `source` may hold one of coach's tags: a quick test before any rewriting.
  static func mayHave(_ source: String) -> Bool {
    func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      var index = 0
      while index + 2 < bytes.count {
        guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
          index += 1
          continue
        }
        var next = index + 2
        while next < bytes.count, bytes[next] == UInt8(ascii: " ") { next += 1 }
        let rest = UnsafeBufferPointer(rebasing: bytes[next...])
        if rest.first == UInt8(ascii: "=") || rest.first == UInt8(ascii: "~")
          || rest.starts(with: "#if".utf8) || rest.starts(with: "else".utf8)
          || rest.starts(with: "/if".utf8)
        {
          return true
        }
        index += 2
      }
      return false
    }
    var source = source
    return source.withUTF8(scan)
  }

  init(_ text: String) {
    bytes = Array(text.utf8)
    source = text
    out.reserveCapacity(bytes.count + 64)
    process(0..<bytes.count)
    source = String(decoding: out, as: UTF8.self)
  }

  /// Whether anything was rewritten.
  var rewroteAnything: Bool { !inlines.isEmpty || !variants.isEmpty || problem != nil }

  // MARK: - Rewriting

  private enum Tag {
    case value(Range<Int>)
    case ifOpen(Range<Int>)
    case elseIf(Range<Int>)
    case otherwise
    case ifClose
    case variant(Range<Int>)
    /// Not one of coach's tags: left for Mustache.
    case other
  }

  private mutating func process(_ range: Range<Int>) {
    var copyStart = range.lowerBound
    var index = range.lowerBound
    /// Open `{{#if}}` chains: the names of their conditions so far, and whether `{{else}}` came.
    var chains: [(names: [String], hadElse: Bool, at: Int)] = []
    while index + 1 < range.upperBound {
      guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") else {
        index += 1
        continue
      }
      let isVariant = index + 2 < range.upperBound && bytes[index + 2] == UInt8(ascii: "~")
      guard let end = tagEnd(from: index + 2, in: range, nested: isVariant) else {
        if isVariant { fail("a {{~ …}} variant is never closed with '}}'", at: index) }
        break
      }
      let tag = classify(index + 2..<end)
      if case .other = tag {
        index = end + 2
        continue
      }
      copy(copyStart..<index)
      copyStart = end + 2
      switch tag {
      case .value(let expression):
        let name = "__e\(next())"
        inline(expression, name: name, role: .value)
        emit("{{\(name)}}")
      case .ifOpen(let expression):
        let name = "__c\(next())"
        inline(expression, name: name, role: .condition)
        emit("{{#\(name)}}")
        chains.append(([name], false, index))
      case .elseIf(let expression):
        guard var chain = chains.popLast(), !chain.hadElse, let last = chain.names.last else {
          fail("{{else if …}} stands outside {{#if …}}…{{/if}}, or after its {{else}}", at: index)
          break
        }
        let name = "__c\(next())"
        inline(expression, name: name, role: .condition)
        emit("{{/\(last)}}{{^\(last)}}{{#\(name)}}")
        chain.names.append(name)
        chains.append(chain)
      case .otherwise:
        guard var chain = chains.popLast(), !chain.hadElse, let last = chain.names.last else {
          fail("{{else}} stands outside {{#if …}}…{{/if}}, or comes twice", at: index)
          break
        }
        emit("{{/\(last)}}{{^\(last)}}")
        chain.hadElse = true
        chains.append(chain)
      case .ifClose:
        guard let chain = chains.popLast() else {
          fail("{{/if}} closes an {{#if …}} that is not open", at: index)
          break
        }
        for name in chain.names.reversed() { emit("{{/\(name)}}") }
      case .variant(let inner):
        variant(inner)
      case .other:
        break
      }
      index = end + 2
    }
    copy(copyStart..<range.upperBound)
    if let open = chains.first {
      fail("{{#if …}} is never closed with {{/if}}", at: open.at)
      for chain in chains.reversed() {
        for name in chain.names.reversed() { emit("{{/\(name)}}") }
      }
    }
  }

  /// The offset of the `}}` that closes a tag whose inside starts at `start`; in a variant,
  /// tags inside it are skipped over.
  private func tagEnd(from start: Int, in range: Range<Int>, nested: Bool) -> Int? {
    var depth = 1
    var index = start
    while index + 1 < range.upperBound {
      if nested, bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{") {
        depth += 1
        index += 2
        continue
      }
      if bytes[index] == UInt8(ascii: "}"), bytes[index + 1] == UInt8(ascii: "}") {
        depth -= 1
        if depth == 0 { return index }
        index += 2
        continue
      }
      index += 1
    }
    return nil
  }

  private func classify(_ inner: Range<Int>) -> Tag {
    func trimmed(_ range: Range<Int>) -> Range<Int> {
      var lower = range.lowerBound
      var upper = range.upperBound
      while lower < upper, bytes[lower] == UInt8(ascii: " ") || bytes[lower] == UInt8(ascii: "\t") {
        lower += 1
      }
      while upper > lower,
        bytes[upper - 1] == UInt8(ascii: " ") || bytes[upper - 1] == UInt8(ascii: "\t")
      { upper -= 1 }
      return lower..<upper
    }
    let body = trimmed(inner)
    guard let first = body.first.map({ bytes[$0] }) else { return .other }
    switch first {
    case UInt8(ascii: "="):
      // `{{=<% %>=}}` changes the delimiters: Mustache's, refused elsewhere.
      if body.count > 1, bytes[body.upperBound - 1] == UInt8(ascii: "=") { return .other }
      return .value(trimmed(body.lowerBound + 1..<body.upperBound))
    case UInt8(ascii: "~"):
      return .variant(body.lowerBound + 1..<body.upperBound)
    default:
      break
    }
    let word = Array(bytes[body])
    func isWord(_ prefix: String) -> Bool {
      let p = Array(prefix.utf8)
      guard word.starts(with: p) else { return false }
      return word.count == p.count || word[p.count] == UInt8(ascii: " ")
        || word[p.count] == UInt8(ascii: "\t") || word[p.count] == UInt8(ascii: "(")
    }
    if isWord("#if") { return .ifOpen(trimmed(body.lowerBound + 3..<body.upperBound)) }
    if isWord("else if") { return .elseIf(trimmed(body.lowerBound + 7..<body.upperBound)) }
    if word == Array("else".utf8) { return .otherwise }
    if word == Array("/if".utf8) { return .ifClose }
    return .other
  }

  private mutating func variant(_ inner: Range<Int>) {
    var start = inner.lowerBound
    while start < inner.upperBound, bytes[start] == UInt8(ascii: " ") { start += 1 }
    var mode = TextVariant.Mode.sequence
    for candidate in [TextVariant.Mode.cycle, .once, .shuffle] {
      let prefix = Array((candidate.rawValue + ":").utf8)
      if bytes[start..<inner.upperBound].starts(with: prefix) {
        mode = candidate
        start += prefix.count
        break
      }
    }
    // Alternatives are split at each `|` outside the tags inside them.
    var alternatives: [Range<Int>] = []
    var depth = 0
    var index = start
    var from = start
    while index < inner.upperBound {
      if index + 1 < inner.upperBound, bytes[index] == UInt8(ascii: "{"),
        bytes[index + 1] == UInt8(ascii: "{")
      {
        depth += 1
        index += 2
        continue
      }
      if index + 1 < inner.upperBound, bytes[index] == UInt8(ascii: "}"),
        bytes[index + 1] == UInt8(ascii: "}")
      {
        depth = max(depth - 1, 0)
        index += 2
        continue
      }
      if depth == 0, bytes[index] == UInt8(ascii: "|") {
        alternatives.append(from..<index)
        from = index + 1
      }
      index += 1
    }
    alternatives.append(from..<inner.upperBound)
    let number = next()
    let prefix = "__v\(number)_"
    variants.append(TextVariant(prefix: prefix, mode: mode, count: alternatives.count))
    for (position, alternative) in alternatives.enumerated() {
      var lower = alternative.lowerBound
      var upper = alternative.upperBound
      while lower < upper, bytes[lower] == UInt8(ascii: " ") { lower += 1 }
      while upper > lower, bytes[upper - 1] == UInt8(ascii: " ") { upper -= 1 }
      emit("{{#\(prefix)\(position)}}")
      process(lower..<upper)
      emit("{{/\(prefix)\(position)}}")
    }
  }

  private mutating func next() -> Int {
    defer { counter += 1 }
    return counter
  }

  private mutating func inline(_ expression: Range<Int>, name: String, role: TextFormulaRole) {
    guard !expression.isEmpty else {
      fail(
        role == .value
          ? "{{= }} needs an expression, like {{= plural(count, \"action\") }}"
          : "{{#if}} needs a condition, like {{#if count > 1}}", at: expression.lowerBound)
      return
    }
    inlines.append(
      Inline(
        name: name, source: String(decoding: bytes[expression], as: UTF8.self),
        scalarOffset: scalars(before: expression.lowerBound), role: role))
  }

  private mutating func emit(_ text: String) { out.append(contentsOf: text.utf8) }

  private mutating func copy(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    runs.append((out.count, range.lowerBound, range.count))
    out.append(contentsOf: bytes[range])
  }

  private mutating func fail(_ message: String, at offset: Int) {
    if problem == nil { problem = (message, scalars(before: offset)) }
  }

  private func scalars(before offset: Int) -> Int {
    var count = 0
    for index in 0..<min(offset, bytes.count) where bytes[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  // MARK: - Places

  /// The scalar offset in the text written of the place at `line` and `column` (from 1, columns
  /// in scalars) of the rewritten text; a place inside a tag this made maps to the tag.
  func writtenScalarOffset(line: Int, column: Int) -> Int {
    let rewritten = Array(source.utf8)
    var offset = 0
    var currentLine = 1
    while currentLine < line, offset < rewritten.count {
      if rewritten[offset] == UInt8(ascii: "\n") { currentLine += 1 }
      offset += 1
    }
    var scalarsLeft = column - 1
    while scalarsLeft > 0, offset < rewritten.count {
      offset += 1
      while offset < rewritten.count, rewritten[offset] & 0xC0 == 0x80 { offset += 1 }
      scalarsLeft -= 1
    }
    // The copied run holding it, or the last one before it.
    var original = 0
    for run in runs {
      if run.rewritten > offset { break }
      original = run.original + min(offset - run.rewritten, run.length)
    }
    return scalars(before: original)
  }
}

/// A `{{~ … | … }}` variant of a text: which of its alternatives shows is chosen when it is
/// shown, from how many times its step has been taken.
public struct TextVariant: Sendable {
  public enum Mode: String, Sendable {
    /// The first, then the second…; the last stays.
    case sequence
    /// Round and round.
    case cycle
    /// Each once, then nothing.
    case once
    /// One at random, the same for a session, a step and a visit.
    case shuffle
  }

  /// `__v3_`: alternative `k` renders as the section `__v3_k`.
  var prefix: String
  public var mode: Mode
  public var count: Int

  /// The alternative shown at the `visit`-th time (from 1) its step is taken; nil: none.
  func choice(visit: Int, seed: String) -> Int? {
    let index = max(visit, 1) - 1
    switch mode {
    case .sequence: return min(index, count - 1)
    case .cycle: return index % count
    case .once: return index < count ? index : nil
    case .shuffle:
      // FNV-1a: stable across runs and machines (Swift's Hasher is seeded per process).
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in "\(seed)|\(prefix)|\(visit)".utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      return Int(hash % UInt64(count))
    }
  }
}

/// What an expression written inside a text is for.
enum TextFormulaRole: Sendable {
  /// `{{= expression }}`: any value, shown as text.
  case value
  /// `{{#if expression}}`, `{{else if expression}}`: true or false.
  case condition
}
