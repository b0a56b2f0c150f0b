import CoachKit
import Foundation

/// Saved sessions for the commands: finding one, and opening it with the dialogue it ran (the
/// copy kept with it), replayed into a transcript.
///
///     let saved = try SavedSessions(launch: launch)
///     let opened = try saved.open(try saved.find("2026", latest: "saved") { _ in true })
///     print(TranscriptFormat.markdown.render(opened.transcript))
public struct SavedSessions {
  public let launch: Launch
  public let store: SessionStore
  /// Dialogues loaded so far, by snapshot id (or source and fingerprint): a view that follows a
  /// session replays it often.
  private let loaded = LoadedDialogues()

  public init(launch: Launch) throws(CoachFailure) {
    self.launch = launch
    self.store = try launch.sessions()
  }

  private final class LoadedDialogues {
    var byKey: [String: Dialogue] = [:]
  }

  /// A kept version, loaded once.
  private func keptVersion(_ id: String) -> Dialogue? {
    if let known = loaded.byKey[id] { return known }
    let dialogue = store.dialogues?.load(id)?.load().dialogue
    loaded.byKey[id] = dialogue
    return dialogue
  }

  /// A saved session, opened.
  public struct Opened {
    public var saved: SessionStore.Saved
    /// The dialogue the session began with: the copy kept with it or, for a session saved
    /// before copies were kept, its source as it is now.
    public var dialogue: Dialogue
    /// The versions it moved onto when it was resumed on a changed dialogue, by snapshot id.
    public var dialogues: [String: Dialogue]
    /// Whether `dialogue` is the copy kept with the session.
    public var isKeptCopy: Bool
    public var transcript: Transcript
    public var header: LogHeader { saved.header }
  }

  /// The session with this id (or the only one whose id starts so), or the latest one that
  /// `matches` when there is no id.
  public func find(
    _ id: String?, latest what: String, where matches: (SessionStore.Saved) -> Bool
  ) throws(CoachFailure) -> SessionStore.Saved {
    if let id {
      do {
        return try store.find(id)
      } catch let error as StorageError {
        throw CoachFailure(error)
      } catch {
        throw CoachFailure(.ioError, "\(error)")
      }
    }
    let all = store.list()
    for problem in all.problems { launch.warn(problem) }
    guard let latest = all.sessions.last(where: matches) else {
      throw CoachFailure(
        .noInput, "there is no \(what) session; 'coach sessions' lists the saved ones")
    }
    return latest
  }

  /// Opens a session: its dialogue (and any later versions), replayed into a transcript. A
  /// check-in reads the session it follows.
  public func open(_ saved: SessionStore.Saved) throws(CoachFailure) -> Opened {
    let header = saved.header
    let (dialogue, isKeptCopy) = try firstDialogue(of: header)
    var dialogues: [String: Dialogue] = [:]
    for id in saved.dialogueVersions.dropFirst(header.snapshot == nil ? 0 : 1) {
      if let version = keptVersion(id) {
        dialogues[id] = version
      } else {
        launch.warn(
          "session \(header.session) went on with a version of its dialogue that is no longer kept (\(id)); it is shown with the one before"
        )
      }
    }
    var earlier = EarlierSession.none
    if let followedID = header.follows {
      let followed: SessionStore.Saved
      do {
        followed = try store.find(followedID)
      } catch {
        throw CoachFailure(
          .noInput,
          "session \(header.session) is a check-in on session \(followedID), which is gone")
      }
      earlier = try earlierSession(of: try open(followed), checkinsBefore: header.startedAt)
    }
    let transcript = Transcript.replay(
      header: header, entries: saved.contents.entries, dialogue: dialogue, earlier: earlier,
      dialogues: dialogues)
    return Opened(
      saved: saved, dialogue: dialogue, dialogues: dialogues, isKeptCopy: isKeptCopy,
      transcript: transcript)
  }

  /// The dialogue of a session that is not saved yet (``PendingSessionFile``): its source.
  public func dialogue(of header: LogHeader) throws(CoachFailure) -> Dialogue {
    try firstDialogue(of: header).0
  }

  /// The dialogue a session began with (its kept copy, or its source as it is now), loaded once
  /// per version; nil when it cannot be found.
  public func dialogue(of saved: SessionStore.Saved) -> Dialogue? {
    try? firstDialogue(of: saved.header).0
  }

  /// Whether a session has not ended: from its log's last line when that says, else by
  /// replaying it (a log with no events has not ended).
  public func isUnfinished(_ saved: SessionStore.Saved) -> Bool {
    if let standing = saved.standing { return !standing.isFinished }
    return (try? open(saved))?.transcript.isFinished == false
  }

