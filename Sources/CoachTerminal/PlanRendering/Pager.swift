import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Shows text through the person's pager, `$PAGER` (default `less -R`), run by `/bin/sh -c` as
/// git and man run it, so `PAGER="less -S"` works. `LESS` defaults to `FRX`, as git sets it, so
/// the plan stays on the screen after `q`.
///
/// While the pager runs, Ctrl-C and Ctrl-\ belong to it: `coach` ignores them, so quitting the
/// pager never ends the session before its plan is saved. A pager that cannot start, or fails,
/// is reported, and the caller shows the text itself: nothing is lost.
///
///     let pager = Pager(command: "less -R")
///     if case .failed(let why) = pager.show(text) { print(text) }
public struct Pager: Sendable {
  /// A shell command line.
  public var command: String
  /// The environment the pager starts with.
  public var environment: [String: String]

  public init(command: String, environment: [String: String] = [:]) {
    self.command = command
    self.environment = environment
  }

  /// The person's pager: `$PAGER`, or `less -R`; nil when `PAGER` is set but empty, or when the
  /// terminal is `dumb` (a full-screen pager cannot work there).
  public static func preferred(environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Pager?
  {
    guard environment["TERM"] != "dumb" else { return nil }
    let command = environment["PAGER"] ?? "less -R"
    guard !command.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
    var childEnvironment = environment
    if childEnvironment["LESS"] == nil { childEnvironment["LESS"] = "FRX" }
    return Pager(command: command, environment: childEnvironment)
  }

  public enum Outcome: Equatable, Sendable {
    case shown
    /// Why the text was not shown (the caller shows it).
    case failed(String)
  }

  /// Pipes `text` to the pager and waits for it to end.
  public func show(_ text: String) -> Outcome {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else {
      return .failed("no pipe to the pager (\(String(cString: strerror(errno))))")
    }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
    // Only the pager's standard input is the pipe; the copies are not inherited.
    _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
    _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // The pager gets the usual signals back, though coach ignores some of them while it runs.
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGQUIT, SIGPIPE, SIGTSTP] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    let ignored = IgnoredSignals([SIGINT, SIGQUIT, SIGPIPE])
    defer { ignored.restore() }
    let words: [String] = ["/bin/sh", "-c", command]
    let argv = words.map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var child: pid_t = 0
    let spawned = posix_spawn(&child, "/bin/sh", &actions, &attributes, argv, envp)
    close(readEnd)
    guard spawned == 0 else {
      close(writeEnd)
      return .failed("the pager could not be started (\(String(cString: strerror(spawned))))")
    }

    // The pager may quit before reading everything (q on the first screen): EPIPE is fine.
    var bytes = Array(text.utf8)
    if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
      if written > 0 {
        offset += written
      } else if written < 0 && errno == EINTR {
        continue
      } else {
        break
      }
    }
    close(writeEnd)

    var status: Int32 = 0
    while waitpid(child, &status, 0) < 0 && errno == EINTR {}
    let signal = status & 0x7F
    if signal != 0 { return .failed("the pager '\(command)' ended on signal \(signal)") }
    let code = (status >> 8) & 0xFF
    switch code {
    case 0: return .shown
    case 126, 127: return .failed("the pager '\(command)' could not be started")
    default: return .failed("the pager '\(command)' failed (exit status \(code))")
    }
  }
}

/// Signals set to be ignored until ``restore()`` puts their earlier actions back.
private struct IgnoredSignals {
  private var saved: [(Int32, sigaction)] = []

  init(_ signals: [Int32]) {
    for signal in signals {
      var ignore = sigaction()
      ignore.__sigaction_handler.sa_handler = SIG_IGN
      sigemptyset(&ignore.sa_mask)
      var previous = sigaction()
      if sigaction(signal, &ignore, &previous) == 0 { saved.append((signal, previous)) }
    }
  }

  func restore() {
    for (signal, previous) in saved {
      var action = previous
      sigaction(signal, &action, nil)
    }
  }
}
