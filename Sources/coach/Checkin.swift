import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach checkin [SESSION]`: the five-minute follow-up on a finished session's plan.
struct Checkin: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkin",
    abstract: "Check in on a finished session's plan (the latest one by default).",
    discussion: TextWrapper.reflow(
      """
      A few weeks after a session: how each action went, the focus area rated again, before and
      after side by side, and what to keep, adjust or drop. Writes an updated plan next to the
      first one, and the check-in is saved with the session it follows.
      """))

  @Argument(help: "The session to check in on: its id, or the start of it.")
  var session: String?

  @ArgumentParser.Option(
    help: "A check-in dialogue (a file or folder). Default: the built-in check-in.",
    completion: .file(extensions: ["yaml", "yml"]))
  var dialogue: String?

  @ArgumentParser.Option(help: "When to use colour: auto, always or never.")
  var color: Run.ColorOption = .auto

  @ArgumentParser.Option(
    name: .customLong("plan-out"), help: "Write the updated plan here.",
    completion: .file(extensions: ["md"]))
  var planOut: String?

  static let builtInPath = "Dialogues/trust-first-checkin"

  func run() throws {
    umask(0o077)
    let checkin = try DialogueLoading.load(dialogue, builtIn: Self.builtInPath)
    guard let followed = checkin.follows?.dialogue else {
      SavedSessions.fail(
        "the dialogue '\(checkin.id)' is not a check-in: it has no 'follows'", .dataError)
    }
    let earlierSaved = try SavedSessions.find(session, latest: "finished \(followed.id)") { saved in
      saved.header.dialogue == followed.id && saved.header.follows == nil
        && (try? SavedSessions.open(saved))?.transcript.isFinished == true
    }
    guard earlierSaved.header.dialogue == followed.id else {
      SavedSessions.fail(
        "session \(earlierSaved.id) ran '\(earlierSaved.header.dialogue)', but this check-in follows '\(followed.id)'",
        .dataError)
    }
    let earlier = SavedSessions.openOrExit(earlierSaved)
    guard earlier.transcript.isFinished else {
      SavedSessions.fail(
        "session \(earlierSaved.id) is not finished; go on with 'coach resume \(earlierSaved.id)' first",
        .dataError)
    }
    let engine = Engine(
      dialogue: checkin, clock: try PlanSaving.clock(),
      // The latest check-in's ratings and adjusted actions are what this one starts from.
      earlier: try SavedSessions.earlierSession(of: earlier, checkinsBefore: nil))
    let header = SavedSessions.newHeader(
      for: engine,
      source: dialogue.map { DialogueLoading.source(of: $0) }
        ?? EmbeddedDialogues.sourcePrefix + Self.builtInPath,
      follows: earlierSaved.id)
    let (started, opening) = SessionRuntime.start(
      checkin, header: header, earlier: engine.earlier,
      store: FileEventStore(sessions: try SavedSessions.store()))
    let (runtime, status) = ConversationRunner.run(
      started, opening: opening, clock: engine.clock, color: color)
    if status != .ok { throw ExitCode(status.rawValue) }
    let streams = StandardStreams()
    try PlanSaving.save(
      engine, runtime.session, planOut: planOut, sessionID: earlierSaved.id, to: streams)
    if runtime.isFinished, runtime.isKept {
      try PlanSaving.saveTranscript(of: runtime, to: streams)
    }
  }
}
