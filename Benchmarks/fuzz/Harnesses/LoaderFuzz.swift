import CoachKit
import Foundation

/// libFuzzer entry point: the bytes are a dialogue file. Loads it as `coach check` does, checks
/// whatever loads, and when it loads clean, starts a session and answers its first question.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let source = DialogueSource(
    entry: { $0 == "fuzz.yaml" ? .file : .missing },
    read: { _ in bytes })
  let loader = DialogueLoader(source: source)
  guard let result = try? loader.load(path: "fuzz.yaml"), let dialogue = result.dialogue else {
    return 0
  }
  let findings = DialogueChecker().check(dialogue)
  for finding in findings { _ = finding.description }
  if !result.diagnostics.hasErrors, !findings.hasErrors {
    let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
    var (session, _) = engine.start()
    for answer in ["", "1", "yes", "x"] { _ = engine.handle(.answer(answer), in: &session) }
    _ = engine.renderedPlan(in: session)
  }
  return 0
}
