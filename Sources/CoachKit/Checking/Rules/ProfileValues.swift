/// Every bar of the profile chart names a number: an answer or a computed value.
struct ProfileValues: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    dialogue.profile.flatMap { entry in
      [
        check(entry.name, at: entry.location, analysis),
        entry.team.flatMap { check($0, at: entry.teamLocation ?? entry.location, analysis) },
      ].compactMap { $0 }
    }
  }

  private func check(_ name: String, at location: SourceLocation, _ analysis: FlowAnalysis)
    -> Diagnostic?
  {
    guard let type = analysis.types[name] else {
      if analysis.brokenComputed.contains(name) { return nil }
      var message = "profile: unknown name '\(name)'"
      if let guess = Suggestion.closest(to: name, among: analysis.types.keys) {
        message += "; did you mean '\(guess)'?"
      }
      return .error(message, at: location)
    }
    guard type == .number else {
      return .error(
        "profile: '\(name)' is \(type.description), but a profile charts numbers from 0 to 100",
        at: location)
    }
    return nil
  }
}
