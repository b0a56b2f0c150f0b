import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach resume [ID]`: goes on with a saved session where it stopped.
struct Resume: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Continue a saved session (the latest unfinished one by default).",
    discussion: TextWrapper.reflow(
      """
      Every answer is saved the moment it is given, so a session survives a closed terminal or
      a crash. If the dialogue was edited since, the session goes on when every step it answered
      still exists; otherwise coach says which steps are missing.
      """))

  @Argument(help: "The session's id, or the start of it. 'coach sessions' lists them.")
  var id: String?

  @ArgumentParser.Option(help: "When to use colour: auto, always or never.")
  var color: Run.ColorOption = .auto

  @ArgumentParser.Option(
    name: .customLong("plan-out"), help: "Write the plan here when the session ends.",
    completion: .file(extensions: ["md"]))
  var planOut: String?

  @Flag(help: "Facilitator mode: the shared screen and the facilitator's commands.")
  var facilitator = false

  func run() throws {
    umask(0o077)
    var saved = try SavedSessions.find(id, latest: "unfinished") { saved in
      // Only a replay can tell whether a session ended; a log with no events has not.
      (try? SavedSessions.open(saved))?.transcript.isFinished == false
    }
    // Lock the log before reading it, so that no other coach writes between the read and the
    // repair of a torn last line.
    let log: SessionLog
    do {
      (log, saved.contents) = try SessionLog.reopen(at: saved.path)
    } catch {
      SavedSessions.fail("\(error)", (error as? StorageError)?.exitStatus ?? .ioError)
    }
    let opened = SavedSessions.openOrExit(saved)
    let id = saved.id
    if opened.transcript.isFinished {
      SavedSessions.fail("session \(id) is finished; 'coach export \(id)' shows it", .dataError)
    }
    let missing = SavedSessions.missingSteps(opened)
    if !missing.isEmpty || opened.transcript.divergence != nil {
      var why = "the dialogue '\(opened.dialogue.id)' has changed since session \(id) began"
      if !missing.isEmpty {
        why += "; these answered steps no longer exist: \(missing.joined(separator: ", "))"
      } else if let divergence = opened.transcript.divergence {
        why +=
          "; it no longer leads to step '\(divergence.loggedStep)' (line \(divergence.eventNumber + 1) of \(saved.path))"
      }
      why += ". Keep what you have with 'coach export \(id)', or start again with 'coach run'."
      SavedSessions.fail(why, .dataError)
    }
    if opened.dialogueChanged {
      SavedSessions.warn(
        "the dialogue has changed since this session began; every answer still fits it, so the session goes on"
      )
    }
    let clock = try PlanSaving.clock()
    var engine = Engine(dialogue: opened.dialogue, clock: clock, earlier: opened.transcript.earlier)
    // Team questions are rated as the session began, whatever the screen looks like now.
    engine.participants = saved.header.participants
    // A session begun for a room goes on for the room.
    let facilitation = try FacilitatorOptions.parse(
      facilitator || saved.header.facilitated == true ? ["--facilitator"] : [])
    let store = FileEventStore(
      sessions: try SavedSessions.store(), continuing: log, id: saved.id)
    let resumed: SessionRuntime
    let opening: Reply
    do {
      (resumed, opening) = try SessionRuntime.resume(
        opened.dialogue, header: saved.header, entries: saved.contents.entries,
        earlier: opened.transcript.earlier, store: store, at: clock.now())
    } catch {
      SavedSessions.fail("\(error)", (error as? StorageError)?.exitStatus ?? .ioError)
    }
    let (runtime, status) = ConversationRunner.run(
      resumed, opening: opening, clock: clock, color: color, facilitation: facilitation)
    let streams = StandardStreams()
    if status != .ok { throw ExitCode(status.rawValue) }
    let first = saved.header.follows ?? saved.id
    try PlanSaving.save(engine, runtime.session, planOut: planOut, sessionID: first, to: streams)
    if saved.header.follows != nil, runtime.isFinished, runtime.isKept {
      try PlanSaving.saveTranscript(of: runtime, to: streams)
    }
  }
}
