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
  /// `call`: the step runs a flow, then goes on with its `next`.
  public var call: Call? {
    get { flowPart?.call }
    set { flowPart = FlowPart(call: newValue, returns: returns, instance: instance) }
  }
  /// `return: true`: in a flow, the call ends after this step.
  var returns: Bool {
    get { flowPart?.returns ?? false }
    set { flowPart = FlowPart(call: call, returns: newValue, instance: instance) }
  }
  /// For a step a flow's call made: which call, and how its names map.
  var instance: FlowInstance? {
    get { flowPart?.instance }
    set { flowPart = FlowPart(call: call, returns: returns, instance: newValue) }
  }
  /// What only steps of flows and calls have, held by reference: most steps have none of it, and
  /// a big dialogue holds its steps more than once (by section and in order).
  private var flowPart: FlowPart?
  public var location: SourceLocation

  /// How the names written in this step map to stored names; nil outside flows.
  public var scope: FlowScope? { instance?.scope }

  public init(
    id: String, sectionID: String, say: Text?, question: Question?, notes: Text?, next: Transition,
    isFinal: Bool, condition: Formula? = nil, estimate: Double? = nil, likelihood: Double? = nil,
    call: Call? = nil, returns: Bool = false, location: SourceLocation
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
    self.flowPart = FlowPart(call: call, returns: returns, instance: nil)
    self.location = location
  }
}

/// A step's call, `return` and flow instance (see ``Step/call``).
private final class FlowPart: Sendable {
  let call: Call?
  let returns: Bool
  let instance: FlowInstance?

  /// Nil when there is nothing to hold.
  init?(call: Call?, returns: Bool, instance: FlowInstance?) {
    guard call != nil || returns || instance != nil else { return nil }
    self.call = call
    self.returns = returns
    self.instance = instance
  }
}
