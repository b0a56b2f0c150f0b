import CoachKit
import Foundation

/// Which version of its dialogue a resumed session goes on with, when the dialogue has changed
/// since the session last ran: `--dialogue saved` (the copy kept with the session: what the
/// person saw so far) or `--dialogue current` (the dialogue as it is now, where it came from).
public enum DialogueChoice: String, CaseIterable, Sendable {
  case saved
  case current

  /// Decides, truthfully, what a resume goes on with; nil keeps the version the session has.
  ///
  /// - Unchanged: nothing to decide.
  /// - Changed, and it no longer checks: its errors (`file:line:col`), exit 65, unless `saved`.
  /// - Changed, and every answer fits it: it goes on with the changed version, saying so.
  /// - Changed, and answers would be lost: the person chooses (asked at a terminal; a script
  ///   names its choice), told what changed, which answers no longer fit and what is asked again.
  public static func decide(
    _ choice: DialogueChoice?, for opened: SavedSessions.Opened, launch: Launch
  ) throws(CoachFailure) -> SessionRuntime.DialogueChange? {
    let header = opened.header
    let id = header.session
    let runsOn = opened.transcript.dialogue
    if choice == .saved {
      guard opened.isKeptCopy else {
        throw CoachFailure(
          .usage,
          "session \(id) was saved before coach kept a copy of its dialogue, so it can only go on with the dialogue as it is now: coach resume \(id) --dialogue current"
        )
      }
      return nil
    }
    let now: OpenedDialogue
    do {
      now = try OpenedDialogue.open(source: header.source, launch: launch)
    } catch {
      guard opened.isKeptCopy else { throw error }
      if error.status == .noInput {
        launch.warn(
          "the dialogue at \(header.source) is gone; session \(id) goes on with the copy kept with it"
        )
        return nil
      }
      throw CoachFailure(
        error.status,
        "the dialogue at \(header.source) has changed since session \(id) last ran, and it has errors now; fix them, or go on with the dialogue as the session has it: coach resume \(id) --dialogue saved",
        details: error.details)
    }
    // Without a kept copy, the session was replayed with the dialogue as it is now: only the
    // log's fingerprint can tell whether it changed.
    let before = opened.isKeptCopy ? runsOn.fingerprint : header.fingerprint
    guard now.dialogue.fingerprint != before else { return nil }
    var replay = Replay(
      header: header, dialogue: opened.dialogue, earlier: opened.transcript.earlier,
      dialogues: opened.dialogues)
    for entry in opened.saved.contents.entries { _ = replay.apply(entry) }
    let fit = DialogueFit(
      header: header, entries: replay.standing, from: runsOn, to: now.dialogue,
      earlier: opened.transcript.earlier)
    let change = SessionRuntime.DialogueChange(dialogue: now.dialogue, snapshot: now.snapshot)
    let report = ChangeReport(
      id: id, source: header.source, canKeepSaved: opened.isKeptCopy,
      changes: opened.isKeptCopy ? DialogueChanges(from: runsOn, to: now.dialogue) : nil,
      fit: fit)
    if fit.askedAgain.isEmpty && fit.noLongerAsked.isEmpty && fit.fitsWhole {
      if choice == nil {
        launch.output.writeError(report.everythingFits + "\n")
      }
      return change
    }
    switch choice {
    case .current?:
      launch.output.writeError("coach: " + report.summary + "\n")
      return change
    case .saved?:
      return nil
    case nil:
      guard launch.isInteractive, opened.isKeptCopy else {
        throw CoachFailure(.dataError, report.summary + "\n" + report.choices)
      }
      let width = launch.columns()
      launch.output.write(
        report.summary.split(separator: "\n").map { TextWrapper.wrap(String($0), width: width) }
          .joined(separator: "\n") + "\n")
      var lines = launch.lines(false, nil)
      while true {
        let question =
          "Go on with 1) the dialogue as this session has it, or 2) the changed one? [1/2] "
        switch lines.readLine(prompt: question) {
        case .line(let text) where text.trimmingCharacters(in: .whitespaces) == "1":
          return nil
        case .line(let text) where text.trimmingCharacters(in: .whitespaces) == "2":
          return change
        case .line:
          continue
        case .interrupted, .interruptedAgain, .redraw:
          continue
        case .quitAsked:
          launch.output.write("Press Ctrl-D again to stop without resuming, or type 1 or 2.\n")
        case .endOfInput, .quit, .signal:
          throw CoachFailure(.dataError, "nothing was chosen, so nothing was resumed")
        }
      }
    }
  }
}
