import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach notes [ID]`: the facilitator's private view of a running session, in a second terminal.
///
/// It follows the session's log: every event is on disk (fsynced) before the shared screen shows
/// it, so replaying the log gives exactly the running session. Nothing is sent between the two
/// programs: either can stop and start again, and only the user who owns the private sessions
/// folder (0700, logs 0600) can read it.
struct Notes: LaunchedCommand {
  static let configuration = CommandConfiguration(
    abstract: "The presenter view: follow a facilitated session privately in a second terminal.",
    discussion: TextWrapper.reflow(
      """
      Shows the current step's facilitator notes, what comes next, the section and session
      clocks, the parking lot and the team's ratings so far, and follows the session as it goes.
      With no ID it attaches to the latest unfinished session run with --facilitator, waiting for
      one to start. Ctrl-C detaches; the session goes on. The session must be saved (not
      nothing saved) for the view to see it.
      """))

  @Argument(help: "The session's id, or the start of it. Default: the latest facilitated one.")
  var id: String?

  @Flag(help: "Show the view once and exit, instead of following the session.")
  var once = false

  /// How often the log is looked at, in seconds.
  static let pollInterval = 0.2

  func run(launch: Launch) throws {
    let saved = try SavedSessions(launch: launch)
    let clock = launch.clock
    let out = launch.output
    let terminal = launch.outputIsTerminal
    var waitingSaid = false
    var path: String?
    while path == nil {
      if let id {
        path = try saved.find(id, latest: "facilitated") { _ in true }.path
      } else if let latest = Self.latestFacilitated(in: saved) {
        path = latest
      } else {
        if once {
          throw CoachFailure(.noInput, "there is no unfinished facilitated session")
        }
        if !waitingSaid {
          out.write("Waiting for a session run with 'coach run --facilitator'… (Ctrl-C to stop)\n")
          waitingSaid = true
        }
        Self.sleep(Self.pollInterval * 2)
      }
    }
    guard let path else { return }
    var shown = ""
    var lastStamp = Stamp(path: "")
    var lastDraw = Date.distantPast
    while true {
      let stamp = Stamp(path: path)
      if stamp.missing {
        out.write("\nThe session was deleted; detaching.\n")
        return
      }
      // Redraw when the log changed, and at a terminal once a second for the clocks (they stand
      // still while the session is stopped, so nothing is drawn again then).
      let now = clock.now()
      if stamp != lastStamp || (terminal && now.timeIntervalSince(lastDraw) >= 1) {
        lastStamp = stamp
        lastDraw = now
        guard let transcript = Self.replay(path, with: saved) else {
          Self.sleep(Self.pollInterval)
          continue
        }
        let text = PresenterView.render(
          transcript, at: now, width: terminal ? launch.columns() : 80)
        if text != shown {
          shown = text
          out.write(
            (terminal
              ? .clearScreen : TerminalText("\n" + String(repeating: "-", count: 72) + "\n"))
              + TerminalText(text))
        }
        if once { return }
        if transcript.isFinished {
          out.write("\nThe session is complete; detaching.\n")
          return
        }
      }
      Self.sleep(Self.pollInterval)
    }
  }

  /// The latest unfinished session that was run with `--facilitator`.
  static func latestFacilitated(in saved: SavedSessions) -> String? {
    saved.store.list().sessions.last { candidate in
      candidate.header.facilitated == true
        && (replay(candidate.path, with: saved)?.isFinished == false)
    }?.path
  }

  /// Reads and replays the log with the dialogue it ran; nil while it cannot be read (a line
  /// being written is dropped as torn, so that is rare).
  static func replay(_ path: String, with saved: SavedSessions) -> Transcript? {
    guard let contents = try? SessionLogContents.read(path) else { return nil }
    let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    return try? saved.open(SessionStore.Saved(id: id, path: path, contents: contents)).transcript
  }

  static func sleep(_ seconds: Double) {
    var request = timespec(
      tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
    _ = nanosleep(&request, nil)
  }

  /// What changes when a log is written to: its identity, size and modification time.
  struct Stamp: Equatable {
    var missing = false
    var inode: UInt64 = 0
    var size: Int64 = 0
    var modified: Int = 0

    init(path: String) {
      guard !path.isEmpty else { return }
      var info = stat()
      guard stat(path, &info) == 0 else {
        missing = true
        return
      }
      inode = UInt64(info.st_ino)
      size = Int64(info.st_size)
      modified = info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec
    }
  }
}
