/// A whole session as a coach wrote it: metadata, the agenda of sections with their steps,
/// computed values and the plan template.
///
/// Load one with ``DialogueLoader``; run it with ``Engine``:
///
///     let result = try DialogueLoader(source: .fileSystem).load(path: "Dialogues/examples/tour")
///     if let dialogue = result.dialogue, !result.diagnostics.hasErrors {
///       var engine = Engine(dialogue: dialogue, clock: SystemClock())
///     }
public struct Dialogue: Sendable {
  public var id: String
  public var title: String
  public var version: String
  /// The promised length of the whole session, in minutes.
  public var duration: Double
  /// Where `duration` was written, for the timing check's warning.
  var durationLocation: SourceLocation?
  /// The agenda. Fixed once made: the steps' and values' indexes are built from it.
  public let sections: [Section]
  let computed: [ComputedValue]
  public var plan: PlanTemplate?
  /// Whether the session's answers may be kept on disk; nil keeps them always.
  var keepAnswersCondition: Formula?
  /// For a follow-up such as a check-in: the dialogue whose sessions it follows.
  public var follows: FollowedDialogue?
  /// Scores from 0 to 100 to chart, e.g. the five trust areas; empty when the dialogue has none.
  var profile: [ProfileEntry]
  /// Where the dialogue's metadata was written (its main file).
  public var location: SourceLocation
  /// The step the session begins with.
  var startID: String
  /// Where `start` was written; nil when the dialogue begins with its first step.
  var startLocation: SourceLocation?
  /// Every file the dialogue was read from, main file first.
  public var files: [String]
  /// A hash of those files' contents: it changes whenever the dialogue is edited.
  public var fingerprint: String

  /// The functions the dialogue defines, as written.
  let functions: [DialogueFunction]
  /// The same, for the expression language.
  public let functionTable: FunctionTable
  /// The flows (sub-flows) the dialogue defines, as written.
  public let flows: [Flow]

  /// Every step a session can go through, in the order written across sections, each `call`
  /// step followed by its copy of the flow it calls (see ``FlowExpansion``).
  public let steps: [Step]
  /// Where each step goes without `next`; nil for the last of its sections or flow.
  private let following: [Int?]
  /// For each step that ends a flow's call: the position of the call step.
  private let returnsTo: [Int?]
  /// Each call step's copy of its flow, by position.
  private let calleeRange: [Int: Range<Int>]
  /// Calls that were left without their copy (recursion, depth, size), for the checker.
  let flowProblems: [Diagnostic]
  private let indexByStepID: [String: Int]
  private let computedByName: [String: ComputedValue]
  private let questionIndexByVariable: [String: Int]
  private let flowByID: [String: Flow]
  /// The label of each option value, and the variable of the first question that has it.
  private let labelByOptionValue: [String: (label: String, variable: String)]

