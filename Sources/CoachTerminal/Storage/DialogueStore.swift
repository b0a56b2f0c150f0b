import CoachKit
import Foundation

/// The dialogues sessions ran, kept next to the sessions: one file per version, named by the
/// snapshot's id (a hash of its files), 0600 in a 0700 folder. A session is replayed, exported
/// and resumed with the version it ran, however its files are edited later.
///
///     let store = DialogueStore(folder: paths.dialogues)
///     try store.save(snapshot)              // once per version: a second save changes nothing
///     store.load(header.snapshot!)?.load()  // the dialogue, as the session began with it
public struct DialogueStore: Sendable {
  public var folder: String

  public init(folder: String) { self.folder = folder }

  public func path(of id: String) -> String {
    // Ids are "fnv1a64:" and hex digits; anything else cannot name a file here.
    let name = id.filter { $0.isLetter || $0.isNumber || $0 == "-" }
    return folder + "/" + name + ".json"
  }

  /// Keeps `snapshot`, unless this version is kept already.
  public func save(_ snapshot: DialogueSnapshot) throws {
    let path = path(of: snapshot.id)
    if load(snapshot.id) != nil { return }
    do {
      try PrivateFiles.makeDirectory(folder, tightening: true)
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      try PrivateFiles.write(String(decoding: try encoder.encode(snapshot), as: UTF8.self), to: path)
    } catch let failure as PrivateFiles.Failure {
      throw StorageError.cannotCreate(failure.description)
    }
  }

  /// The version with this id; nil when it was never kept, or its file no longer matches it.
  public func load(_ id: String) -> DialogueSnapshot? {
    guard let data = FileManager.default.contents(atPath: path(of: id)),
      let snapshot = try? JSONDecoder().decode(DialogueSnapshot.self, from: data),
      snapshot.id == id
    else { return nil }
    return snapshot
  }

  /// Removes every version not in `used`: what no saved session refers to any more.
  public func removeUnused(keeping used: Set<String>) throws {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    let kept = Set(used.map { (path(of: $0) as NSString).lastPathComponent })
    for name in names where name.hasSuffix(".json") && !kept.contains(name) {
      let file = folder + "/" + name
      guard unlink(file) == 0 || errno == ENOENT else {
        throw StorageError.system("cannot delete \(file)", errno)
      }
    }
    PrivateFiles.syncFolder(folder)
  }
}
