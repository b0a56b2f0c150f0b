import CoachKit
import Foundation

extension DialogueSource {
  /// Dialogue files on disk. Anything that is not a regular file or a folder (a FIFO, a device)
  /// is refused without being opened, so reading never blocks.
  ///
  ///     let result = try DialogueLoader(source: .fileSystem).load(path: "Dialogues/trust-first")
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
      let data = try handle.read(upToCount: DialogueLoader.Limits.standard.maxBytes + 1) ?? Data()
      return [UInt8](data)
    },
    resolve: { path in
      guard let resolved = realpath(path, nil) else { return nil }
      defer { free(resolved) }
      return String(cString: resolved)
    },
    list: { folder in
      (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
    })

}