  public init(
    id: String, title: String, version: String, duration: Double, sections: [Section],
    computed: [ComputedValue], plan: PlanTemplate?, keepAnswersCondition: Formula? = nil, follows: FollowedDialogue? = nil,
    profile: [ProfileEntry] = [],
    location: SourceLocation, startID: String?,
    startLocation: SourceLocation? = nil, files: [String], fingerprint: String = "",
    functions: [DialogueFunction] = [], flows: [Flow] = []
  ) {
    self.id = id
    self.title = title
    self.version = version
    self.duration = duration
    self.sections = sections
    self.computed = computed
    self.plan = plan
    self.keepAnswersCondition = keepAnswersCondition
    self.follows = follows
    self.profile = profile
    self.location = location
    self.files = files
    self.fingerprint = fingerprint
    self.functions = functions
    self.functionTable = FunctionTable(functions.map(\.definition))
    self.flows = flows
    var flowByID: [String: Flow] = [:]
    for flow in flows where flowByID[flow.id] == nil { flowByID[flow.id] = flow }
    self.flowByID = flowByID
    let expansion = FlowExpansion(sections: sections, flows: flows)
    let steps = expansion.steps
    self.steps = steps
    self.following = expansion.following
    self.returnsTo = expansion.returnsTo
    self.calleeRange = expansion.calleeRange
    self.flowProblems = expansion.problems
    var index: [String: Int] = [:]
    index.reserveCapacity(steps.count)
    for position in steps.indices where index[steps[position].id] == nil {
      index[steps[position].id] = position
    }
    self.indexByStepID = index
    self.startID = startID ?? steps.first?.id ?? ""
    self.startLocation = startID == nil ? nil : startLocation
    self.computedByName = Dictionary(
      computed.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    var questions: [String: Int] = [:]
    for position in steps.indices {
      if let variable = steps[position].question?.variable, questions[variable] == nil {
        questions[variable] = position
      }
    }
    self.questionIndexByVariable = questions
    var labels: [String: (label: String, variable: String)] = [:]
    for step in steps {
      guard let question = step.question else { continue }
      for option in question.kind.options where labels[option.value] == nil {
        labels[option.value] = (option.label, question.variable)
      }
    }
    self.labelByOptionValue = labels
  }

  public func step(_ id: String) -> Step? {
    indexByStepID[id].map { steps[$0] }
  }

  /// The position of a step in written order, which is also how progress is counted.
  public func position(of stepID: String) -> Int? { indexByStepID[stepID] }

  public func section(_ id: String) -> Section? { sections.first { $0.id == id } }

  func computedValue(_ name: String) -> ComputedValue? { computedByName[name] }

  /// The question that stores its answer in `variable`, if any.
  public func question(storing variable: String) -> (step: Step, question: Question)? {
    guard let position = questionIndexByVariable[variable], let question = steps[position].question
    else {
      return nil
    }
    return (steps[position], question)
  }

  /// The position of the question that stores its answer in `variable`, if any: like
  /// ``question(storing:)`` without copying the step.
  public func position(ofQuestionStoring variable: String) -> Int? {
    questionIndexByVariable[variable]
  }

  /// The step written right after `stepID` in its sections or flow, which is where a step with
  /// no `next` goes; nil for the last.
  func stepWritten(after stepID: String) -> Step? {
    guard let position = indexByStepID[stepID], let next = following[position] else { return nil }
    return steps[next]
  }

  /// The position of the step written right after the one at `position`, in its sections or flow.
  func positionWritten(after position: Int) -> Int? { following[position] }

  /// For a step after which its flow's call ends: the call step.
  func callReturned(after step: Step) -> Step? {
    guard let position = indexByStepID[step.id], let call = returnsTo[position] else { return nil }
    return steps[call]
  }

  /// The position of the call step a step at `position` returns to, when its flow ends there.
  func positionReturned(after position: Int) -> Int? { returnsTo[position] }

  /// The positions of a call step's copy of its flow; empty when it has none.
  func callee(at position: Int) -> Range<Int> { calleeRange[position] ?? position..<position }

  public func flow(_ id: String) -> Flow? { flowByID[id] }

  /// The prefixes of the names stored by calls of flows that do not exist (`a1_`): what they would
  /// store is unknown, and reading it is not a mistake of its own.
  var prefixesOfUnknownCalls: [String] {
    steps.compactMap { step in
      guard let call = step.call, flow(call.flowID) == nil else { return nil }
      return (step.scope?.namePrefix ?? "") + Flow.namePrefix(forCall: step.idWrittenHere)
    }
  }

  /// Every name a call stores a parameter under (`a1_number`), with the parameter, in order.
  public var storedParameters: [(name: String, parameter: Flow.Parameter)] {
    var result: [(String, Flow.Parameter)] = []
    for position in steps.indices {
      guard let call = steps[position].call, let flow = flow(call.flowID),
        let first = callee(at: position).first, let prefix = steps[first].scope?.namePrefix
      else { continue }
      for parameter in flow.parameters { result.append((prefix + parameter.name, parameter)) }
    }
    return result
  }

  /// The label an option value reads as: the first question written that has that value as an
  /// option, for options worked out from earlier answers.
  func label(ofOptionValue value: String) -> String? { labelByOptionValue[value]?.label }

  /// The variable of the first question that has `value` as an option.
  func variable(offeringOption value: String) -> String? { labelByOptionValue[value]?.variable }

  /// The function named `name`, as written.
  func function(_ name: String) -> DialogueFunction? { functions.first { $0.name == name } }
}
