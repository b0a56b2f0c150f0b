import CYaml
import CoachKit
import CoachTerminal
import Foundation
import Yams

/// Measurements that `coach` itself cannot make, for `Benchmarks/run`:
///
///     coach-bench compose FILE            composes FILE with Yams (Resolver.basic) and exits: how
///                                         the loader read YAML before it read libyaml's events
///     coach-bench events FILE             reads every libyaml event of FILE and makes a String of
///                                         every scalar: the floor under `coach check FILE`
///     coach-bench turns DIALOGUE ANSWERS  runs the engine through the answers (one per line),
///                                         without I/O, until the median of many sessions is
///                                         stable, and prints microseconds per turn
///     coach-bench phases FILE             times, in process, the parts of `coach check FILE`
///                                         (median of 5, milliseconds): libyaml's events alone, the
///                                         whole load, the checker
///     coach-bench match PATTERN FILE      matches FILE's text (an answer) against PATTERN with
///                                         coach's own matcher until the median is stable, and
///                                         prints microseconds per match and whether it matched
let arguments = CommandLine.arguments.dropFirst()

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("coach-bench: \(message)\n".utf8))
  exit(64)
}

switch arguments.first {
case "compose":
  guard arguments.count == 2, let path = arguments.last else { fail("usage: compose FILE") }
  guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
    fail("cannot read \(path)")
  }
  do {
    let node = try Yams.compose(yaml: text, .basic)
    if node == nil { fail("\(path) is empty") }
  } catch {
    fail("\(error)")
  }

case "events":
  guard arguments.count == 2, let path = arguments.last else { fail("usage: events FILE") }
  guard let bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
    fail("cannot read \(path)")
  }
  let scalars = readEvents(bytes)
  if scalars < 0 { fail("\(path) is not valid YAML") }

case "turns":
  guard arguments.count == 3 else { fail("usage: turns DIALOGUE ANSWERS") }
  let items = Array(arguments)
  let result: DialogueLoader.Result
  do {
    result = try DialogueLoader(source: .fileSystem).load(path: items[1])
  } catch {
    fail("\(error)")
  }
  guard let dialogue = result.dialogue, !result.diagnostics.hasErrors else {
    fail("the dialogue has errors")
  }
  guard let answers = try? String(contentsOfFile: items[2], encoding: .utf8) else {
    fail("cannot read \(items[2])")
  }
  let events: [Event] = answers.split(separator: "\n", omittingEmptySubsequences: false)
    .dropLast(answers.hasSuffix("\n") ? 1 : 0)
    .map { line in
      switch line {
      case "/back": .back
      case "/skip": .skip
      default: .answer(String(line))
      }
    }
  let engine = Engine(
    dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 1_795_942_800)))
  /// One whole session: start, every answer, the plan and the calendar event rendered.
  func session() -> Int {
    var (session, _) = engine.start()
    var turns = 0
    for event in events where !session.isFinished {
      _ = engine.handle(event, in: &session)
      turns += 1
    }
    precondition(session.isFinished, "the answers do not finish the session")
    _ = engine.renderedPlan(in: session)
    _ = engine.calendarEvents(in: session)
    return turns
  }
  var samples: [Double] = []
  var turns = 0
  let clock = ContinuousClock()
  for _ in 0..<200 {
    let elapsed = clock.measure { turns = session() }
    samples.append(
      Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
  }
  samples.sort()
  let median = samples[samples.count / 2]
  print(String(format: "%.1f", median / Double(turns)), turns, String(format: "%.0f", median))

case "phases":
  guard arguments.count == 2, let path = arguments.last else { fail("usage: phases FILE") }
  let clock = ContinuousClock()
  func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
  }
  var samples: [String: [Double]] = [:]
  for _ in 0..<5 {
    guard let bytes = FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
      fail("cannot read \(path)")
    }
    samples["events", default: []].append(milliseconds(clock.measure { _ = readEvents(bytes) }))
    var loaded: DialogueLoader.Result?
    samples["load", default: []].append(
      milliseconds(
        clock.measure { loaded = try? DialogueLoader(source: .fileSystem).load(path: path) }))
    guard let dialogue = loaded?.dialogue else { fail("\(path) did not load") }
    samples["check", default: []].append(
      milliseconds(clock.measure { _ = DialogueChecker().check(dialogue) }))
  }
  for phase in ["events", "load", "check"] {
    let sorted = samples[phase, default: []].sorted()
    print(phase, String(format: "%.1f", sorted[sorted.count / 2]))
  }

case "match":
  guard arguments.count == 3 else { fail("usage: match PATTERN FILE") }
  let items = Array(arguments)
  let pattern: Pattern
  do {
    pattern = try Pattern(items[1])
  } catch {
    fail("the pattern is refused at \(error.offset): \(error.message)")
  }
  guard let answer = try? String(contentsOfFile: items[2], encoding: .utf8) else {
    fail("cannot read \(items[2])")
  }
  let clock = ContinuousClock()
  var matched = false
  var samples: [Double] = []
  for _ in 0..<21 {
    let elapsed = clock.measure { matched = pattern.matches(answer) }
    samples.append(
      Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12)
  }
  samples.sort()
  print(String(format: "%.0f", samples[samples.count / 2]), matched)

default:
  fail(
    "usage: coach-bench compose FILE | events FILE | turns DIALOGUE ANSWERS | phases FILE | match PATTERN FILE"
  )
}

/// Reads every event of `bytes` with libyaml and makes a String of each scalar, as any reader of
/// the events must; the number of scalars, or -1 on a syntax error.
func readEvents(_ bytes: [UInt8]) -> Int {
  var parser = yaml_parser_t()
  guard yaml_parser_initialize(&parser) == 1 else { return -1 }
  defer { yaml_parser_delete(&parser) }
  return bytes.withUnsafeBufferPointer { buffer in
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    var event = yaml_event_t()
    var scalars: [String] = []
    while true {
      guard yaml_parser_parse(&parser, &event) == 1 else { return -1 }
      defer { yaml_event_delete(&event) }
      switch event.type {
      case YAML_STREAM_END_EVENT: return scalars.count
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        scalars.append(
          String(
            decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
        )
      default: continue
      }
    }
  }
}
