import CoachKit

/// How the session's clocks read: the time spent against the plan, a gentle word when a
/// section's time is nearly up, and where the session is.
///
///     ClockText.agenda(clock)  // "Baseline: 0:42 of 1:00 · session 3:10 of 20:00 (clock paused)"
///     ClockText.time(clock)    // "Baseline: 0:42 of 1:00. Session: 3:10 of 20:00."
public enum ClockText {
  /// The facilitator's line: both clocks, with the extensions and the pause.
  public static func agenda(_ clock: AgendaClock) -> String {
    var line = ""
    if let title = clock.sectionTitle {
      line +=
        "\(title): \(ReplyText.clock(clock.sectionElapsed)) of \(ReplyText.clock(clock.sectionBudget)) · "
    }
    line +=
      "session \(ReplyText.clock(clock.sessionElapsed)) of \(ReplyText.clock(clock.sessionPlanned))"
    if clock.isPaused { line += " (clock paused)" }
    return line
  }

  /// The same, for a narrow window: "0:42/1:00 · session 3:10/20:00 (paused)".
  public static func compactAgenda(_ clock: AgendaClock) -> String {
    var line = ""
    if clock.sectionTitle != nil {
      line +=
        "\(ReplyText.clock(clock.sectionElapsed))/\(ReplyText.clock(clock.sectionBudget)) · "
    }
    line +=
      "session \(ReplyText.clock(clock.sessionElapsed))/\(ReplyText.clock(clock.sessionPlanned))"
    if clock.isPaused { line += " (paused)" }
    return line
  }

  /// What `/time` says to a leader alone: the section's time, then the session's.
  public static func time(_ clock: AgendaClock) -> String {
    var text =
      "Session: \(ReplyText.clock(clock.sessionElapsed)) of \(ReplyText.clock(clock.sessionPlanned))."
    if let title = clock.sectionTitle {
      text =
        "\(title): \(ReplyText.clock(clock.sectionElapsed)) of \(ReplyText.clock(clock.sectionBudget)). "
        + text
    }
    return text
  }

  /// A gentle word at 80 % and 100 % of the section's budget.
  public static func nudge(_ nudge: AgendaClock.Nudge?) -> String? {
    switch nudge {
    case .almostUp(let remaining)?:
      let minutes = max(1, Int((remaining / 60).rounded(.up)))
      return "About \(minutes) minute\(minutes == 1 ? "" : "s") left in this section."
    case .timeUp?:
      return "This section's time is up."
    case nil:
      return nil
    }
  }

  /// The same nudge, for the facilitator's private view: what it means and what to do.
  public static func presenterNudge(_ nudge: AgendaClock.Nudge?, commands: CommandNames = .typed)
    -> String?
  {
    switch nudge {
    case .almostUp?: "Nudge: 80 % of this section's time is used."
    case .timeUp?: "Nudge: this section's time is up (\(commands.next) or \(commands.extend))."
    case nil: nil
    }
  }

  /// "Section 2 of 4: Rhythm. Step 6 of 15."; "The session has ended." without a question.
  public static func place(of prompt: Prompt?, in dialogue: Dialogue) -> String {
    guard let prompt, let index = dialogue.sections.firstIndex(where: { $0.id == prompt.sectionID })
    else { return "The session has ended." }
    return
      "Section \(index + 1) of \(dialogue.sections.count): \(dialogue.sections[index].title). Step \(prompt.stepNumber) of \(prompt.stepCount)."
  }
}
