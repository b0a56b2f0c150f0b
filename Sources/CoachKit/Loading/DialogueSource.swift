import Foundation

/// Where the loader finds dialogue files. The real file system by default; tests can give it
/// files held in memory.
///
///     let source = DialogueSource.inMemory(["tour.yaml": "id: tour\n..."])
public struct DialogueSource: Sendable {
  public enum Entry: Sendable { case file, directory, other, missing }

  /// What kind of thing is at a path.
  public var entry: @Sendable (String) -> Entry
  /// The bytes of a file.
  public var read: @Sendable (String) throws -> [UInt8]

  public init(
    entry: @escaping @Sendable (String) -> Entry,
    read: @escaping @Sendable (String) throws -> [UInt8]
  ) {
    self.entry = entry
    self.read = read
  }

  public static let fileSystem = DialogueSource(
    entry: { path in
      var info = stat()
      guard stat(path, &info) == 0 else { return .missing }
      switch info.st_mode & S_IFMT {
      case S_IFREG: return .file
      case S_IFDIR: return .directory
      default: return .other
      }
    },
    read: { path in
      guard let handle = FileHandle(forReadingAtPath: path) else {
        throw CocoaError(.fileReadNoPermission)
      }
      defer { try? handle.close() }
      // One byte past the limit is enough to know a file is too big.
      let data = try handle.read(upToCount: YAMLPreflight.Limits.standard.maxBytes + 1) ?? Data()
      return [UInt8](data)
    })

  public static func inMemory(_ files: [String: String]) -> DialogueSource {
    DialogueSource(
      entry: { path in
        if files[path] != nil { return .file }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } ? .directory : .missing
      },
      read: { path in
        guard let text = files[path] else { throw CocoaError(.fileNoSuchFile) }
        return Array(text.utf8)
      })
  }
}
