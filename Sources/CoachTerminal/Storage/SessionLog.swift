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

  /// Opens an existing log to add to it: locks it, reads it, cuts off a torn last line, and
  /// makes it private again (0600) if it was made readable by others.
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
    var info = stat()
    if fstat(descriptor, &info) == 0, info.st_uid == geteuid(), info.st_mode & 0o077 != 0 {
      fchmod(descriptor, 0o600)
    }
    return (log, contents)
  }

  /// Deletes the log of a session that is not running: one that another coach has open (and
  /// locked) is left alone.
  static func delete(at path: String, session id: String) throws {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    if descriptor < 0 {
      // Gone already, or not a file coach wrote (a symbolic link): unlink the name itself.
      guard errno == ENOENT || errno == ELOOP else {
        throw StorageError.system("cannot delete \(path)", errno)
      }
    } else {
      defer { close(descriptor) }
      if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
        throw StorageError.busy(
          "session \(id) is running in another coach, so it was not deleted; end it there first")
      }
    }
    guard unlink(path) == 0 || errno == ENOENT else {
      throw StorageError.system("cannot delete \(path)", errno)
    }
  }

  /// Deletes this log, which this coach holds: the person withdrew their consent.
  func delete() throws {
    guard unlink(path) == 0 || errno == ENOENT else {
      throw StorageError.system("cannot delete \(path)", errno)
    }
  }

  /// Notes where the finished session's plan (and its calendar file) was written.
  public func record(_ plan: SavedPlan) throws {
    try write(try JSONEncoder.logLine.encode(plan))
  }

  public func append(_ entry: LogEntry) throws {
    try write(try JSONEncoder.logLine.encode(entry))
  }

  /// Appends one line and makes it durable. A line that cannot be written whole (a full disk)
  /// is taken back, so the log never holds half a line; a log deleted while the session runs
  /// is said to be gone rather than written to in vain.
  private func write(_ json: Data) throws {
    var info = stat()
    if fstat(descriptor, &info) == 0, info.st_nlink == 0 {
      throw StorageError.gone(
        "the session's log was deleted while it ran (\(path)), so nothing more can be saved")
    }
    let before = lseek(descriptor, 0, SEEK_END)
    var line = json
    line.append(UInt8(ascii: "\n"))
    try line.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          let failure = StorageError.system("cannot save to \(path)", errno)
          if before >= 0 { ftruncate(descriptor, before) }
          throw failure
        }
        offset += written
      }
    }
    guard fsync(descriptor) == 0 else {
      let failure = StorageError.system("cannot save to \(path)", errno)
      if before >= 0 { ftruncate(descriptor, before) }
      throw failure
    }
  }

  /// One coach at a time writes a session.
  private func lock() throws {
    if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      throw StorageError.busy("the session \(path) is open in another coach")
    }
  }
}
