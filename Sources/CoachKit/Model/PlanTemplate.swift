/// The Mustache template the session's plan is rendered from, kept with the dialogue.
///
///     plan:
///       template_file: plan.md.mustache
///       file_name: trust-first.md
///       save_if: consent == "save"
///       calendar:
///         date: follow_up
///         summary: "Check-in: {{focus}}"
public struct PlanTemplate: Sendable {
  public var text: Text
  /// The suggested name of the file the plan is written to.
  public var fileName: String
  /// Where `file_name` was written; nil when it was not.
  public var fileNameLocation: SourceLocation?
  /// `save_if`: the plan (and its calendar file) is written only when this holds; nil: always.
  var saveCondition: Formula?
  /// `calendar`: a follow-up event to write next to the plan as an `.ics` file.
  public var calendar: CalendarTemplate?
  public var location: SourceLocation

  public init(
    text: Text, fileName: String, fileNameLocation: SourceLocation? = nil,
    saveCondition: Formula? = nil, calendar: CalendarTemplate? = nil, location: SourceLocation
  ) {
    self.text = text
    self.fileName = fileName
    self.fileNameLocation = fileNameLocation
    self.saveCondition = saveCondition
    self.calendar = calendar
    self.location = location
  }
}

/// An all-day event on a date worked out from the answers, e.g. the follow-up check-in.
public struct CalendarTemplate: Sendable {
  /// An expression giving a date.
  public var date: Formula
  public var summary: Text
  public var description: Text?
  public var location: SourceLocation

  public init(date: Formula, summary: Text, description: Text?, location: SourceLocation) {
    self.date = date
    self.summary = summary
    self.description = description
    self.location = location
  }
}
