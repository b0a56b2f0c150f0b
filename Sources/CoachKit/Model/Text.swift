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
  public var contentStart: SourceLocation
  /// Nil when the text has no placeholders (it is shown as written) or is malformed.
  public let template: MustacheTemplate?
  public let problem: Diagnostic?
  /// The names the text reads, outside and inside `{{#sections}}`.
  public let names: [Interpolation.NameUse]

  public init(source: String, location: SourceLocation, contentStart: SourceLocation? = nil) {
    self.source = source
    self.location = location
    let start = contentStart ?? location
    self.contentStart = start
    // Most texts have no placeholders; they need no template at all.
    guard Interpolation.mayHavePlaceholders(source) else {
      self.template = nil
      self.problem = nil
      self.names = []
      return
    }
    switch Interpolation.parse(source, at: start) {
    case .success(let template):
      self.template = template
      self.problem = nil
    case .failure(let problem):
      self.template = nil
      self.problem = problem
    }
    self.names = Interpolation.names(in: source, at: start)
  }
}
