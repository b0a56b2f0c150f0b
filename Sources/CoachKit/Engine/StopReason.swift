/// Why a session stopped, as its log keeps it.
public enum StopReason: String, Hashable, Sendable, Codable {
  /// The person asked to stop (`/quit`, Ctrl-D twice).
  case quit
  /// The input ended before the dialogue did (a script, a closed pipe).
  case inputEnded = "input-ended"
  /// The program was told to end (SIGTERM, SIGHUP, an interrupt).
  case signal
}
