import Foundation

/// The files a dialogue was loaded from, exactly as they were. A session keeps the snapshot of
/// the dialogue it began with, so that it is replayed, exported and resumed with what the person
/// saw, however the files are edited later.
///
///     let (result, snapshot) = try DialogueSnapshot.load(path: "Dialogues/examples/tour", from: source)
///     snapshot.id                 // "fnv1a64:…": the same files always give the same id
///     snapshot.load().dialogue    // the same dialogue again, read from the snapshot alone
public struct DialogueSnapshot: Sendable, Hashable, Codable {
  /// The path that was loaded: a file, or a folder holding `dialogue.yaml`.
  public var path: String
  /// Every file read while loading (the dialogue's own, its includes, a plan template, the
  /// dialogue it follows), by the path it was read at.
  public var files: [String: String]

  public init(path: String, files: [String: String]) {
    self.path = path
    self.files = files
  }

  /// A hash of the paths and texts: the snapshot's name in a content-addressed store.
  public var id: String {
    var print = Fingerprint()
    for path in files.keys.sorted() {
      print.add(Array(path.utf8))
      print.add(Array((files[path] ?? "").utf8))
    }
    return print.value
  }

  /// Loads the dialogue at `path` from `source`, noting every file read on the way.
  /// `checkedWhenBuilt`: see ``DialogueLoader/checkedWhenBuilt``.
  public static func load(
    path: String, from source: DialogueSource, limits: DialogueLoader.Limits = .standard,
    checkedWhenBuilt: Bool = false
  ) throws(DialogueLoader.Failure) -> (DialogueLoader.Result, DialogueSnapshot) {
    let reads = Reads()
    // The source as it is (how it resolves links, lists folders, what it has read ahead), but
    // noting what it reads.
    var recording = source
    recording.read = { path in
      let bytes = try source.read(path)
      reads.add(path, bytes)
      return bytes
    }
    var loader = DialogueLoader(source: recording, limits: limits)
    loader.checkedWhenBuilt = checkedWhenBuilt
    let result = try loader.load(path: path)
    return (result, DialogueSnapshot(path: path, files: reads.files))
  }

  /// The dialogue, loaded from the snapshot's files alone.
  public func load(limits: DialogueLoader.Limits = .standard) -> DialogueLoader.Result {
    do {
      return try DialogueLoader(source: .inMemory(files), limits: limits).load(path: path)
    } catch {
      let location = SourceLocation(file: path, line: 1, column: 1)
      return DialogueLoader.Result(
        dialogue: nil,
        diagnostics: [.error("the saved copy of the dialogue: \(error)", at: location)])
    }
  }

  /// The files read so far; loading runs on one thread, the lock only satisfies `Sendable`.
  private final class Reads: @unchecked Sendable {
    private let lock = NSLock()
    private var read: [String: String] = [:]

    func add(_ path: String, _ bytes: [UInt8]) {
      lock.withLock { read[path] = String(decoding: bytes, as: UTF8.self) }
    }

    var files: [String: String] { lock.withLock { read } }
  }
}
