import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// Saved sessions for the command line: where they are kept, how a new one starts, and how a
/// saved one is opened again with its dialogue, with errors on standard error and the right exit
/// code.
enum SavedSessions {
  /// Why a saved session cannot be opened, with the exit status that fits.
  struct Problem: Error, CustomStringConvertible {
    var description: String
    var status: ExitStatus
  }

  static func store() throws -> SessionStore {
    do {
      let paths = try XDGPaths.current()
      return SessionStore(folder: paths.sessions, exports: paths.plans)
    } catch {
      fail("\(error)", .config)
    }
  }

  /// A new session's header. `COACH_SESSION_ID` fixes the id, for tests.
  static func newHeader(
    for engine: Engine, source: String, follows: String? = nil, facilitated: Bool = false
  ) -> LogHeader {
    let now = engine.clock.now()
    let environment = ProcessInfo.processInfo.environment
    let id =
      environment["COACH_SESSION_ID"].flatMap { $0.isEmpty ? nil : $0 }
      ?? SessionStore.newID(at: now)
    var header = LogHeader(
      session: id, dialogue: engine.dialogue, source: source, startedAt: now,
      timeZone: engine.clock.timeZone,
      follows: follows)
    if facilitated {
      header.facilitated = true
      header.participants = engine.participants
    }
    return header
  }

  /// A saved session, opened: its log, its dialogue as it is now, and the replayed transcript.
  struct Opened {
    var saved: SessionStore.Saved
    var dialogue: Dialogue
    var transcript: Transcript
    /// Whether the dialogue's files changed since the session began.
    var dialogueChanged: Bool
  }

  /// Finds a session by id (or id prefix), or the latest one that `matches`.
  static func find(_ id: String?, latest what: String, where matches: (SessionStore.Saved) -> Bool)
    throws
    -> SessionStore.Saved
  {
    let store = try store()
    do {
      if let id { return try store.find(id) }
    } catch let error as StorageError {
      fail("\(error)", error.exitStatus)
    }
    let all = store.list()
    for problem in all.problems { warn(problem) }
    guard let latest = all.sessions.last(where: matches) else {
      fail("there is no \(what) session; 'coach sessions' lists the saved ones", .noInput)
    }
    return latest
  }

  /// Like ``open(_:)``, but a problem ends the program with its message and status.
  static func openOrExit(_ saved: SessionStore.Saved) -> Opened {
    for warning in saved.contents.warnings { warn(warning) }
    do {
      return try open(saved)
    } catch {
      fail(error.description, error.status)
    }
  }

  /// Loads the session's dialogue from where it came from and replays the log through it.
  static func open(_ saved: SessionStore.Saved) throws(Problem) -> Opened {
    let header = saved.header
    let dialogue = try dialogue(of: header)
    // A check-in reads the session it follows.
    var earlier = EarlierSession.none
    if let followedID = header.follows {
      let followed: SessionStore.Saved
      do {
        followed = try store().find(followedID)
      } catch {
        throw Problem(
          description:
            "session \(header.session) is a check-in on session \(followedID), which is gone",
          status: .noInput)
      }
      earlier = try earlierSession(of: try open(followed), checkinsBefore: header.startedAt)
    }
    let transcript = Transcript.replay(
      header: header, entries: saved.contents.entries, dialogue: dialogue, earlier: earlier)
    return Opened(
      saved: saved, dialogue: dialogue, transcript: transcript,
      dialogueChanged: dialogue.fingerprint != header.fingerprint)
  }

  /// What a check-in reads of the session it follows: the session as the finished check-ins
  /// started before `date` (all of them when nil) left it.
  static func earlierSession(of followed: Opened, checkinsBefore date: Date?) throws(Problem)
    -> EarlierSession
  {
    let checkins = ((try? store())?.list().sessions ?? [])
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

  /// The dialogue a saved session was run with, loaded from where it came from.
  static func dialogue(of header: LogHeader) throws(Problem) -> Dialogue {
    let result: DialogueLoader.Result
    do {
      if header.source.hasPrefix(EmbeddedDialogues.sourcePrefix) {
        result = try EmbeddedDialogues.load(
          String(header.source.dropFirst(EmbeddedDialogues.sourcePrefix.count)))
      } else {
        result = try DialogueLoader(source: .fileSystem).load(path: header.source)
      }
    } catch {
      throw Problem(
        description:
          "session \(header.session) was run with the dialogue at \(header.source), which is gone: \(error)",
        status: .noInput)
    }
    guard let dialogue = result.dialogue, !result.diagnostics.hasErrors else {
      throw Problem(
        description:
          "the dialogue at \(header.source) now has errors; run 'coach check \(header.source)'",
        status: .dataError)
    }
    return dialogue
  }

  /// Steps the log names that the dialogue no longer has.
  static func missingSteps(_ opened: Opened) -> [String] {
    var missing: [String] = []
    for entry in opened.saved.contents.entries {
      if let step = entry.step, opened.dialogue.step(step) == nil, !missing.contains(step) {
        missing.append(step)
      }
    }
    return missing
  }

  static func warn(_ message: String) {
    FileHandle.standardError.write(Data("coach: warning: \(message)\n".utf8))
  }

  static func fail(_ message: String, _ status: ExitStatus) -> Never {
    FileHandle.standardError.write(Data("coach: \(message)\n".utf8))
    Foundation.exit(status.rawValue)
  }
}
