import CoachKit
import Foundation

/// What a command is launched with, read once from the process and handed down: the
/// environment, the clock, the dialogues built into the binary, where text goes and how lines
/// are read. Nothing below it reads the environment or the time itself, so a test makes one of
/// its own: a script of lines, a captured output, a clock it moves.
///
///     let launch = try Launch.process(builtIn: EmbeddedFiles.files)
///     let opened = try OpenedDialogue.open(nil, launch: launch)
public struct Launch {
  /// The command line, without the program's name.
  public var arguments: [String]
  public var environment: [String: String]
  public var clock: any SessionClock
  /// The folder relative paths are read from.
  public var currentDirectory: String
  /// The dialogues built into the binary, by path (`Dialogues/trust-first/dialogue.yaml`).
  public var builtIn: [String: String]
  /// Their YAML files read ahead when the binary was built (``PreparedYAML``, in base64), by
  /// path: loading them parses no YAML.
  public var builtInPrepared: [String: String]
  /// Standard output and standard error.
  public var output: any TextSink
  /// Whether standard input and output are both a terminal: line editing, progress headers.
  public var isInteractive: Bool
  /// Whether standard output is a terminal: colour, by the conventions.
  public var outputIsTerminal: Bool
  /// The width to wrap to, read again at each prompt so a resize re-wraps.
  public var columns: @Sendable () -> Int
  /// The terminal's height, for screens that must fit it (the shared screen, the presenter
  /// view); read again at each redraw.
  public var rows: @Sendable () -> Int
  /// Where answers come from, given whether prompts are coloured and where history is kept:
  /// readline at a terminal, plain lines otherwise, a script in a test.
  public var lines: (_ colours: Bool, _ historyPath: String?) -> any LineSource

  public init(
    arguments: [String] = [], environment: [String: String], clock: any SessionClock,
    currentDirectory: String,
    builtIn: [String: String], output: any TextSink, isInteractive: Bool,
    outputIsTerminal: Bool, columns: @escaping @Sendable () -> Int,
    rows: @escaping @Sendable () -> Int = { 24 },
    lines: @escaping (_ colours: Bool, _ historyPath: String?) -> any LineSource,
    builtInPrepared: [String: String] = [:]
  ) {
    self.builtInPrepared = builtInPrepared
    self.arguments = arguments
    self.environment = environment
    self.clock = clock
    self.currentDirectory = currentDirectory
    self.builtIn = builtIn
    self.output = output
    self.isInteractive = isInteractive
    self.outputIsTerminal = outputIsTerminal
    self.columns = columns
    self.rows = rows
    self.lines = lines
  }

  /// This process's: its environment, the computer's clock (or `COACH_NOW`, a fixed instant in
  /// ISO 8601 such as `2026-11-29T09:00:00Z`, for tests and demonstrations), its terminal.
  public static func process(builtIn: [String: String], prepared: [String: String] = [:])
    throws(CoachFailure) -> Launch
  {
    let environment = ProcessInfo.processInfo.environment
    var clock: any SessionClock = SystemClock()
    if let text = environment["COACH_NOW"], !text.isEmpty {
      guard let date = LogTime.parse(text) else {
        throw CoachFailure(.usage, "COACH_NOW should be a time like 2026-11-29T09:00:00Z")
      }
      clock = FixedClock(date)
    }
    let streams = StandardStreams()
    return Launch(
      arguments: Array(CommandLine.arguments.dropFirst()), environment: environment, clock: clock,
      currentDirectory: FileManager.default.currentDirectoryPath, builtIn: builtIn,
      output: streams, isInteractive: Terminal.isInteractive,
      outputIsTerminal: isatty(STDOUT_FILENO) == 1,
      columns: { Terminal.columns(environment: environment) },
      rows: { Terminal.rows(environment: environment) },
      lines: { colours, history -> any LineSource in
        if Terminal.isInteractive {
          return ReadlineLines(
            historyPath: history, colours: colours, sink: streams,
            dumbTerminal: environment["TERM"] == "dumb")
        }
        return PipedLines(echoingPromptsTo: streams)
      }, builtInPrepared: prepared)
  }

  /// Where files go, by the XDG rules.
  public func paths() throws(CoachFailure) -> XDGPaths {
    do {
      return try XDGPaths.current(environment)
    } catch {
      throw CoachFailure(.config, error.description)
    }
  }

  /// This user's saved sessions, with the transcripts exported from them and the dialogues
  /// they ran.
  public func sessions() throws(CoachFailure) -> SessionStore {
    let paths = try paths()
    return SessionStore(
      folder: paths.sessions, exports: paths.plans,
      dialogues: DialogueStore(folder: paths.dialogues))
  }

  /// An id for a new session: `COACH_SESSION_ID` when set (for tests), else the time and a few
  /// random characters. An id that could not name a session's file is refused.
  public func newSessionID() throws(CoachFailure) -> String {
    guard let given = environment["COACH_SESSION_ID"], !given.isEmpty else {
      return SessionStore.newID(at: clock.now())
    }
    guard SessionStore.isValidID(given) else {
      throw CoachFailure(
        .usage,
        "COACH_SESSION_ID should be up to \(SessionStore.longestID) letters, digits, '.', '_' and '-', beginning with a letter or digit"
      )
    }
    return given
  }

  /// Whether to hold the conversation in accessible mode: `--accessible` (`asked`), or
  /// `COACH_ACCESSIBLE` set to anything but "0" or "" (then `ACCESSIBLE`, the variable
  /// charmbracelet's prompts read, the same way).
  public func isAccessible(asked: Bool) -> Bool {
    if asked { return true }
    for name in ["COACH_ACCESSIBLE", "ACCESSIBLE"] {
      if let value = environment[name] { return !value.isEmpty && value != "0" }
    }
    return false
  }

  /// Whether to colour output under `--color`.
  public func usesColour(_ mode: Terminal.ColourMode) -> Bool {
    Terminal.usesColour(mode, environment: environment, outputIsTerminal: outputIsTerminal)
  }

  /// A path as given, made absolute against ``currentDirectory``.
  public func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? path : currentDirectory + "/" + path
  }

  /// Says a line on standard output, wrapped to the terminal when it is one (a script gets it
  /// whole); a path is never cut.
  public func say(_ line: String) {
    output.write(
      (outputIsTerminal ? TextWrapper.wrapKeepingWords(line, width: columns()) : line) + "\n")
  }

  /// Says something on standard error: `coach: warning: …`.
  public func warn(_ message: String) {
    output.writeError("coach: warning: \(message)\n")
  }
}
