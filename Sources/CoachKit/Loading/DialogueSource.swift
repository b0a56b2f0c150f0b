import Foundation

/// Where the loader finds dialogue files: files held in memory (the dialogues built into the
/// binary, tests), or the file system, which the command line provides (`.fileSystem`, in
/// CoachTerminal: the core itself never touches files).
///
///     let source = DialogueSource.inMemory(["tour.yaml": "id: tour\n..."])
public struct DialogueSource: Sendable {
  public enum Entry: Sendable { case file, directory, other, missing }

  /// What kind of thing is at a path. Only a `.file` is ever read: a pipe or a device could block.
  public var entry: @Sendable (String) -> Entry
  /// The bytes of a file.
  public var read: @Sendable (String) throws -> [UInt8]
  /// The path with every symbolic link resolved, or nil when nothing is there: a dialogue reads
  /// only files inside its own folder, and a link may lead out of it.
  public var resolve: @Sendable (String) -> String?
  /// The names of the entries of a folder, for "did you mean" when a file name is mistyped.
  public var list: @Sendable (String) -> [String]
  /// A YAML file read ahead of time (``PreparedYAML``), when there is one: the dialogues built
  /// into `coach` load without parsing their YAML again.
  public var prepared: @Sendable (String) -> [UInt8]?

  public init(
    entry: @escaping @Sendable (String) -> Entry,
    read: @escaping @Sendable (String) throws -> [UInt8],
    resolve: @escaping @Sendable (String) -> String? = { $0 },
    list: @escaping @Sendable (String) -> [String] = { _ in [] },
    prepared: @escaping @Sendable (String) -> [UInt8]? = { _ in nil }
  ) {
    self.entry = entry
    self.read = read
    self.resolve = resolve
    self.list = list
    self.prepared = prepared
  }

  /// No files at all: for loading a dialogue from text (`DialogueLoader().load(text:name:)`).
  public static let none = DialogueSource(entry: { _ in .missing }, read: { _ in [] })

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
      },
      resolve: { path in DialogueLoader.normalize(path) },
      list: { folder in
        let prefix =
          folder.isEmpty || folder == "." ? "" : (folder.hasSuffix("/") ? folder : folder + "/")
        var names: Set<String> = []
        for key in files.keys where key.hasPrefix(prefix) {
          let rest = key.dropFirst(prefix.count)
          names.insert(String(rest.prefix { $0 != "/" }))
        }
        return names.sorted()
      })
  }
}
