import CoachKit
import Foundation

/// A facilitated session that is not saved yet, because the leader has not yet said whether it
/// may be (the dialogue's `keep_answers_if` waits for its answer). So that `coach notes` can show
/// the notes that matter then ("say the privacy part out loud"), the shared screen keeps the
/// session's header, and nothing else, in a private file while it runs: no answer is ever in
/// it. It is removed as soon as the session is saved, as soon as the leader declines to keep
/// anything, and when the shared screen stops.
///
///     let pending = PendingSessionFile(folder: PendingSessionFile.folder(launch), session: "…")
///     try pending.write(runtime.header)
///     pending.remove()
public struct PendingSessionFile: Sendable {
  public let path: String

  public init(folder: String, session: String) {
    path = folder + "/" + session + ".json"
  }

  /// Where pending sessions are: `$XDG_RUNTIME_DIR/coach` (memory only, this login only), or
  /// `$XDG_STATE_HOME/coach/pending`.
  public static func folder(_ launch: Launch) -> String? {
    if let runtime = launch.environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/") {
      return runtime + "/coach"
    }
    return (try? launch.paths()).map { $0.stateHome + "/coach/pending" }
  }

  /// What the file holds: the session's header, and the process showing the shared screen (a
  /// file left by a program that is gone is not followed).
  struct Contents: Codable {
    var process: Int32
    var header: LogHeader
  }

  public func write(_ header: LogHeader) throws {
    let folder = (path as NSString).deletingLastPathComponent
    try PrivateFiles.makeDirectory(folder, tightening: true)
    let data = try JSONEncoder.logLine.encode(Contents(process: getpid(), header: header))
    try PrivateFiles.write(String(decoding: data, as: UTF8.self) + "\n", to: path)
  }

  public func remove() { unlink(path) }

  /// The header of the latest pending session whose shared screen still runs.
  public static func latest(in folder: String) -> LogHeader? {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".json") }.compactMap { name -> LogHeader? in
      guard let data = FileManager.default.contents(atPath: folder + "/" + name),
        let contents = try? JSONDecoder.logLine.decode(Contents.self, from: data),
        // An id that could name a file outside the sessions folder is no session's.
        SessionStore.isValidID(contents.header.session),
        kill(contents.process, 0) == 0 || errno == EPERM
      else { return nil }
      return contents.header
    }.max { $0.startedAt < $1.startedAt }
  }

  /// Whether the file is still there.
  public var exists: Bool { access(path, F_OK) == 0 }
}
