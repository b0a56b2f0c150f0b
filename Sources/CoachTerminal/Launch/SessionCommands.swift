import CoachKit
import Foundation

/// The commands that hold a conversation: run a dialogue, resume a session, check in on one.
/// Each opens what it needs the one way (loaded and checked), keeps the session through a
/// ``FileEventStore``, holds the conversation at the terminal or through pipes, and writes the
/// plan. Everything they touch comes from their ``Launch``, so tests run them in process.
///
///     try SessionCommands.run("Dialogues/examples/tour", options: .init(), launch: launch)
public enum SessionCommands {
  /// `coach run [DIALOGUE]`.
  public static func run(_ path: String?, options: ConversationOptions, launch: Launch)
    throws(CoachFailure)
  {
    let opened = try OpenedDialogue.open(path, launch: launch)
    let saved = try SavedSessions(launch: launch)
    // What is kept is the person's choice inside the dialogue (`keep_answers_if`, the plan's
    // `save_if`), so that what the dialogue says about saving is always true. A room's session
    // begins once the room has joined.
    let store = FileEventStore(sessions: saved.store)
    let runtime = try converse(title: opened.dialogue.title, options: options, launch: launch) {
      () throws(CoachFailure) in
      SessionRuntime.start(
        opened.dialogue,
        header: try saved.newHeader(for: opened, facilitation: options.facilitation),
        snapshot: opened.snapshot, store: store)
    }
    try PlanFiles.save(
      runtime, planOut: options.planOut, checkinID: runtime.sessionID, launch: launch,
      store: store, sharedScreen: options.facilitation.isOn)
  }

  /// `coach resume [ID]`: the latest unfinished session, or the one named.
  public static func resume(
    _ id: String?, dialogue choice: DialogueChoice?, options: ConversationOptions, launch: Launch
  ) throws(CoachFailure) {
    let saved = try SavedSessions(launch: launch)
    var found = try saved.find(id, latest: "unfinished") { candidate in
      saved.isUnfinished(candidate) || saved.lacksItsPlan(candidate)
    }
    // Lock the log before reading it, so that no other coach writes between the read and the
    // repair of a torn last line.
    let log: SessionLog
    do {
      (log, found.contents) = try SessionLog.reopen(at: found.path)
    } catch {
      throw CoachFailure(storing: error)
    }
    let opened = try saved.openSaying(found)
    let header = opened.header
    if opened.transcript.isFinished {
      try finishPlan(
        of: opened, log: log, planOut: options.planOut, launch: launch,
        sharedScreen: options.facilitation.isOn || header.facilitated == true)
      return
    }
    let change = try DialogueChoice.decide(choice, for: opened, launch: launch)
    let store = FileEventStore(sessions: saved.store, continuing: log, id: found.id)
    var options = options
    // A session begun for a room goes on for the room, with the same people rating.
    if options.facilitation.isOn || header.facilitated == true {
      options.facilitation = Facilitation(
        isOn: true, participants: header.participants, room: options.facilitation.room)
    }
    let runtime = try converse(title: opened.dialogue.title, options: options, launch: launch) {
      () throws(CoachFailure) in
      do {
        return try SessionRuntime.resume(
          opened.dialogue, header: header, entries: found.contents.entries,
          dialogues: opened.dialogues, earlier: opened.transcript.earlier, store: store,
          at: launch.clock.now(), changingTo: change)
      } catch {
        throw CoachFailure(storing: error)
      }
    }
    try PlanFiles.save(
      runtime, planOut: options.planOut, checkinID: header.follows ?? found.id, launch: launch,
      store: store, sharedScreen: options.facilitation.isOn)
    if header.follows != nil, runtime.isFinished, runtime.isKept {
      try PlanFiles.saveTranscript(of: runtime, launch: launch)
    }
  }

