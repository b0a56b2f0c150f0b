import Mustache

/// Text a person reads, with `{{variable}}` placeholders filled in when it is shown.
///
///     say: Thanks. Your score for {{focus}} is {{focus_score}}.
///
/// The Mustache template is parsed once, when the dialogue loads (or, for a dialogue checked when
/// `coach` was built, when the text is first used); a malformed one is kept as a
/// ``Text/problem`` for the checker to report.
public struct Text: Sendable {
  public var source: String { storage.source }
  public var location: SourceLocation { storage.location }
  /// Where the first character of `source` stands: for quoted YAML scalars one column after
  /// `location`, for block scalars on the next line.
  var contentStart: SourceLocation { storage.span.start }
  /// Where each character of `source` was written, so that a message about a placeholder points
  /// at its own line and column.
  public var span: SourceSpan { storage.span }
  /// How the text is filled in when shown.
  public var body: Body { storage.parsed.body }
  /// A malformed placeholder, for the checker to report.
  public var problem: Diagnostic? { storage.parsed.problem }
  /// The names the text reads, outside and inside `{{#sections}}`.
  public var names: [Interpolation.NameUse] { storage.parsed.names }
  /// The expressions written in its `{{= …}}` and `{{#if …}}` tags, and its `{{~ …}}` variants.
  var inline: InlineParts { storage.parsed.inline }

  /// Most texts have no placeholders, most others only plain `{{name}}` ones; only the rest need a
  /// Mustache template.
  public enum Body: Sendable {
    case plain
    case pieces([Interpolation.Piece])
    case template(MustacheTemplate)
  }

  /// Held by reference: a step holds several texts, and a big dialogue is copied about (its
  /// steps by section and in order) more than its texts are made.
  private final class Storage: Sendable {
    let source: String
    let location: SourceLocation
    let span: SourceSpan
    private let ready: Parsed?
    private let deferred: Deferred<Parsed>?

    init(
      source: String, location: SourceLocation, span: SourceSpan, ready: Parsed?,
      deferred: Deferred<Parsed>?
    ) {
      self.source = source
      self.location = location
      self.span = span
      self.ready = ready
      self.deferred = deferred
    }

    var parsed: Parsed { ready ?? deferred!.value }
  }

  private struct Parsed: Sendable {
    let body: Body
    let problem: Diagnostic?
    let names: [Interpolation.NameUse]
    var inline = InlineParts()
  }

  /// What coach's own tags in a text hold, by the names they render as.
  struct InlineParts: Sendable {
    var formulas: [(name: String, formula: Formula, role: TextFormulaRole)] = []
    var variants: [TextVariant] = []
    var isEmpty: Bool { formulas.isEmpty && variants.isEmpty }
  }

  private let storage: Storage

  public init(source: String, location: SourceLocation, contentStart: SourceLocation? = nil) {
    self.init(source: source, location: location, span: SourceSpan(start: contentStart ?? location))
  }

  public init(source: String, location: SourceLocation, span: SourceSpan) {
    storage = Storage(
      source: source, location: location, span: span, ready: Self.parse(source, span: span),
      deferred: nil)
  }

  /// A text known to be well formed (its dialogue was checked when `coach` was built), parsed
  /// when first used.
  init(checked source: String, location: SourceLocation, span: SourceSpan) {
    storage = Storage(
      source: source, location: location, span: span, ready: nil,
      deferred: Deferred { Self.parse(source, span: span) })
  }

  /// Whether `source` holds a `\n`, over its bytes in place when it has them (this runs for every
  /// text with a placeholder).
  private static func hasLineBreak(_ source: String) -> Bool {
    source.utf8.withContiguousStorageIfAvailable { $0.contains(0x0A) }
      ?? source.utf8.contains(0x0A)
  }

