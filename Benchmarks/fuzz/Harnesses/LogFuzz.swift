import CoachKit
import Foundation

/// libFuzzer entry point: the bytes are a session's log. Reads it as coach does (damaged and
/// repeated lines skipped and said, a torn last line dropped), exports what it holds as JSON,
/// replays it through the dialogue in `Benchmarks/fuzz/log-dialogue.yaml` into a transcript
/// rendered in every format, and resumes it in memory for a few more events. None of it may
/// crash, hang or blow up memory, whatever the log holds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let contents = SessionLogContents.parse(bytes, name: "fuzz.jsonl")
  _ = LogExport.json(id: "fuzz", contents: contents, problems: ["fuzzed"])
  guard let header = contents.header else { return 0 }
  let transcript = Transcript.replay(header: header, entries: contents.entries, dialogue: dialogue)
  for format in TranscriptFormat.allCases { _ = format.render(transcript) }
  let now = contents.entries.last?.at ?? header.startedAt
  guard
    var (runtime, _) = try? SessionRuntime.resume(
      dialogue, header: header, entries: contents.entries, store: MemoryEventStore(), at: now)
  else { return 0 }
  for event in [Event.answer("1"), .back, .answer("Tigers"), .park("x"), .skip] {
    _ = try? runtime.handle(event, at: now)
  }
  _ = runtime.plan(at: now)
  return 0
}

private let dialogue: Dialogue = {
  guard let dialogue = DialogueLoader().load(text: dialogueText, name: "log-dialogue.yaml").dialogue
  else { fatalError("Benchmarks/fuzz/log-dialogue.yaml does not load") }
  return dialogue
}()

private let dialogueText: String = {
  guard let text = try? String(contentsOfFile: "Benchmarks/fuzz/log-dialogue.yaml", encoding: .utf8)
  else { fatalError("run from the repository's root: Benchmarks/fuzz/log-dialogue.yaml") }
  return text
}()
