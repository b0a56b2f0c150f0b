/// The Mustache template the session's plan is rendered from, kept with the dialogue.
///
///     plan:
///       template: plan.md.mustache    # a file next to the dialogue, or the text itself
///       file_name: trust-plan.md
public struct PlanTemplate: Sendable {
  public var text: Text
  /// The suggested name of the file the plan is written to.
  public var fileName: String
  public var location: SourceLocation

  public init(text: Text, fileName: String, location: SourceLocation) {
    self.text = text
    self.fileName = fileName
    self.location = location
  }
}
