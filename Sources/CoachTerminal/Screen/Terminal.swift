import CLineEditing
import Foundation

/// What the terminal around the program can do: whether the session is interactive, how wide
/// the screen is, and whether to use colour.
///
///     if Terminal.isInteractive { … readline … } else { … plain lines … }
///     let width = Terminal.columns()   // re-read on every prompt, so a resize re-wraps
public enum Terminal {
  /// Interactive only when both standard input and standard output are terminals.
  public static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

  /// The width to wrap to: the terminal's (TIOCGWINSZ), then `$COLUMNS`, then 80.
  public static func columns(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Int
  {
    size(coach_le_terminal_columns(STDOUT_FILENO), environment["COLUMNS"], otherwise: 80)
  }

  /// The rows to fit a screen to: the terminal's (TIOCGWINSZ), then `$LINES`, then 24.
  public static func rows(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Int
  {
    size(coach_le_terminal_rows(STDOUT_FILENO), environment["LINES"], otherwise: 24)
  }

  /// What the terminal says, else what the environment says, else `fallback`.
  private static func size(_ fromTerminal: Int32, _ variable: String?, otherwise fallback: Int)
    -> Int
  {
    if fromTerminal > 0 { return Int(fromTerminal) }
    if let variable, let value = Int(variable), value > 0 { return value }
    return fallback
  }

  /// Ends the program by `signal`, as if it had not been caught: after a stop was kept, so that a
  /// shell still sees SIGTERM (143) or SIGHUP (129).
  public static func end(bySignal signal: Int32) -> Never {
    coach_le_end_by_signal(signal)
    fatalError("the signal \(signal) did not end the program")
  }

  /// Makes Ctrl-\ (SIGQUIT) end the program quietly with status 131, rather than Swift's crash
  /// report; a conversation catches it later to keep the stop first.
  public static func quitQuietly() {
    coach_le_quit_quietly()
  }

  /// `--color`: auto follows the conventions; always and never decide.
  public enum ColourMode: String, CaseIterable, Sendable {
    case auto
    case always
    case never
  }

  /// Whether to colour output. `--color` wins; then a non-empty `NO_COLOR` turns colour off,
  /// `CLICOLOR_FORCE` (not "0") turns it on; otherwise colour only on a terminal whose `TERM`
  /// is not `dumb`.
  public static func usesColour(
    _ mode: ColourMode, environment: [String: String], outputIsTerminal: Bool
  ) -> Bool {
    switch mode {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
      if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
      return outputIsTerminal && environment["TERM"] != "dumb" && environment["TERM"] != nil
    }
  }
}
