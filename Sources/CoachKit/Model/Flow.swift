/// A reusable piece of conversation with parameters: a *sub-flow*, run by a step that calls it,
/// after which the session goes on with that step's `next`.
///
///     flows:
///       - id: plan_action
///         params: {number: number, menu: text}
///         steps:
///           - id: what
///             ask: {type: text, prompt: "Action {{number}}: what exactly will you do?"}
///           - id: cue
///             ask: {type: text, prompt: "When …, I will …"}
///
///     - id: a1
///       call: plan_action
///       with: {number: 1, menu: a1_menu}
///
/// Inside a flow its names are short (`what`, `number`); each call stores them under its own
/// id (`a1_what`, `a1_number`), and its steps are `a1.what`, `a1.cue`. See ``FlowInstance``.
public struct Flow: Sendable {
  public var id: String
  public var parameters: [Parameter]
  /// The steps as written, with their short ids.
  public var steps: [Step]
  public var location: SourceLocation

  /// One parameter: its name and the type of value it takes.
  public struct Parameter: Sendable {
    public var name: String
    public var type: ValueType
    public var location: SourceLocation
    public init(name: String, type: ValueType, location: SourceLocation) {
      self.name = name
      self.type = type
      self.location = location
    }
  }

  public init(id: String, parameters: [Parameter], steps: [Step], location: SourceLocation) {
    self.id = id
    self.parameters = parameters
    self.steps = steps
    self.location = location
  }

  /// How a call stores the flow's names: prefixed with the call's id, `a1` → `a1_`.
  static func namePrefix(forCall callID: String) -> String {
    callID.replacingOccurrences(of: "-", with: "_") + "_"
  }
}

/// A `call` step's call: the flow it runs and the values of its parameters, worked out when the
/// call starts.
public struct Call: Sendable {
  public var flowID: String
  public var arguments: [Argument]
  /// Where the flow's id is written.
  public var location: SourceLocation
  /// Where `with` is written, when it is.
  var argumentsLocation: SourceLocation?
  /// Whether some of `with` could not be read (reported by the loader): a parameter it lacks
  /// may be the one that was not read.
  var hasUnreadArguments = false

  public struct Argument: Sendable {
    public var name: String
    var value: Formula
    /// Where the parameter's name is written.
    public var location: SourceLocation
    public init(name: String, value: Formula, location: SourceLocation) {
      self.name = name
      self.value = value
      self.location = location
    }
  }

  public init(
    flowID: String, arguments: [Argument], location: SourceLocation,
    argumentsLocation: SourceLocation? = nil
  ) {
    self.flowID = flowID
    self.arguments = arguments
    self.location = location
    self.argumentsLocation = argumentsLocation
  }
}

/// How the names written in a flow's steps map to the names a call stores: inside a call `a1`,
/// `what` is `a1_what` and the step `cue` is `a1.cue`; names the flow does not have are the
/// dialogue's own.
public struct FlowScope: Sendable, Hashable {
  /// The flow being run.
  public var flowID: String
  /// `a1.` (`a1.x.` for a call `x` inside it).
  public var stepPrefix: String
  /// `a1_` (`a1_x_`).
  public var namePrefix: String
  /// The flow's own names: its parameters, its questions' variables, and the names its own calls
  /// store (`x_what`).
  public var names: Set<String>
  /// The flow's own step ids, including those of its calls' steps (`x.what`).
  public var stepIDs: Set<String>

  /// The name a name written in the flow stands for.
  public func stored(_ name: String) -> String {
    names.contains(name) ? namePrefix + name : name
  }

  /// The step a step id written in the flow stands for.
  public func step(_ id: String) -> String {
    stepIDs.contains(id) ? stepPrefix + id : id
  }
}

/// Where a step of the running dialogue comes from when a flow's call made it.
struct FlowInstance: Sendable {
  var scope: FlowScope
  /// The step's id as written in the flow.
  var localID: String
  /// The position (in ``Dialogue/steps``) of the call step that runs this copy of the flow.
  var callPosition: Int
}
