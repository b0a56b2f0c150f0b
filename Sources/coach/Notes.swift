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
      clocks, the team's results so far and the parking lot, fitted to the window, and follows
      the session as it goes. With no ID it attaches to the latest unfinished session run with
      --facilitator, waiting for one to start. Ctrl-C detaches; the session goes on. Before the
      leader says whether the session may be kept, it shows the notes of the first question
      (from the session's header alone); if the leader keeps nothing, there is nothing more to
      follow.
      """))

  @Argument(help: "The session's id, or the start of it. Default: the latest facilitated one.")
  var id: String?

  @Flag(help: "Show the view once and exit, instead of following the session.")
  var once = false

  /// How often the log is looked at, in seconds.
  static let pollInterval = 0.2

  func run(launch: Launch) throws {
    let saved = try SavedSessions(launch: launch)
    let out = launch.output
    var waitingSaid = false
    var found: Found?
    while found == nil {
      if let id {
        found = .log(try saved.find(id, latest: "facilitated") { _ in true }.path)
      } else if let latest = Self.latestFacilitated(in: saved) {
        found = .log(latest)
      } else if let folder = PendingSessionFile.folder(launch),
        let header = PendingSessionFile.latest(in: folder)
      {
        found = .pending(header, PendingSessionFile(folder: folder, session: header.session))
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
    var screen = Screen(launch: launch)
    if case .pending(let header, let file) = found {
      guard let path = try followBeforeConsent(header, file, saved: saved, screen: &screen) else {
        return
      }
      found = .log(path)
    }
    guard case .log(let path) = found else { return }
    try follow(path, saved: saved, screen: &screen)
  }

  /// Where the view found its session: a log, or a session not saved yet.
  enum Found {
    case log(String)
    case pending(LogHeader, PendingSessionFile)
  }

  /// Follows a session's log until it ends or is deleted.
  private func follow(_ path: String, saved: SavedSessions, screen: inout Screen) throws {
    var lastStamp = Stamp(path: "")
    while true {
      let stamp = Stamp(path: path)
      if stamp.missing {
        screen.say("The session was deleted; detaching.")
        return
      }
      // Redraw when the log changed, and at a terminal once a second for the clocks (they stand
      // still while the session is stopped, so nothing is drawn again then), or when resized.
      if stamp != lastStamp || screen.isDue {
        lastStamp = stamp
        guard let transcript = Self.replay(path, with: saved) else {
          Self.sleep(Self.pollInterval)
          continue
        }
        screen.draw { width, height, now in
          PresenterView.render(transcript, at: now, width: width, height: height)
        }
        if once { return }
        if transcript.isFinished {
          let plans =
            (try? saved.launch.paths().plans).map {
              " Its plan is saved in \($0), unless --plan-out named another place."
            } ?? ""
          screen.say("The session is complete.\(plans) Detaching.")
          return
        }
      }
      Self.sleep(Self.pollInterval)
    }
  }

  /// Before the session is saved: the notes that lead to its first question, until it is saved
  /// (the log's path is returned) or will not be (nil: nothing more to follow).
  private func followBeforeConsent(
    _ header: LogHeader, _ file: PendingSessionFile, saved: SavedSessions, screen: inout Screen
  ) throws -> String? {
    let dialogue = try saved.dialogue(of: header)
    while true {
      if let log = try? saved.store.find(header.session) { return log.path }
      guard file.exists else {
        screen.say(
          "This session is not saved (the leader chose to keep nothing, or it stopped before that was asked), so there is nothing more to follow; detaching."
        )
        return nil
      }
      if screen.isDue || once {
        screen.draw { width, height, now in
          PresenterView.beforeConsent(
            header, dialogue: dialogue, at: now, width: width, height: height)
        }
        if once { return nil }
      }
      Self.sleep(Self.pollInterval)
    }
  }

  /// Where the view is drawn: in place at a terminal, fitted to its size and drawn again when it
  /// changes (no clearing, so nothing flickers); as separate screens otherwise.
  struct Screen {
    let launch: Launch
    var shown = ""
    var lastDraw = Date.distantPast
    var size = (0, 0)

    var isTerminal: Bool { launch.outputIsTerminal }

    /// Time for the clocks (once a second), or the window changed size.
    var isDue: Bool {
      guard isTerminal else { return shown.isEmpty }
      return launch.clock.now().timeIntervalSince(lastDraw) >= 1
        || size != (launch.columns(), launch.rows())
    }

    mutating func draw(_ render: (Int, Int?, Date) -> String) {
      let now = launch.clock.now()
      lastDraw = now
      size = (launch.columns(), launch.rows())
      let text = isTerminal ? render(size.0, size.1, now) : render(80, nil, now)
      guard text != shown else { return }
      shown = text
      if isTerminal {
        launch.output.write(.redrawn(text))
      } else {
        launch.output.write("\n" + String(repeating: "-", count: 72) + "\n" + text)
      }
    }

    func say(_ text: String) {
      launch.output.write(
        "\n" + TextWrapper.wrap(text, width: isTerminal ? launch.columns() : 80) + "\n")
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
