/// The Mustache template the session's plan is rendered from, kept with the dialogue.
///
///     plan:
///       template_file: plan.md.mustache
///       file_name: trust-first.md
///       save_if: consent == "save"
///       calendar:
///         - id: check-in
///           date: follow_up
///           summary: "Check-in: {{focus}}"
///         - id: a1-first-step
///           at: a1_first_at
///           summary: "{{a1_first}}"
public struct PlanTemplate: Sendable {
  public var text: Text
  /// The suggested name of the file the plan is written to.
  public var fileName: String
  /// Where `file_name` was written; nil when it was not.
  public var fileNameLocation: SourceLocation?
  /// `save_if`: the plan (and its calendar file) is written only when this holds; nil: always.
  var saveCondition: Formula?
  /// `calendar`: the events to write next to the plan as an `.ics` file, in order.
  public var calendar: [CalendarTemplate]
  public var location: SourceLocation

  public init(
    text: Text, fileName: String, fileNameLocation: SourceLocation? = nil,
    saveCondition: Formula? = nil, calendar: [CalendarTemplate] = [], location: SourceLocation
  ) {
    self.text = text
    self.fileName = fileName
    self.fileNameLocation = fileNameLocation
    self.saveCondition = saveCondition
    self.calendar = calendar
    self.location = location
  }
}

/// A calendar event worked out from the answers: an all-day event on a date (the follow-up
/// check-in), or an event at a day and time (a first step).
public struct CalendarTemplate: Sendable {
  /// A stable name among the dialogue's events. The event's UID is `<session id>-<id>@coach`, so a
  /// follow-up that writes an event of the same id updates it in a calendar program.
  public var id: String
  /// `date:` (an expression giving a date: an all-day event) or `at:` (a day and time).
  public var start: Formula
  /// Written as `at:`: the event has a time, and lasts `minutes`.
  public var isTimed: Bool
  /// How long an event with a time lasts; nil for the default.
  public var minutes: Double?
  /// `when`: the event is written only when this holds; nil: always.
  public var condition: Formula?
  public var summary: Text
  public var description: Text?
  public var location: SourceLocation

  /// The id of an event written as one mapping, without a list.
  public static let defaultID = "event"
  /// How long an event with a time lasts when it does not say.
  public static let defaultMinutes = 30.0

  public init(
    id: String = CalendarTemplate.defaultID, start: Formula, isTimed: Bool = false,
    minutes: Double? = nil, condition: Formula? = nil, summary: Text, description: Text?,
    location: SourceLocation
  ) {
    self.id = id
    self.start = start
    self.isTimed = isTimed
    self.minutes = minutes
    self.condition = condition
    self.summary = summary
    self.description = description
    self.location = location
  }

  /// An all-day event: the form a single `calendar:` mapping has always had.
  public init(date: Formula, summary: Text, description: Text?, location: SourceLocation) {
    self.init(start: date, summary: summary, description: description, location: location)
  }
}
