import CoachKit
import Foundation

/// The saved sessions of this user: one log file each, in a private folder, and the transcripts
/// exported from them (named after the session) in another.
///
///     let store = SessionStore(folder: paths.sessions, exports: paths.plans)
///     for saved in store.list().sessions { print(saved.id) }
public struct SessionStore: Sendable {
  public var folder: String
  /// Where `/export` and check-ins put transcripts named `<session id>.<format>`; nil for none.
  public var exports: String?
  /// Where the dialogues the sessions ran are kept; nil to keep none.
  public var dialogues: DialogueStore?

  public init(folder: String, exports: String? = nil, dialogues: DialogueStore? = nil) {
    self.folder = folder
    self.exports = exports
    self.dialogues = dialogues
  }

  /// A saved session as the store sees it without replaying it.
  public struct Saved: Sendable {
    public var id: String
    public var path: String
    public var contents: SessionLogContents
    public var header: LogHeader { contents.header }

    public init(id: String, path: String, contents: SessionLogContents) {
      self.id = id
      self.path = path
      self.contents = contents
    }
    /// When the last event was written.
    public var lastActivity: Date { contents.entries.last?.at ?? contents.header.startedAt }
    /// The ids of the dialogue versions the session ran: the one it began with, then any it
    /// moved onto.
    public var dialogueVersions: [String] {
      let changes = contents.entries.compactMap { entry -> String? in
        if case .useDialogue(let id) = entry.event { return id }
        return nil
      }
      return (header.snapshot.map { [$0] } ?? []) + changes
    }
  }

  /// A new, unique session id: the start time, then a few random characters.
  public static func newID(at date: Date) -> String {
    // "2026-11-29T09:01:12.345Z" → "20261129-090112", without a date format style (see LogTime).
    let stamp = LogTime.format(date).filter { $0.isNumber || $0 == "T" }.prefix(15)
    let suffix = (0..<4).map { _ in "0123456789abcdef".randomElement()! }
    return stamp.replacingOccurrences(of: "T", with: "-") + "-" + String(suffix)
  }

  public func path(of id: String) -> String { folder + "/" + id + ".jsonl" }

  public func create(header: LogHeader) throws -> SessionLog {
    try SessionLog.create(at: path(of: header.session), header: header)
  }

  /// Every saved session, oldest first. Logs that cannot be read are returned as problems.
  public func list() -> (sessions: [Saved], problems: [String]) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return ([], [])
    }
    var sessions: [Saved] = []
    var problems: [String] = []
    for name in names.sorted() where name.hasSuffix(".jsonl") {
      let path = folder + "/" + name
      do {
        sessions.append(
          Saved(
            id: String(name.dropLast(6)), path: path, contents: try SessionLogContents.read(path)))
      } catch {
        problems.append("\(error)")
      }
    }
    return (sessions.sorted { $0.header.startedAt < $1.header.startedAt }, problems)
  }

  /// The session with this id, or the only one whose id starts with it.
  public func find(_ id: String) throws -> Saved {
    let all = list().sessions
    if let exact = all.first(where: { $0.id == id }) { return exact }
    let matches = all.filter { $0.id.hasPrefix(id) }
    if matches.count == 1 { return matches[0] }
    if matches.isEmpty {
      if FileManager.default.fileExists(atPath: path(of: id)) {
        _ = try SessionLogContents.read(path(of: id))
      }
      throw StorageError.notFound("no saved session '\(id)'; 'coach sessions' lists them")
    }
    throw StorageError.notFound(
      "'\(id)' matches \(matches.count) sessions: \(matches.map(\.id).joined(separator: ", "))")
  }

  /// What ``remove(_:)`` removed, to be said exactly.
  public struct Removal: Sendable, Equatable {
    /// Transcripts exported next to the plans (`/export`, check-ins), by path.
    public var exports: [String] = []
  }

  /// Removes a session for good: its log, the transcripts exported from it into ``exports``
  /// (files written elsewhere with `coach export -o` are the person's and stay), and the copies
  /// of dialogues no other session ran.
  @discardableResult
  public func remove(_ id: String) throws -> Removal {
    var removal = Removal()
    let log = path(of: id)
    guard unlink(log) == 0 || errno == ENOENT else {
      throw StorageError.system("cannot delete \(log)", errno)
    }
    PrivateFiles.syncFolder(folder)
    if let dialogues {
      try dialogues.removeUnused(keeping: Set(list().sessions.flatMap(\.dialogueVersions)))
    }
    guard let exports, let names = try? FileManager.default.contentsOfDirectory(atPath: exports)
    else {
      return removal
    }
    for name in names.sorted() where name.hasPrefix(id + ".") {
      let path = exports + "/" + name
      guard unlink(path) == 0 || errno == ENOENT else {
        throw StorageError.system("cannot delete \(path)", errno)
      }
      removal.exports.append(path)
    }
    PrivateFiles.syncFolder(exports)
    return removal
  }
}
