import CoachKit
import Foundation

extension SessionLogContents {
  /// The longest log read: far more than any session writes (answers and parked items are
  /// bounded, so a long facilitated session writes well under a megabyte). A longer file is not
  /// a session's log, or was damaged; it is said, never read whole into memory.
  public static let longestLog = 64 << 20

  /// Reads a log file (see ``SessionLogContents/parse(_:name:)``): damage is skipped and said,
  /// never thrown. Throws only when the file cannot be read at all, or is longer than
  /// ``longestLog``.
  public static func read(_ path: String) throws -> SessionLogContents {
    var info = stat()
    if stat(path, &info) == 0, Int(info.st_size) > longestLog {
      let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      throw StorageError.damaged(
        "\(path) is \(Int(info.st_size) >> 20) MiB, far more than any session writes, so it is not read; 'coach sessions delete \(id)' removes it"
      )
    }
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
