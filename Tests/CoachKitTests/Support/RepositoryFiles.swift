import Foundation

/// Files of this repository, for tests that run the real dialogues without a file-system source
/// (the core has none).
enum RepositoryFiles {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Every file under `folder` (relative to the repository), by its relative path: what
  /// `DialogueSource.inMemory` takes, as the dialogues built into the binary are.
  static func files(under folder: String) throws -> [String: String] {
    var files: [String: String] = [:]
    let base = root.appendingPathComponent(folder)
    let walker = FileManager.default.enumerator(atPath: base.path)
    while let name = walker?.nextObject() as? String {
      let url = base.appendingPathComponent(name)
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
        !isFolder.boolValue
      else { continue }
      files[folder + "/" + name] = try String(contentsOf: url, encoding: .utf8)
    }
    return files
  }

  static func text(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
  }
}