  /// Whether a session ended but its plan was never written: the program was stopped, or the
  /// disk was full, between the last answer and the plan. Only logs that note their plan can
  /// tell (older ones never did).
  public func lacksItsPlan(_ saved: SessionStore.Saved) -> Bool {
    guard saved.standing?.isFinished == true, saved.last?.sequence != nil,
      saved.savedPlan == nil, saved.contents.savedPlan == nil
    else { return false }
    return (try? open(saved))?.dialogue.plan != nil
  }

  /// Like ``open(_:)``, saying what was skipped or repaired in the log.
  public func openSaying(_ saved: SessionStore.Saved) throws(CoachFailure) -> Opened {
    for warning in saved.contents.warnings { launch.warn(warning) }
    let opened = try open(saved)
    let time = LocalTime(saved.header)
    for entry in opened.transcript.misplaced {
      launch.warn(
        "\(saved.path): the event at \(time.dateTime(entry.at)) (\(Self.kind(of: entry.event))\(entry.step.map { " at step '\($0)'" } ?? "")) came where the session was at another step (a line copied or moved by hand?); it was skipped"
      )
    }
    return opened
  }

  /// An event in a word or two, for messages.
  static func kind(of event: Event) -> String {
    switch event {
    case .answer: "an answer"
    case .back: "/back"
    case .skip: "/skip"
    case .restart: "/restart"
    case .next: "/next"
    case .teamRatings: "the team's ratings"
    case .extend: "/extend"
    case .pause: "/pause"
    case .resume: "/resume"
    case .park: "/park"
    case .jump: "/jump"
    case .stop: "a stop"
    case .continue: "a return"
    case .useDialogue: "a change of dialogue"
    }
  }

  /// What a check-in reads of the session it follows: the session as the finished check-ins
  /// started before `date` (all of them when nil) left it.
  public func earlierSession(of followed: Opened, checkinsBefore date: Date?) throws(CoachFailure)
    -> EarlierSession
  {
    let checkins = store.list().sessions
      .filter { saved in
        saved.header.follows == followed.saved.id
          && date.map { saved.header.startedAt < $0 } ?? true
      }
      .sorted { $0.header.startedAt < $1.header.startedAt }
      .compactMap { saved -> Transcript? in
        guard let transcript = try? open(saved).transcript, transcript.isFinished else {
          return nil
        }
        return transcript
      }
    return EarlierSession(transcript: followed.transcript, updatedBy: checkins)
  }

  /// The dialogue a session began with: its kept copy, or its source as it is now. Replaying
  /// what happened needs it loaded, not checked again: it ran.
  private func firstDialogue(of header: LogHeader) throws(CoachFailure) -> (Dialogue, Bool) {
    if let id = header.snapshot, let dialogue = keptVersion(id) { return (dialogue, true) }
    let key = header.source + "#" + header.fingerprint
    if let known = loaded.byKey[key] { return (known, false) }
    let result: DialogueLoader.Result
    do {
      if header.source.hasPrefix(OpenedDialogue.builtInPrefix) {
        result = try DialogueLoader(source: .inMemory(launch.builtIn)).load(
          path: String(header.source.dropFirst(OpenedDialogue.builtInPrefix.count)))
      } else {
        result = try DialogueLoader(source: .fileSystem).load(path: header.source)
      }
    } catch {
      throw CoachFailure(
        .noInput,
        "session \(header.session) was run with the dialogue at \(header.source), which is gone: \(error)"
      )
    }
    guard let dialogue = result.dialogue, !result.diagnostics.hasErrors else {
      throw CoachFailure(
        .dataError,
        "the dialogue at \(header.source) now has errors; run 'coach check \(header.source)'")
    }
    loaded.byKey[key] = dialogue
    return (dialogue, false)
  }

  /// A new session's header: which dialogue (and its kept copy), when, where.
  public func newHeader(
    for opened: OpenedDialogue, follows: String? = nil, facilitation: Facilitation = .off
  ) throws(CoachFailure) -> LogHeader {
    var header = LogHeader(
      session: try launch.newSessionID(), dialogue: opened.dialogue, source: opened.source,
      startedAt: launch.clock.now(), timeZone: launch.clock.timeZone, follows: follows)
    header.snapshot = opened.snapshot.id
    if facilitation.isOn {
      header.facilitated = true
      header.participants = facilitation.participants
    }
    return header
  }
}
