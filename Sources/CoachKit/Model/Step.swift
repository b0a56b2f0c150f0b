/// One beat of the conversation: something to say, a question to ask, or both, and where to go next.
///
///     - id: baseline
///       say: Let's start with a number.
///       ask:
///         type: scale
///         prompt: How much do the people on your team trust each other?
///         min: 0
///         max: 10
///       next:
///         - if: baseline < 5
///           goto: low_trust
///         - goto: why_not_lower
public struct Step: Sendable {
  public var id: String
  public var sectionID: String
  public var say: Text?
  public var question: Question?
  /// Shown only to a facilitator, never on the shared screen.
  public var notes: Text?
  public var next: Transition
  var isFinal: Bool
  /// `when`: the step is taken only when this holds; otherwise it is passed over (nothing said,
  /// nothing asked, its variable left empty) and the session goes on to its `next`.
  var condition: Formula?
  /// `estimate`: the seconds the step takes, when its author knows better than the default worked
  /// out from its text and question type (see ``StepTiming``).
  var estimate: Double?
  /// `likely`: how often the `when` holds for most people, from 0 to 1, for the expected path's
  /// time (see ``PathTiming``) when the questions' defaults do not decide it.
  var likelihood: Double?
  public var location: SourceLocation

  public init(
    id: String, sectionID: String, say: Text?, question: Question?, notes: Text?, next: Transition,
    isFinal: Bool, condition: Formula? = nil, estimate: Double? = nil, likelihood: Double? = nil,
    location: SourceLocation
  ) {
    self.id = id
    self.sectionID = sectionID
    self.say = say
    self.question = question
    self.notes = notes
    self.next = next
    self.isFinal = isFinal
    self.condition = condition
    self.estimate = estimate
    self.likelihood = likelihood
    self.location = location
  }
}
