import CoachKit
import Foundation

/// A session's append-only log on disk: one JSON line for the header, then one per event.
/// Every line is written and `fsync`ed before `append` returns, so an answer acknowledged on
/// screen survives `kill -9` and power cuts.
///
///     let log = try SessionLog.create(at: path, header: header)
///     try log.append(LogEntry(at: now, event: .answer("4")))
public final class SessionLog {
  public let path: String
  private let descriptor: Int32

  private init(path: String, descriptor: Int32) {
    self.path = path
    self.descriptor = descriptor
  }

  deinit { close(descriptor) }

  /// Creates a new log (never overwriting one, never through a symlink) and writes its header.
  public static func create(at path: String, header: LogHeader) throws -> SessionLog {
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try PrivateFiles.makeDirectory(folder, tightening: true)
    } catch {
      throw StorageError.cannotCreate(error.description)
    }
    let descriptor = open(
      path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw StorageError.system("cannot create the session log \(path)", errno)
    }
    let log = SessionLog(path: path, descriptor: descriptor)
    try log.lock()
    try log.write(try JSONEncoder.logLine.encode(header))
    // The new file's name must survive a crash too.
    PrivateFiles.syncFolder(folder)
    return log
  }

  /// Opens an existing log to add to it: locks it, reads it, and cuts off a torn last line.
  public static func reopen(at path: String) throws -> (SessionLog, SessionLogContents) {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw StorageError.system("cannot open the session log \(path)", errno)
    }
    let log = SessionLog(path: path, descriptor: descriptor)
    try log.lock()
    let contents = try SessionLogContents.read(path)
    if ftruncate(descriptor, off_t(contents.validLength)) != 0 {
      throw StorageError.system("cannot repair the session log \(path)", errno)
    }
    return (log, contents)
  }

  public func append(_ entry: LogEntry) throws {
    try write(try JSONEncoder.logLine.encode(entry))
  }

  private func write(_ json: Data) throws {
    var line = json
    line.append(UInt8(ascii: "\n"))
    try line.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw StorageError.system("cannot save to \(path)", errno)
        }
        offset += written
      }
    }
    guard fsync(descriptor) == 0 else { throw StorageError.system("cannot save to \(path)", errno) }
  }

  /// One coach at a time writes a session.
  private func lock() throws {
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      throw StorageError.busy("the session \(path) is open in another coach")
    }
  }
}