  private static func parse(_ source: String, span: SourceSpan) -> Parsed {
    guard Interpolation.mayHavePlaceholders(source) else {
      return Parsed(body: .plain, problem: nil, names: [])
    }
    if InlineTags.mayHave(source) {
      let tags = InlineTags(source)
      if tags.rewroteAnything { return parse(source, span: span, rewritten: tags) }
    }
    // Interpolation reports places as lines and columns of the text when it starts at 1:1; the
    // span turns them into places in the file. A text written as itself on one line needs none.
    let onOneLine = span.isWrittenAsItself && !Self.hasLineBreak(source)
    let origin = onOneLine ? span.start : SourceLocation(file: span.start.file, line: 1, column: 1)
    let scan = Interpolation.scan(source, at: origin)
    var names = scan.names
    if !onOneLine, !names.isEmpty {
      let places = span.locations(
        ofLinesAndColumns: names.map { ($0.location.line, $0.location.column) }, in: source)
      for index in names.indices { names[index].location = places[index] }
    }
    /// A finding at a line and column of the text, placed in the file.
    func placed(_ finding: Diagnostic) -> Diagnostic {
      guard !onOneLine else { return finding }
      var finding = finding
      finding.location = span.location(
        line: finding.location.line, column: finding.location.column, in: source)
      return finding
    }
    if let pieces = scan.pieces { return Parsed(body: .pieces(pieces), problem: nil, names: names) }
    if let mismatch = scan.mismatch {
      return Parsed(body: .plain, problem: placed(mismatch), names: names)
    }
    if let tooLarge = scan.tooDeep ?? Interpolation.tooLargeToParse(source, scan, at: origin) {
      // Never parsed: swift-mustache's parser recurses into each section, and its time grows
      // with the text's length times its tags.
      return Parsed(body: .plain, problem: placed(tooLarge), names: names)
    }
    // A tag outside the subset is reported, and cut out: it renders as nothing.
    switch Interpolation.parse(Interpolation.withoutUnsupportedTags(source, scan), at: origin) {
    case .success(let template):
      return Parsed(body: .template(template), problem: scan.unsupported.map(placed), names: names)
    case .failure(let problem):
      return Parsed(body: .plain, problem: placed(scan.unsupported ?? problem), names: names)
    }
  }

  /// A text with coach's own tags: the rewritten text is scanned and parsed as Mustache, and
  /// every place found in it is mapped back to where it was written.
  private static func parse(_ source: String, span: SourceSpan, rewritten tags: InlineTags)
    -> Parsed
  {
    func place(ofScalar offset: Int) -> SourceLocation {
      span.location(ofScalar: offset, in: source)
    }
    func place(_ location: SourceLocation) -> SourceLocation {
      place(ofScalar: tags.writtenScalarOffset(line: location.line, column: location.column))
    }
    func placed(_ finding: Diagnostic) -> Diagnostic {
      var finding = finding
      finding.location = place(finding.location)
      return finding
    }
    var inline = InlineParts()
    var problem: Diagnostic?
    for tag in tags.inlines {
      let start = place(ofScalar: tag.scalarOffset)
      let tagSpan =
        span.isWrittenAsItself
        ? SourceSpan(start: start) : span.dropping(tag.scalarOffset, of: source)
      do {
        let expression = try Expression.parse(tag.source)
        inline.formulas.append((tag.name, Formula(expression: expression, span: tagSpan), tag.role))
      } catch {
        if problem == nil {
          problem = .error(
            error.message, at: tagSpan.location(ofCharacter: error.offset, in: tag.source))
        }
      }
    }
    inline.variants = tags.variants
    if let tagProblem = tags.problem, problem == nil {
      problem = .error(tagProblem.message, at: place(ofScalar: tagProblem.scalarOffset))
    }
    let origin = SourceLocation(file: span.start.file, line: 1, column: 1)
    let scan = Interpolation.scan(tags.source, at: origin)
    var names = scan.names
    for index in names.indices { names[index].location = place(names[index].location) }
    if let mismatch = scan.mismatch {
      return Parsed(body: .plain, problem: problem ?? placed(mismatch), names: names, inline: inline)
    }
    if let tooLarge = scan.tooDeep ?? Interpolation.tooLargeToParse(tags.source, scan, at: origin) {
      return Parsed(
        body: .plain, problem: problem ?? placed(tooLarge), names: names, inline: inline)
    }
    switch Interpolation.parse(Interpolation.withoutUnsupportedTags(tags.source, scan), at: origin)
    {
    case .success(let template):
      return Parsed(
        body: .template(template), problem: problem ?? scan.unsupported.map(placed), names: names,
        inline: inline)
    case .failure(let mustache):
      return Parsed(
        body: .plain, problem: problem ?? placed(scan.unsupported ?? mustache), names: names,
        inline: inline)
    }
  }
}
