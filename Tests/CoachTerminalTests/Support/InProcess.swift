import CoachKit
import CoachTerminal
import Foundation

/// Lines a test types, one per read; the input ends after the last. Before each line the clock
/// may move, as a person takes time to answer.
struct ScriptedLines: LineSource {
  var lines: [String]
  var clock: ManualClock?
  /// Seconds each line takes to type.
  var pace: TimeInterval = 0
  /// The prompts shown, in order.
  private(set) var prompts: [String] = []
  let sink: CapturedOutput?

  init(_ lines: [String], clock: ManualClock? = nil, pace: TimeInterval = 0, sink: CapturedOutput? = nil) {
    self.lines = lines
    self.clock = clock
    self.pace = pace
    self.sink = sink
  }

  mutating func readLine(prompt: String) -> LineRead {
    prompts.append(prompt)
    sink?.write(prompt)
    guard !lines.isEmpty else { return .endOfInput }
    clock?.advance(by: pace)
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

  func write(_ text: String) { lock.withLock { written += text } }
  func writeError(_ text: String) { lock.withLock { errors += text } }
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

/// A scratch folder for saved sessions and plans, and a launch that reads the given lines from
/// it, as `coach` would with its input piped: everything in this process.
struct InProcessCoach {
  let root: URL
  let clock: ManualClock
  let output = CapturedOutput()

  static let nine = Date(timeIntervalSince1970: 1_795_942_800)  // 2026-11-29T09:00:00Z

  init(clock: ManualClock = ManualClock(InProcessCoach.nine)) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-inprocess-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    self.clock = clock
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  /// The dialogues of this repository, as the binary has them built in.
  static let builtIn: [String: String] = {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var files: [String: String] = [:]
    let base = repository.appendingPathComponent("Dialogues")
    let walker = FileManager.default.enumerator(atPath: base.path)
    while let name = walker?.nextObject() as? String {
      guard name.hasSuffix(".yaml") || name.hasSuffix(".md") || name.hasSuffix(".mustache"),
        let text = try? String(contentsOf: base.appendingPathComponent(name), encoding: .utf8)
      else { continue }
      files["Dialogues/" + name] = text
    }
    return files
  }()

  /// A launch whose answers are `lines`, each taking `pace` seconds.
  func launch(_ lines: [String], pace: TimeInterval = 0, id: String = "in-process") -> Launch {
    let script = ScriptedLines(lines, clock: clock, pace: pace, sink: output)
    return Launch(
      environment: [
        "XDG_DATA_HOME": root.appendingPathComponent("data").path,
        "XDG_STATE_HOME": root.appendingPathComponent("state").path, "COACH_SESSION_ID": id,
      ],
      clock: clock, currentDirectory: root.path, builtIn: Self.builtIn, output: output,
      isInteractive: false, outputIsTerminal: false, columns: { 80 },
      lines: { _, _ in script })
  }
}
