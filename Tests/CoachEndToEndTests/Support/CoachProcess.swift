import Foundation

/// Runs the built `coach` executable as a child process, the way a person or a script would, and
/// captures everything it writes.
///
///     let result = try CoachProcess.run(["check", "broken/unknown-goto.yaml"], in: fixtures)
///     XCTAssertEqual(result.status, 65)
///
/// Output goes through temporary files rather than pipes, so a chatty child can never block on a
/// full pipe while the test waits for it to exit.
struct CoachProcess {
  /// What one run wrote and how it ended.
  struct Result: Sendable, CustomStringConvertible {
    var stdout: String
    var stderr: String
    /// The exit status; for a child killed by a signal, 128 plus the signal number.
    var status: Int32
    var timedOut: Bool

    /// The lines of standard output, without the trailing empty one.
    var stdoutLines: [String] {
      var lines = stdout.components(separatedBy: "\n")
      if lines.last == "" { lines.removeLast() }
      return lines
    }

    var description: String {
      "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }
  }

  enum Failure: Error, CustomStringConvertible {
    case executableNotFound([String])

    var description: String {
      switch self {
      case .executableNotFound(let places):
        "no built 'coach' executable in: \(places.joined(separator: ", ")); run 'swift build' first"
      }
    }
  }

  /// The `coach` executable SwiftPM built next to this test bundle (`.build/<triple>/debug/`).
  static func executable() throws -> URL {
    var directories = [Bundle.module.bundleURL.deletingLastPathComponent()]
    for bundle in [Bundle.main] + Bundle.allBundles {
      directories.append(bundle.bundleURL.deletingLastPathComponent())
      if let executable = bundle.executableURL {
        directories.append(executable.deletingLastPathComponent())
      }
    }
    for directory in directories {
      let candidate = directory.appendingPathComponent("coach")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    throw Failure.executableNotFound(directories.map(\.path))
  }

  /// Runs `coach` with `arguments` in `directory`, feeding it `stdin`, with `environment` added to
  /// this process's environment. Kills it after `timeout` seconds.
  static func run(
    _ arguments: [String], in directory: URL? = nil, stdin: String = "",
    environment: [String: String] = [:], timeout: TimeInterval = 20
  ) throws -> Result {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let raw = try runRaw(
      arguments, in: directory, stdin: Array(stdin.utf8),
      environment: scratch.environment(adding: environment), timeout: timeout)
    return Result(
      stdout: String(decoding: raw.stdout, as: UTF8.self),
      stderr: String(decoding: raw.stderr, as: UTF8.self), status: raw.status,
      timedOut: raw.timedOut)
  }

  /// What a run printed, as bytes.
  struct RawResult {
    var stdout: [UInt8]
    var stderr: [UInt8]
    var status: Int32
    var timedOut: Bool
  }

  /// Runs `coach` with exactly `environment`, `stdin` given as bytes through a file (so nothing
  /// blocks); a death by signal N is status 128 + N, as a shell says.
  static func runRaw(
    _ arguments: [String], in directory: URL?, stdin: [UInt8], environment: [String: String],
    timeout: TimeInterval
  ) throws -> RawResult {
    try runRawCommand(
      try executable().path, arguments, in: directory, stdin: stdin, environment: environment,
      timeout: timeout)
  }

  /// Like ``runRaw(_:in:stdin:environment:timeout:)``, for another program (a shell that sets
  /// limits, then runs `coach`).
  static func runRawCommand(
    _ program: String, _ arguments: [String], in directory: URL?, stdin: [UInt8],
    environment: [String: String], timeout: TimeInterval
  ) throws -> RawResult {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("coach-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inURL = scratch.appendingPathComponent("stdin")
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    try Data(stdin).write(to: inURL)
    for url in [outURL, errURL] {
      _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    }
    let input = try FileHandle(forReadingFrom: inURL)
    let output = try FileHandle(forWritingTo: outURL)
    let errors = try FileHandle(forWritingTo: errURL)
    defer {
      try? input.close()
      try? output.close()
      try? errors.close()
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = environment
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    let finished = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in finished.signal() }
    try process.run()
    var timedOut = false
    if finished.wait(timeout: .now() + timeout) == .timedOut {
      timedOut = true
      process.terminate()
      finished.wait()
    }
    let status =
      process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
    return RawResult(
      stdout: [UInt8](try Data(contentsOf: outURL)), stderr: [UInt8](try Data(contentsOf: errURL)),
      status: status, timedOut: timedOut)
  }

  /// A folder of its own for one run: saved sessions, plans and history go there unless a test
  /// says where, so tests never touch the real home folder; a fixed session id keeps messages
  /// stable.
  struct Scratch {
    let url: URL

    init() throws {
      url = FileManager.default.temporaryDirectory
        .appendingPathComponent("coach-e2e-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// This process's environment, isolated to the scratch folder, with `extra` on top.
    func environment(adding extra: [String: String]) -> [String: String] {
      let isolation = [
        "XDG_DATA_HOME": url.appendingPathComponent("data").path,
        "XDG_STATE_HOME": url.appendingPathComponent("state").path,
        "COACH_SESSION_ID": "test-session",
      ]
      return ProcessInfo.processInfo.environment.merging(isolation) { $1 }
        .merging(extra) { $1 }
    }
  }
}