  /// `coach checkin [SESSION]`: the follow-up on a finished session's plan.
  public static func checkin(
    _ id: String?, dialogue path: String?, options: ConversationOptions, launch: Launch
  ) throws(CoachFailure) {
    let checkin = try OpenedDialogue.open(
      path, builtIn: OpenedDialogue.checkinPath, launch: launch)
    guard let followed = checkin.dialogue.follows?.dialogue else {
      throw CoachFailure(
        .dataError, "the dialogue '\(checkin.dialogue.id)' is not a check-in: it has no 'follows'")
    }
    let saved = try SavedSessions(launch: launch)
    let earlierSaved = try saved.find(id, latest: "finished \(followed.id)") { candidate in
      candidate.header.dialogue == followed.id && candidate.header.follows == nil
        && (try? saved.open(candidate))?.transcript.isFinished == true
    }
    guard earlierSaved.header.dialogue == followed.id else {
      throw CoachFailure(
        .dataError,
        "session \(earlierSaved.id) ran '\(earlierSaved.header.dialogue)', but this check-in follows '\(followed.id)'"
      )
    }
    let earlier = try saved.openSaying(earlierSaved)
    guard earlier.transcript.isFinished else {
      throw CoachFailure(
        .dataError,
        "session \(earlierSaved.id) is not finished; go on with 'coach resume \(earlierSaved.id)' first"
      )
    }
    // The latest check-in's ratings and adjusted actions are what this one starts from.
    let before = try saved.earlierSession(of: earlier, checkinsBefore: nil)
    let header = try saved.newHeader(for: checkin, follows: earlierSaved.id)
    let store = FileEventStore(sessions: saved.store)
    let runtime = try converse(title: checkin.dialogue.title, options: options, launch: launch) {
      () throws(CoachFailure) in
      SessionRuntime.start(
        checkin.dialogue, header: header, snapshot: checkin.snapshot, earlier: before,
        store: store)
    }
    try PlanFiles.save(
      runtime, planOut: options.planOut, checkinID: earlierSaved.id, launch: launch, store: store)
    if runtime.isFinished, runtime.isKept {
      try PlanFiles.saveTranscript(of: runtime, launch: launch)
    }
  }

  /// A finished session met again by `coach resume` (or `coach sessions repair`): its plan is
  /// written now if it never was (the program was stopped, or the disk was full, between the last
  /// answer and the plan); otherwise there is nothing to go on with.
  static func finishPlan(
    of opened: SavedSessions.Opened, log: SessionLog, planOut: String?, launch: Launch,
    sharedScreen: Bool = false
  ) throws(CoachFailure) {
    let id = opened.saved.id
    guard opened.saved.contents.savedPlan == nil, opened.dialogue.plan != nil else {
      let saved = opened.saved.contents.savedPlan?.plan.map { "; its plan is in \($0)" } ?? ""
      throw CoachFailure(
        .dataError, "session \(id) is finished\(saved); 'coach export \(id)' shows it")
    }
    launch.output.writeError(
      "Session \(id) was finished, but its plan was never written (the program was stopped, or the disk was full, before it could be). Writing it now.\n"
    )
    let transcript = opened.transcript
    let finished = PlanFiles.Finished(
      engine: transcript.header.engine(
        for: transcript.dialogue, at: transcript.endedAt, earlier: transcript.earlier),
      session: transcript.session, sessionID: id, isKept: true, record: { try log.record($0) })
    try PlanFiles.save(
      finished, planOut: planOut, checkinID: opened.header.follows ?? id, launch: launch,
      sharedScreen: sharedScreen)
  }

