/// The way most people go through the dialogue fits the time it promises. See ``PathTiming``.
///
/// A warning, not an error: the times are estimates, from the time model's defaults unless steps
/// give their own `estimate`. It is given when the expected path (a person who takes every
/// default) takes half a minute or more longer than the duration. A longer path that some people
/// choose (more actions, a detour) is said in the summary, not warned about: say up front what
/// it costs.
struct PathDurations: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    guard dialogue.duration > 0 else { return [] }
    return Self.findings(dialogue, PathTiming(dialogue, analysis))
  }

  /// The warning for paths already timed (``DialogueChecker/checkAndTime(_:)`` times them once for
  /// this rule and for the summary).
  static func findings(_ dialogue: Dialogue, _ timing: PathTiming?) -> [Diagnostic] {
    guard dialogue.duration > 0, let timing, timing.expected >= dialogue.duration * 60 + 30
    else { return [] }
    let duration = PathTiming.minutes(dialogue.duration * 60)
    return [
      .warning(
        "the expected path through the dialogue takes about \(PathTiming.minutes(timing.expected)) minutes, more than its duration of \(duration) (paths take \(timing.summary)); ask fewer questions on that path, give quicker steps a smaller 'estimate' (only where they really are quicker), or raise 'duration'",
        at: dialogue.durationLocation ?? dialogue.location)
    ]
  }
}
