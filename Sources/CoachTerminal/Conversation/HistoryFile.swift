import Foundation

/// Where the REPL keeps the history of commands and set answers:
/// `$XDG_STATE_HOME/coach/history`, by default `~/.local/state/coach/history`.
///
/// Only absolute `XDG_STATE_HOME` values count (the XDG rule). The folder is made 0700 and
/// the file 0600; free-text answers never reach it (see ``LineSource/remember(_:)``).
public enum HistoryFile {
  /// At most this many entries are kept, in memory and on disk.
  public static let capacity = 500

  public static func location(environment: [String: String]) -> String? {
    (try? XDGPaths.current(environment))?.history
  }

  /// Makes the folders (0700) and the file (0600) if they are missing, and tightens the file's
  /// mode if it is looser. Returns false when the file cannot be used.
  public static func prepare(_ path: String) -> Bool {
    let folder = (path as NSString).deletingLastPathComponent
    guard (try? PrivateFiles.makeDirectory(folder, tightening: true)) != nil else { return false }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
      return false
    }
    if status.st_mode & 0o777 != 0o600 { _ = fchmod(descriptor, 0o600) }
    return true
  }

}
