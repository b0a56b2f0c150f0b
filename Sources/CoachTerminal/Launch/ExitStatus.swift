/// Exit codes, as sysexits(3) names them, so scripts can tell what went wrong.
public enum ExitStatus: Int32, Sendable {
  case ok = 0
  /// The command line was wrong.
  case usage = 64
  /// A dialogue, a session log or the answers given were wrong.
  case dataError = 65
  /// A file named on the command line does not exist.
  case noInput = 66
  case cannotCreate = 73
  case ioError = 74
  /// Not now: a session is running in another coach.
  case temporaryFailure = 75
  case config = 78
  /// Stopped by Ctrl-C outside a prompt.
  case interrupted = 130
}
