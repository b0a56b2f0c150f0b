import CoachKit

/// How the session's clocks read: the time spent against the plan, a gentle word when a
/// section's time is nearly up, and where the session is.
///
///     ClockText.agenda(clock)  // "Baseline: 0:42 of 1:00 · session 3:10 of 20:00 (clock paused)"
///     ClockText.time(clock)    // "Baseline: 0:42 of 1:00. Session: 3:10 of 20:00."
public enum ClockText {
  /// How the agenda line reads where it is shown.
  public enum AgendaForm: Sendable {
    /// The shared screen: "Baseline: 0:42 of 1:00 · session 3:10 of 20:00 (clock paused)".
    case full
    /// A narrow window: "0:42/1:00 · session 3:10/20:00 (paused)".
    case compact
    /// The presenter view: "Section 0:42 of 1:00 · session 3:10 of 20:00 · CLOCK PAUSED".
    case presenter
  }

  /// The facilitator's line: both clocks, with the extensions and the pause.
  public static func agenda(_ clock: AgendaClock, form: AgendaForm = .full) -> String {
    func spent(_ elapsed: Double, _ budget: Double) -> String {
      form == .compact
        ? "\(ReplyText.clock(elapsed))/\(ReplyText.clock(budget))"
        : "\(ReplyText.clock(elapsed)) of \(ReplyText.clock(budget))"
    }
    var line = ""
    if let title = clock.sectionTitle {
      let section = spent(clock.sectionElapsed, clock.sectionBudget)
      switch form {
      case .full: line += "\(title): \(section) · "
      case .compact: line += "\(section) · "
      case .presenter: line += "Section \(section) · "
      }
    }
    line += "session " + spent(clock.sessionElapsed, clock.sessionPlanned)
    if clock.isPaused {
      switch form {
      case .full: line += " (clock paused)"
      case .compact: line += " (paused)"
      case .presenter: line += " · CLOCK PAUSED"
      }
    }
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

  /// "Section 2 of 4: Rhythm."; "The session has ended." without a question. (No step count:
  /// branches leave steps out, so one would jump.)
  public static func place(of prompt: Prompt?, in dialogue: Dialogue) -> String {
    guard let prompt, let index = dialogue.sections.firstIndex(where: { $0.id == prompt.sectionID })
    else { return "The session has ended." }
    return "Section \(index + 1) of \(dialogue.sections.count): \(dialogue.sections[index].title)."
  }

  /// The waiting question, for a message to whoever scripts a session:
  /// "the question 'consent' in section 1 of 4".
  public static func `where`(_ prompt: Prompt, in dialogue: Dialogue) -> String {
    let index = dialogue.sections.firstIndex { $0.id == prompt.sectionID } ?? 0
    return "the question '\(prompt.stepID)' in section \(index + 1) of \(dialogue.sections.count)"
  }
}
