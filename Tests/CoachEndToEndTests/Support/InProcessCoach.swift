import CoachKit
import CoachTerminal
import Foundation

@testable import coach

extension CoachProcess {
  /// Runs `coach` with `arguments` in this process, as the binary would with its input piped:
  /// the same command-line parsing, the same launch path, standard input read from `stdin` line
  /// by line, output captured. For the many conversations that need no process of their own.
  ///
  /// A test may bring its own `clock`, and move it with `beforeEachLine` as a person takes time
  /// to answer; `seeing` is given the output so far before each line (to act on what the screen
  /// shows, as phones in a room do).
  static func runInProcess(
    _ arguments: [String], in directory: URL? = nil, stdin: String = "",
    environment: [String: String] = [:], clock given: (any SessionClock)? = nil,
    beforeEachLine: @escaping () -> Void = {}, seeing: ((_ output: String) -> Void)? = nil
  ) throws -> Result {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let variables = scratch.environment(adding: environment)
    let output = CapturedOutput()
    var clock: any SessionClock = SystemClock()
    if let now = variables["COACH_NOW"], !now.isEmpty, let date = LogTime.parse(now) {
      clock = FixedClock(date)
    }
    if let given { clock = given }
    let input = PipedText(
      stdin, sink: output,
      beforeEachLine: {
        beforeEachLine()
        seeing?(output.out)
      })
    let launch = Launch(
      arguments: arguments, environment: variables, clock: clock,
      currentDirectory: (directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        .path,
      builtIn: RepositoryDialogues.files, output: output, isInteractive: false,
      outputIsTerminal: false, columns: { 80 }, lines: { _, _ in input })
    let previous = FileManager.default.currentDirectoryPath
    if let directory { _ = FileManager.default.changeCurrentDirectoryPath(directory.path) }
    defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
    var status: Int32 = 0
    do {
      try CommandLineMistakes.check(arguments, commands: Coach.commandNames)
      var command = try Coach.parseAsRoot(arguments)
      if let launched = command as? any LaunchedCommand {
        try launched.run(launch: launch)
      } else {
        try command.run()
      }
    } catch let failure as CoachFailure {
      output.writeError(failure.text)
      status = failure.status.rawValue
    } catch {
      status = Coach.exitCode(for: error).rawValue
      let message = Coach.fullMessage(for: error)
      if status == 0 { output.write(message + "\n") } else { output.writeError(message + "\n") }
    }
    return Result(stdout: output.out, stderr: output.err, status: status, timedOut: false)
  }
}

/// Standard input given as text: split into lines as piped input is, prompts echoed.
final class PipedText: LineSource {
  private var lines: [String]
  private let sink: CapturedOutput
  private let beforeEachLine: () -> Void

  init(_ text: String, sink: CapturedOutput, beforeEachLine: @escaping () -> Void = {}) {
    var lines = text.components(separatedBy: "\n").map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : $0
    }
    if lines.last == "" { lines.removeLast() }
    self.lines = lines
    self.sink = sink
    self.beforeEachLine = beforeEachLine
  }

  func readLine(prompt: String) -> LineRead {
    sink.write(prompt)
    guard !lines.isEmpty else { return .endOfInput }
    beforeEachLine()
    return .line(lines.removeFirst())
  }
}

/// What a command wrote, standard output and standard error apart.
final class CapturedOutput: TextSink, @unchecked Sendable {
  private let lock = NSLock()
  private var written = ""
  private var errors = ""

  var out: String { lock.withLock { written } }
  var err: String { lock.withLock { errors } }

  func write(_ text: TerminalText) { lock.withLock { written += text.rendered } }
  func writeError(_ text: TerminalText) { lock.withLock { errors += text.rendered } }
}

/// This repository's dialogues, as the binary has them built in.
enum RepositoryDialogues {
  static let files: [String: String] = {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var files: [String: String] = [:]
    let base = repository.appendingPathComponent("Dialogues")
    let walker = FileManager.default.enumerator(atPath: base.path)
    while let name = walker?.nextObject() as? String {
      var isFolder: ObjCBool = false
      let url = base.appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder),
        !isFolder.boolValue, let text = try? String(contentsOf: url, encoding: .utf8)
      else { continue }
      files["Dialogues/" + name] = text
    }
    return files
  }()
}

/// A clock a test moves by hand.
final class ManualClock: SessionClock, @unchecked Sendable {
  private let lock = NSLock()
  private var date: Date
  let timeZone = TimeZone(identifier: "UTC")!

  init(_ date: Date) { self.date = date }

  func now() -> Date { lock.withLock { date } }
  func advance(by seconds: TimeInterval) { lock.withLock { date += seconds } }
}
