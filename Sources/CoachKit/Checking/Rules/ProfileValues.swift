/// Every bar of the profile chart names a number: an answer or a computed value.
struct ProfileValues: CheckRule {
  init() {}

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    dialogue.profile.compactMap { entry in
      guard let type = analysis.types[entry.name] else {
        if analysis.brokenComputed.contains(entry.name) { return nil }
        var message = "profile: unknown name '\(entry.name)'"
        if let guess = Suggestion.closest(to: entry.name, among: analysis.types.keys) {
          message += "; did you mean '\(guess)'?"
        }
        return .error(message, at: entry.location)
      }
      guard type == .number else {
        return .error(
          "profile: '\(entry.name)' is \(type.description), but a profile charts numbers from 0 to 100",
          at: entry.location)
      }
      return nil
    }
  }
}
