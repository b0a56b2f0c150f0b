/// The slowest way through the dialogue fits the time it promises. See ``PathTiming``.
///
/// A warning, not an error: the times are estimates, from defaults per question type unless steps
/// give their own `estimate`. It is given when the longest path, in whole minutes, is longer than
/// the duration.
struct PathDurations: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    guard dialogue.duration > 0 else { return [] }
    return Self.findings(dialogue, PathTiming(dialogue, analysis))
  }

  /// The warning for paths already timed (``DialogueChecker/checkAndTime(_:)`` times them once for
  /// this rule and for the summary).
  static func findings(_ dialogue: Dialogue, _ timing: PathTiming?) -> [Diagnostic] {
    guard dialogue.duration > 0, let timing, timing.longest >= dialogue.duration * 60 + 30
    else { return [] }
    let duration = PathTiming.minutes(dialogue.duration * 60)
    return [
      .warning(
        "the longest path through the dialogue takes about \(PathTiming.minutes(timing.longest)) minutes, more than its duration of \(duration) (paths take \(timing.summary)); ask fewer questions on that path, give quicker steps a smaller 'estimate', or raise 'duration'",
        at: dialogue.durationLocation ?? dialogue.location)
    ]
  }
}
