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
