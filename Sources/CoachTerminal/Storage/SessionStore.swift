import CoachKit
import Foundation

/// The saved sessions of this user: one log file each, in a private folder, and the transcripts
/// exported from them (named after the session) in another.
///
/// A session's id names its log (`<id>.jsonl`), so only ids of letters, digits, `.`, `_` and `-`
/// are accepted (``isValidID(_:)``): nothing can name a file outside the folder. Listing reads
/// only each log's first line and its last few: a thousand sessions, or a huge file, cost little.
/// A log that cannot be read is listed as ``Damaged``, never hidden: it can still be exported as
/// JSON and deleted.
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

  // MARK: - Ids

  /// The longest id accepted.
  public static let longestID = 100

  /// Whether `id` can name a session: 1 to 100 letters, digits, `.`, `_` and `-`, beginning
  /// with a letter or digit (so never `..`, `/`, or a hidden file).
  public static func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= longestID,
      isIDScalar(first), first != ".", first != "-", first != "_"
    else { return false }
    return id.unicodeScalars.allSatisfy(isIDScalar)
  }

  private static func isIDScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", ".", "_", "-": true
    default: false
    }
  }

  /// A new, unique session id: the start time, then a few random characters.
  public static func newID(at date: Date) -> String {
    // "2026-11-29T09:01:12.345Z" → "20261129-090112", without a date format style (see LogTime).
    let stamp = LogTime.format(date).filter { $0.isNumber || $0 == "T" }.prefix(15)
    let suffix = (0..<4).map { _ in "0123456789abcdef".randomElement()! }
    return stamp.replacingOccurrences(of: "T", with: "-") + "-" + String(suffix)
  }

  /// The log of the session `id`; an id that cannot name a session is refused.
  public func path(of id: String) throws(StorageError) -> String {
    guard Self.isValidID(id) else { throw Self.noSuchSession(id) }
    return folder + "/" + id + ".jsonl"
  }

  static func noSuchSession(_ id: String) -> StorageError {
    .notFound(
      "no saved session '\(Sanitizer.oneLine(id, limit: 40))'; 'coach sessions' lists them")
  }

  public func create(header: LogHeader) throws -> SessionLog {
    try SessionLog.create(at: try path(of: header.session), header: header)
  }

  // MARK: - Saved sessions

  /// A saved session as the store sees it without replaying it: its header, and how it stood
  /// at its last event. Its events are read when first asked for.
  public struct Saved: Sendable {
    public var id: String
    public var path: String
    public var header: LogHeader
    /// The last event, as the log's tail has it.
    public var last: LogEntry?
    /// Where the plan was saved, when the log's tail says so.
    public var savedPlan: SavedPlan?
    /// The log's length in bytes, when it was listed or read.
    public var size: Int
    private var box: ContentsBox

    /// The longest log replayed only to list it, when its end does not say how the session
    /// stood: a stray gigabyte file in the folder costs nothing to list.
    public static let longestReplayedToList = 16 << 20

    /// Whether listing may replay this log to find how the session stood.
    public var isReplayedToList: Bool { size <= Self.longestReplayedToList }

    /// A session whose log was read already.
    public init(id: String, path: String, contents: SessionLogContents) throws {
      guard var header = contents.header else {
        throw StorageError.damaged(
          "\(path): \(contents.headerProblem ?? "the session log cannot be read")")
      }
      // The file's name is the session's id, whatever its first line says.
      header.session = id
      self.id = id
      self.path = path
      self.header = header
      self.last = contents.entries.last
      self.savedPlan = contents.savedPlan
      self.size = contents.validLength
      var contents = contents
      contents.header = header
      box = ContentsBox(contents)
    }

    init(id: String, path: String, head: SessionLogHead) {
      var header = head.header!
      header.session = id
      self.id = id
      self.path = path
      self.header = header
      self.last = head.last
      self.savedPlan = head.savedPlan
      self.size = head.size
      box = ContentsBox(nil)
    }

    /// Every event in the log, read on first use. A log that vanished since it was listed
    /// reads as having no events, and says so.
    public var contents: SessionLogContents {
      get {
        box.contents {
          var contents: SessionLogContents
          do {
            contents = try SessionLogContents.read(path)
          } catch {
            contents = SessionLogContents(
              header: header, entries: [], warnings: ["\(error)"], validLength: 0)
          }
          contents.header = header
          return contents
        }
      }
      set {
        var contents = newValue
        contents.header = header
        box = ContentsBox(contents)
      }
    }

    /// When the last event was written.
    public var lastActivity: Date { last?.at ?? header.startedAt }

    /// How the session stood after its last event, when the log says (logs written before
    /// sessions noted it do not: replay them).
    public var standing: LogEntry.Standing? {
      guard let last else { return LogEntry.Standing(answered: 0, isFinished: false) }
      return last.after
    }

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

  /// The events of a log, read once, shared by copies of a ``Saved``.
  private final class ContentsBox: @unchecked Sendable {
    private let lock = NSLock()
    private var read: SessionLogContents?

    init(_ contents: SessionLogContents?) { read = contents }

    func contents(reading: () -> SessionLogContents) -> SessionLogContents {
      lock.withLock {
        if let read { return read }
        let contents = reading()
        read = contents
        return contents
      }
    }
  }

  /// A log whose first line cannot be read: empty, cut inside its first line, not a log at all.
  /// Its events can still be exported as JSON, and it can be deleted.
  public struct Damaged: Sendable {
    public var id: String
    public var path: String
    public var problem: String
    /// When the file was last written.
    public var modified: Date
  }

  /// Every session in the folder.
  public struct Listing: Sendable {
    /// The sessions that can be read, oldest first.
    public var sessions: [Saved] = []
    /// Logs whose first line cannot be read, by id.
    public var damaged: [Damaged] = []
    /// What went wrong reading the folder or a log, in words (one per damaged log too).
    public var problems: [String] = []
  }

  /// Every saved session, oldest first, read from each log's head and tail only.
  public func list() -> Listing {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return Listing()
    }
    var listing = Listing()
    for name in names.sorted() where name.hasSuffix(".jsonl") {
      let id = String(name.dropLast(6))
      guard Self.isValidID(id) else { continue }
      let path = folder + "/" + name
      let head = SessionLogHead.read(path)
      if head.header != nil {
        listing.sessions.append(Saved(id: id, path: path, head: head))
      } else {
        let problem = head.problem ?? "the session log cannot be read"
        let modified =
          (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
          ?? Date(timeIntervalSince1970: 0)
        listing.damaged.append(
          Damaged(id: id, path: path, problem: problem, modified: modified))
        listing.problems.append(
          "session \(id) cannot be read (\(path): \(problem)); 'coach export \(id) --format json' shows what its log holds, 'coach sessions delete \(id)' removes it"
        )
      }
    }
    listing.sessions.sort { $0.header.startedAt < $1.header.startedAt }
    return listing
  }

  /// The session with this id, or the only one whose id starts with it.
  public func find(_ id: String) throws -> Saved {
    let (found, damaged) = try match(id)
    if let found { return found }
    let problem = damaged?.problem ?? "it cannot be read"
    throw StorageError.damaged(
      "session \(damaged?.id ?? id) cannot be read: \(problem); 'coach export \(damaged?.id ?? id) --format json' shows what its log holds, 'coach sessions delete \(damaged?.id ?? id)' removes it"
    )
  }

  /// The log of the session with this id (or the only one whose id starts with it), readable
  /// or not: for exporting what it holds and deleting it.
  public func locate(_ id: String) throws -> (id: String, path: String) {
    let (found, damaged) = try match(id)
    if let found { return (found.id, found.path) }
    return (damaged!.id, damaged!.path)
  }

  private func match(_ id: String) throws -> (Saved?, Damaged?) {
    guard Self.isValidID(id) else { throw Self.noSuchSession(id) }
    let listing = list()
    if let exact = listing.sessions.first(where: { $0.id == id }) { return (exact, nil) }
    if let exact = listing.damaged.first(where: { $0.id == id }) { return (nil, exact) }
    let readable = listing.sessions.filter { $0.id.hasPrefix(id) }
    let unreadable = listing.damaged.filter { $0.id.hasPrefix(id) }
    let ids = readable.map(\.id) + unreadable.map(\.id)
    if ids.count > 1 {
      throw StorageError.notFound(
        "'\(id)' matches \(ids.count) sessions: \(ids.joined(separator: ", "))")
    }
    if let only = readable.first { return (only, nil) }
    if let only = unreadable.first { return (nil, only) }
    throw Self.noSuchSession(id)
  }

  // MARK: - Deleting

  /// What ``remove(_:ownLog:)`` removed, to be said exactly.
  public struct Removal: Sendable, Equatable {
    /// Transcripts exported next to the plans (`/export`, check-ins), by path.
    public var exports: [String] = []
  }

  /// Removes a session for good: its log, the transcripts exported from it into ``exports``
  /// (files written elsewhere with `coach export -o` are the person's and stay), and the copies
  /// of dialogues no other session ran. A session running in another coach (its log is locked)
  /// is not removed; `log` is the session's own log when the running session removes itself
  /// (its person withdrew their consent).
  @discardableResult
  public func remove(_ id: String, ownLog log: SessionLog? = nil) throws -> Removal {
    var removal = Removal()
    let path = try path(of: id)
    if let log {
      try log.delete()
    } else {
      try SessionLog.delete(at: path, session: id)
    }
    PrivateFiles.syncFolder(folder)
    if let dialogues {
      var used = Set<String>()
      for saved in list().sessions { used.formUnion(SessionLogHead.dialogueVersions(of: saved)) }
      try dialogues.removeUnused(keeping: used)
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
