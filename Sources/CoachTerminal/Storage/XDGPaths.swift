import Foundation

/// Where coach keeps its files, following the XDG Base Directory rules: sessions and plans under
/// `$XDG_DATA_HOME/coach` (default `~/.local/share/coach`), history under `$XDG_STATE_HOME/coach`
/// (default `~/.local/state/coach`). Relative values are ignored, as the rules require.
public struct XDGPaths: Sendable {
  public var dataHome: String
  public var stateHome: String

  public enum Failure: Error, CustomStringConvertible {
    case noHome

    public var description: String {
      "cannot tell where to keep files: HOME is not set and XDG_DATA_HOME is not an absolute path"
    }
  }

  /// The paths for this process's environment.
  public static func current(_ environment: [String: String]) throws(Failure)
    -> XDGPaths
  {
    func home() throws(Failure) -> String {
      if let home = environment["HOME"], home.hasPrefix("/") { return home }
      if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
        let path = String(cString: directory)
        if path.hasPrefix("/") { return path }
      }
      throw .noHome
    }
    func base(_ variable: String, _ fallback: String) throws(Failure) -> String {
      if let value = environment[variable], value.hasPrefix("/") { return value }
      return try home() + "/" + fallback
    }
    return XDGPaths(
      dataHome: try base("XDG_DATA_HOME", ".local/share"),
      stateHome: try base("XDG_STATE_HOME", ".local/state"))
  }

  public var sessions: String { dataHome + "/coach/sessions" }
  public var plans: String { dataHome + "/coach/plans" }
  /// The dialogues sessions ran, one file per version.
  public var dialogues: String { dataHome + "/coach/dialogues" }
  public var history: String { stateHome + "/coach/history" }
}

/// A file-system failure, with the system's reason.
public enum StorageError: Error, CustomStringConvertible, Equatable {
  case system(String, Int32)
  case notFound(String)
  case damaged(String)
  case busy(String)
  case cannotCreate(String)

  public var description: String {
    switch self {
    case .system(let what, let code): "\(what): \(String(cString: strerror(code)))"
    case .notFound(let what): what
    case .damaged(let what): what
    case .busy(let what): what
    case .cannotCreate(let what): what
    }
  }

  /// The exit status that fits.
  public var exitStatus: ExitStatus {
    switch self {
    case .system(_, let code) where code == ENOSPC || code == EIO || code == EDQUOT: .ioError
    case .system: .cannotCreate
    case .notFound: .noInput
    case .damaged: .dataError
    case .busy, .cannotCreate: .cannotCreate
    }
  }
}
