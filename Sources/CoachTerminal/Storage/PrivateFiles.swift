import Foundation

/// Writing files only their owner can read: 0600 files in 0700 folders, written to a temporary
/// file and renamed into place, never through a symbolic link.
public enum PrivateFiles {
  public struct Failure: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "cannot write '\(path)': \(reason)" }
  }

  /// `directory/name`, or `directory/stem-2.ext`, `-3`… when that exists already.
  public static func unusedPath(in directory: String, name: String) -> String {
    let stem = (name as NSString).deletingPathExtension
    let ext = (name as NSString).pathExtension
    var candidate = (directory as NSString).appendingPathComponent(name)
    var number = 2
    while FileManager.default.fileExists(atPath: candidate)
      || FileManager.default.fileExists(atPath: companion(of: candidate, ext: "ics"))
    {
      let numbered = "\(stem)-\(number)" + (ext.isEmpty ? "" : ".\(ext)")
      candidate = (directory as NSString).appendingPathComponent(numbered)
      number += 1
    }
    return candidate
  }

  /// The path with its extension replaced: `plan.md` → `plan.ics`.
  public static func companion(of path: String, ext: String) -> String {
    let base =
      (path as NSString).pathExtension.isEmpty ? path : (path as NSString).deletingPathExtension
    return base + "." + ext
  }

  /// Creates the folders up to `directory` that are missing, as 0700. With `tightening`, for a
  /// folder that is coach's own, `directory` itself loses any permission for others (0755
  /// becomes 0700) if it is this user's; nothing is ever added (a read-only folder stays
  /// read-only) and a folder of another user is left as it is, as is one a person named
  /// (`--plan-out`).
  public static func makeDirectory(_ directory: String, tightening: Bool = false) throws(Failure) {
    var current = directory.hasPrefix("/") ? "" : "."
    for part in directory.split(separator: "/") {
      current += "/" + part
      if mkdir(current, 0o700) != 0 && errno != EEXIST {
        throw Failure(
          path: current, reason: "cannot create the folder (\(String(cString: strerror(errno))))")
      }
    }
    var info = stat()
    if tightening, lstat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
      info.st_uid == geteuid(), info.st_mode & 0o077 != 0
    {
      chmod(directory, info.st_mode & 0o700)
    }
  }

  /// Makes a folder's list of names durable: after a file is created, renamed or removed.
  public static func syncFolder(_ path: String) {
    let descriptor = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    fsync(descriptor)
    close(descriptor)
  }

  /// Where ``write(_:to:)`` puts a file's text before renaming it into place.
  static func temporaryPath(of path: String, pid: Int32) -> String {
    let directory = (path as NSString).deletingLastPathComponent
    return ((directory.isEmpty ? "." : directory) as NSString).appendingPathComponent(
      ".\((path as NSString).lastPathComponent).\(pid).tmp")
  }

  /// Removes what a write of `path` left behind when its program was killed before the rename:
  /// temporary files of processes that no longer run.
  public static func removeStaleTemporaries(of path: String) {
    let directory = (path as NSString).deletingLastPathComponent
    let prefix = ".\((path as NSString).lastPathComponent)."
    guard
      let names = try? FileManager.default.contentsOfDirectory(
        atPath: directory.isEmpty ? "." : directory)
    else { return }
    for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tmp") {
      let middle = name.dropFirst(prefix.count).dropLast(4)
      guard let pid = Int32(middle), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else {
        continue
      }
      unlink(temporaryPath(of: path, pid: pid))
    }
  }

  /// Removes every temporary file in `folder` left by a write whose program was killed; returns
  /// their names.
  public static func removeStaleTemporaries(in folder: String) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
      return []
    }
    var removed: [String] = []
    for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
      let parts = name.dropLast(4).split(separator: ".")
      guard parts.count >= 2, let pid = Int32(parts[parts.count - 1]), pid != getpid(),
        kill(pid, 0) != 0, errno == ESRCH, unlink(folder + "/" + name) == 0
      else { continue }
      removed.append(name)
    }
    return removed
  }

  /// Writes `text` to `path` as a 0600 file (or `mode`): a temporary file next to it, then a
  /// rename.
  public static func write(_ text: String, to path: String, mode: mode_t = 0o600) throws(Failure) {
    var info = stat()
    if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
      throw Failure(path: path, reason: "it is a symbolic link; choose another path")
    }
    let directory = (path as NSString).deletingLastPathComponent
    removeStaleTemporaries(of: path)
    let temporary = temporaryPath(of: path, pid: getpid())
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw Failure(path: path, reason: String(cString: strerror(errno)))
    }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes {
        Foundation.write(descriptor, $0.baseAddress, $0.count)
      }
      if count < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        close(descriptor)
        unlink(temporary)
        throw Failure(path: path, reason: reason)
      }
      written += count
    }
    fchmod(descriptor, mode)
    let synced = fsync(descriptor) == 0
    close(descriptor)
    guard synced, rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw Failure(path: path, reason: reason)
    }
    syncFolder(directory)
  }
}
