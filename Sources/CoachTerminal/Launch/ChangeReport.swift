import CoachKit
import Foundation

/// What a person is told about a changed dialogue before a session goes on with it.
struct ChangeReport {
  let id: String
  let source: String
  /// Whether the version the session has is kept, so that it can go on with it.
  let canKeepSaved: Bool
  /// Nil when the version the session began with was not kept.
  let changes: DialogueChanges?
  let fit: DialogueFit

  var headline: String {
    "the dialogue at \(source) has changed since session \(id) last ran"
  }

  var whatChanged: String {
    guard let changes else { return "(no copy of the earlier version was kept to compare)" }
    var parts: [String] = []
    func steps(_ ids: [String], _ what: String) -> String {
      let listed = ids.prefix(6).joined(separator: ", ") + (ids.count > 6 ? ", …" : "")
      return "\(ids.count) step\(ids.count == 1 ? "" : "s") \(what) (\(listed))"
    }
    if !changes.changed.isEmpty { parts.append(steps(changes.changed, "changed")) }
    if !changes.added.isEmpty { parts.append(steps(changes.added, "added")) }
    if !changes.removed.isEmpty { parts.append(steps(changes.removed, "removed")) }
    if changes.otherChanges { parts.append("its sections, values or plan changed") }
    return parts.isEmpty ? "only its layout changed" : parts.joined(separator: "; ")
  }

  var everythingFits: String {
    "coach: the dialogue has changed since this session began; every answer still fits it, so the session goes on with it (\(whatChanged)). To go on as it began instead: coach resume \(id) --dialogue saved"
  }

  /// What changed, which answers no longer fit, what is asked again (without "coach: ").
  var summary: String {
    var lines = ["\(headline): \(whatChanged)"]
    func said(_ answer: Answer) -> String {
      "'\(Sanitizer.clean(answer.question, limit: 80))' (\(answer.wasSkipped ? "skipped" : Sanitizer.clean(answer.text, limit: 60)))"
    }
    let gone = fit.noLongerAsked.map(\.stepID)
    if !gone.isEmpty {
      lines.append("  - these answered steps no longer exist: \(gone.joined(separator: ", "))")
    }
    switch fit.misfit {
    case .rejected(let answer, let rejection)?:
      lines.append("  - this answer no longer fits: \(said(answer)): \(rejection.reason)")
    case .meansOther(let answer, let now)?:
      lines.append(
        "  - this answer would now mean something else: \(said(answer)) would be '\(Sanitizer.clean(now.text, limit: 60))'"
      )
    case .leadsElsewhere(let logged, let now)?:
      lines.append(
        "  - where the session went to step '\(logged)', the dialogue now goes \(now.map { "to step '\($0)'" } ?? "to its end")"
      )
    case .stepGone(let step)? where !gone.contains(step):
      lines.append("  - the session was at step '\(step)', which no longer exists")
    case .stepGone?, nil:
      break
    }
    if !fit.askedAgain.isEmpty {
      lines.append(
        "  - with the changed dialogue these are asked again: "
          + fit.askedAgain.map(said).joined(separator: ", "))
    }
    let kept = fit.keptAnswers.count
    lines.append(
      "  - \(kept) answer\(kept == 1 ? " still fits and is" : "s still fit and are") kept")
    return lines.joined(separator: "\n")
  }

  var choices: String {
    guard canKeepSaved else {
      return
        "To go on with the dialogue as it is now: 'coach resume \(id) --dialogue current'. Keep what you have with 'coach export \(id)'."
    }
    return
      "Choose: go on as the session has it with 'coach resume \(id) --dialogue saved', or with the changed dialogue with 'coach resume \(id) --dialogue current'. Keep what you have with 'coach export \(id)'."
  }
}
