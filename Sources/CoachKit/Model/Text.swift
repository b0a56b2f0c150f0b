import Mustache

/// Text a person reads, with `{{variable}}` placeholders filled in when it is shown.
///
///     say: Thanks. Your score for {{focus}} is {{focus_score}}.
///
/// The Mustache template is parsed once, when the dialogue loads; a malformed one is kept as a
/// ``Text/problem`` for the checker to report.
public struct Text: Sendable {
  public var source: String
  public var location: SourceLocation
  /// Where the first character of `source` stands: for quoted YAML scalars one column after
  /// `location`, for block scalars on the next line.
  var contentStart: SourceLocation
  /// How the text is filled in when shown.
  public let body: Body
  /// A malformed placeholder, for the checker to report.
  public let problem: Diagnostic?
  /// The names the text reads, outside and inside `{{#sections}}`.
  public let names: [Interpolation.NameUse]

  /// Most texts have no placeholders, most others only plain `{{name}}` ones; only the rest need a
  /// Mustache template.
  public enum Body: Sendable {
    case plain
    case pieces([Interpolation.Piece])
    case template(MustacheTemplate)
  }

  public init(source: String, location: SourceLocation, contentStart: SourceLocation? = nil) {
    self.source = source
    self.location = location
    let start = contentStart ?? location
    self.contentStart = start
    guard Interpolation.mayHavePlaceholders(source) else {
      self.body = .plain
      self.problem = nil
      self.names = []
      return
    }
    let scan = Interpolation.scan(source, at: start)
    self.names = scan.names
    if let pieces = scan.pieces {
      self.body = .pieces(pieces)
      self.problem = nil
      return
    }
    if let tooLarge = scan.tooDeep ?? Interpolation.tooLargeToParse(source, scan, at: start) {
      // Never parsed: swift-mustache's parser recurses into each section, and its time grows
      // with the text's length times its tags.
      self.body = .plain
      self.problem = tooLarge
      return
    }
    // A tag outside the subset is reported, and cut out: it renders as nothing.
    switch Interpolation.parse(Interpolation.withoutUnsupportedTags(source, scan), at: start) {
    case .success(let template):
      self.body = .template(template)
      self.problem = scan.unsupported
    case .failure(let problem):
      self.body = .plain
      self.problem = scan.unsupported ?? problem
    }
  }
}
