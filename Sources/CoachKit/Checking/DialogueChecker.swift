/// Finds what is wrong with a loaded dialogue before anyone runs it: steps that lead nowhere,
/// names that are misspelt or read before they are set, expressions that do not add up,
/// budgets that do not match the promised duration.
///
///     let findings = DialogueChecker().check(dialogue)
///     findings.forEach { print($0) }   // tour.yaml:40:15: error: no step 'revael'; did you mean 'reveal'?
///
/// Each kind of finding is its own ``CheckRule``, so a rule can be read, tested and changed alone.
public struct DialogueChecker: Sendable {
  var rules: [any CheckRule]

  public init() {
    self.init(rules: DialogueChecker.standardRules)
  }

  init(rules: [any CheckRule]) {
    self.rules = rules
  }

  static let standardRules: [any CheckRule] = [
    UniqueNames(),
    KnownTargets(),
    FlowCalls(),
    FunctionDefinitions(),
    OptionValues(),
    VisitedSteps(),
    Reachability(),
    WayForward(),
    LoopsWithoutQuestions(),
    ExpressionTypes(),
    NamesSetBeforeRead(),
    TemplateSyntax(),
    PatternWork(),
    ValueSizes(),
    DefaultRanges(),
    PlanFileName(),
    AgendaBudget(),
    UnusedComputedValues(),
    ProfileValues(),
    PathDurations(),
  ]

  public func check(_ dialogue: Dialogue) -> [Diagnostic] {
    check(dialogue, FlowAnalysis(dialogue))
  }

  /// The findings and, when there is no error, how long the paths take, from one analysis of the
  /// flow: what `coach check` prints (working the flow out twice was a tenth of its time on a big
  /// dialogue).
  public func checkAndTime(_ dialogue: Dialogue) -> (findings: [Diagnostic], timing: PathTiming?) {
    let analysis = FlowAnalysis(dialogue)
    // The paths are timed once, for the timing rule and for the caller.
    let timing = PathTiming(dialogue, analysis)
    var findings: [Diagnostic] = []
    for rule in rules {
      if rule is PathDurations {
        findings += PathDurations.findings(dialogue, timing)
      } else {
        findings += rule.check(dialogue, analysis)
      }
    }
    findings = Self.ordered(findings, files: dialogue.files)
    return (findings, findings.hasErrors ? nil : timing)
  }

  private func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for rule in rules { findings += rule.check(dialogue, analysis) }
    return Self.ordered(findings, files: dialogue.files)
  }

  /// Findings in file order, then line and column, without repeats.
  public static func ordered(_ findings: [Diagnostic], files: [String]) -> [Diagnostic] {
    var seen: Set<Diagnostic> = []
    let unique = findings.filter { seen.insert($0).inserted }
    func rank(_ file: String) -> Int { files.firstIndex(of: file) ?? files.count }
    return unique.sorted {
      (rank($0.location.file), $0.location.line, $0.location.column) < (
        rank($1.location.file), $1.location.line, $1.location.column
      )
    }
  }
}

/// One kind of finding.
protocol CheckRule: Sendable {
  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic]
}
