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

  /// All steps in the order they were written, across sections.
  public let steps: [Step]
  private let indexByStepID: [String: Int]
  private let computedByName: [String: ComputedValue]
  private let questionIndexByVariable: [String: Int]

  public init(
    id: String, title: String, version: String, duration: Double, sections: [Section],
    computed: [ComputedValue], plan: PlanTemplate?, keepAnswersCondition: Formula? = nil, follows: FollowedDialogue? = nil,
    profile: [ProfileEntry] = [],
    location: SourceLocation, startID: String?,
    startLocation: SourceLocation? = nil, files: [String], fingerprint: String = ""
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
    var steps: [Step] = []
    steps.reserveCapacity(sections.reduce(0) { $0 + $1.steps.count })
    for section in sections { steps.append(contentsOf: section.steps) }
    self.steps = steps
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

  /// The step written right after `stepID`, which is where a step with no `next` goes.
  func stepWritten(after stepID: String) -> Step? {
    guard let position = indexByStepID[stepID], position + 1 < steps.count else { return nil }
    return steps[position + 1]
  }
}
