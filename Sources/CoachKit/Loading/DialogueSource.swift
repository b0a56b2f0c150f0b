import Foundation

/// Where the loader finds dialogue files: files held in memory (the dialogues built into the
/// binary, tests), or the file system, which the command line provides (`.fileSystem`, in
/// CoachTerminal: the core itself never touches files).
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
      })
  }
}
