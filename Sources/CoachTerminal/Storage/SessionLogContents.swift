import CoachKit
import Foundation

extension SessionLogContents {
  /// Reads a log file (see ``SessionLogContents/parse(_:name:)``): damage is skipped and said,
  /// never thrown. Throws only when the file cannot be read at all.
  public static func read(_ path: String) throws -> SessionLogContents {
    guard let data = FileManager.default.contents(atPath: path) else {
      var info = stat()
      if stat(path, &info) != 0 && errno == ENOENT {
        throw StorageError.notFound("no session log at \(path)")
      }
      throw StorageError.system("cannot read the session log \(path)", errno)
    }
    return parse([UInt8](data), name: path)
  }
}