  /// `coach sessions repair [ID]`: for each session not running, its log tidied (a torn last
  /// line cut, made private again) and, when it ended without its plan, the plan written; stale
  /// temporary files removed. Says what it did, and what it could not.
  public static func repair(_ id: String?, planOut: String?, launch: Launch) throws(CoachFailure) {
    let saved = try SavedSessions(launch: launch)
    let listing = saved.store.list()
    var targets = listing.sessions
    if let id {
      do {
        targets = [try saved.store.find(id)]
      } catch {
        throw CoachFailure(storing: error)
      }
    } else {
      for damaged in listing.damaged {
        launch.warn(
          "session \(damaged.id) cannot be read (\(damaged.problem)); 'coach export \(damaged.id) --format json' shows what its log holds, 'coach sessions delete \(damaged.id)' removes it"
        )
      }
    }
    var said = false
    var failures: [CoachFailure] = []
    for target in targets {
      do throws(CoachFailure) {
        let log: SessionLog
        var found = target
        do {
          (log, found.contents) = try SessionLog.reopen(at: target.path)
        } catch {
          throw CoachFailure(storing: error)
        }
        for warning in found.contents.warnings {
          launch.output.write("\(target.id): \(warning)\n")
          said = true
        }
        guard saved.lacksItsPlan(found) else { continue }
        try finishPlan(of: try saved.open(found), log: log, planOut: planOut, launch: launch)
        said = true
      } catch {
        if error.status == .temporaryFailure {
          launch.output.write("\(target.id): running in another coach; left alone.\n")
          said = true
        } else {
          failures.append(error)
        }
      }
    }
    var folders = [saved.store.folder]
    if let plans = try? launch.paths().plans { folders.append(plans) }
    if let dialogues = saved.store.dialogues?.folder { folders.append(dialogues) }
    for folder in folders {
      for name in PrivateFiles.removeStaleTemporaries(in: folder) {
        launch.output.write("Removed \(folder)/\(name), left by a write that was stopped.\n")
        said = true
      }
    }
    if !said && failures.isEmpty { launch.output.write("Nothing needed repairing.\n") }
    if let first = failures.first {
      throw CoachFailure(
        first.status, first.message, details: failures.dropFirst().map(\.description))
    }
  }

  /// The room phones rate in, when asked for and it can start; otherwise says why, and the
  /// ratings are typed at the keyboard instead.
  static func startRoom(_ facilitation: Facilitation, launch: Launch) -> RoomLink? {
    guard let request = facilitation.room else { return nil }
    guard facilitation.participants != nil else {
      launch.warn(
        "this session was begun without team ratings (no --room or --participants), so the room is not opened"
      )
      return nil
    }
    do {
      return try RoomLink.start(request)
    } catch {
      launch.warn(
        "the room could not start (\(error)); the team's ratings are typed at this keyboard instead, unseen"
      )
      return nil
    }
  }

  /// Holds the conversation until the dialogue ends or the person stops; a stop that is not an
  /// ending (input ended, a failure to save) ends the command with its status.
  /// `start` begins (or resumes) the session: at a room, once the room has joined, so that the
  /// clock does not count the wait.
  static func converse(
    title: String, options: ConversationOptions, launch: Launch,
    starting start: () throws(CoachFailure) -> (SessionRuntime, Reply)
  ) throws(CoachFailure) -> SessionRuntime {
    let colours = launch.usesColour(options.colour)
    var style: Conversation.Style
    if launch.isInteractive {
      style = .interactive(colours: colours, width: launch.columns)
    } else {
      style = .plain
      style.colours = colours
    }
    if options.facilitation.isOn {
      style.facilitator = true
      style.clearsScreen = launch.isInteractive
      style.showsNotes = false
      if launch.isInteractive { style.height = launch.rows }
    }
    if launch.isAccessible(asked: options.accessible) { style = style.accessibly() }
    let room = options.facilitation.isOn ? startRoom(options.facilitation, launch: launch) : nil
    defer { room?.finish() }
    var lines = launch.lines(colours, (try? launch.paths())?.history)
    if let room {
      JoinScreen.show(room, title: title, style: style, source: &lines, sink: launch.output)
    }
    let (runtime, opening) = try start()
    var conversation = Conversation(
      runtime: runtime, opening: opening, clock: launch.clock, style: style,
      exports: (try? launch.paths())?.plans)
    conversation.facilitating.room = room
    // Until the leader says whether the session may be kept, the presenter view can only follow
    // it through a file that holds its header alone.
    if options.facilitation.isOn, runtime.isBeforeConsent,
      let folder = PendingSessionFile.folder(launch)
    {
      let pending = PendingSessionFile(folder: folder, session: runtime.sessionID)
      if (try? pending.write(runtime.header)) != nil { conversation.facilitating.pending = pending }
    }
    defer { conversation.facilitating.pending?.remove() }
    let status = conversation.run(reading: &lines, to: launch.output)
    if let signal = conversation.endingSignal { Terminal.end(bySignal: signal) }
    guard status == .ok else { throw CoachFailure.quietly(status) }
    return conversation.runtime
  }
}
