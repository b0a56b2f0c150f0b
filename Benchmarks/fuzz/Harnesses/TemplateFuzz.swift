import CoachKit
import Foundation

/// libFuzzer entry point: the bytes are a text with `{{placeholders}}`. Reads it as the loader
/// does (scanning, refusing what is outside coach's subset, parsing with swift-mustache) and
/// renders it in a session whose answers include a secret: the secret may only appear where a
/// placeholder names it, and nothing of the engine's state ever does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let source = String(decoding: bytes, as: UTF8.self)
  let text = Text(source: source, location: SourceLocation(file: "fuzz.yaml", line: 1, column: 1))
  _ = text.problem?.description
  let rendered = setting.engine.render(text, in: setting.session)
  for leak in ["TemplateContext", "Session(", "Engine(", "trail:", "Facilitator only"]
  where rendered.contains(leak) && !source.contains(leak) {
    fatalError("rendering \(source.debugDescription) showed \(leak)")
  }
  // `big` is worked out from the secret.
  if rendered.contains("SECRET"),
    !text.names.contains(where: { ["secret", "big"].contains($0.name) }),
    !source.contains("SECRET")
  {
    fatalError("rendering \(source.debugDescription) showed an answer it does not name")
  }
  return 0
}

/// A finished session of a small dialogue: a secret answer, a team size, two picks.
private let setting: (engine: Engine, session: Session) = {
  let dialogue = DialogueLoader().load(
    text: """
      id: fuzz
      title: Fuzz
      duration: 1
      sections:
        - id: s
          title: S
          budget: 1
          steps:
            - id: secret
              ask: { type: text, prompt: Secret? }
              notes: Facilitator only
            - id: size
              ask: { type: number, prompt: How many? }
            - id: picks
              ask: { type: multi, prompt: Which?, options: [one, two, three] }
            - id: end
              say: done
              final: true
      computed:
        big: repeat(secret, 3)
      """, name: "fuzz.yaml"
  ).dialogue!
  let engine = Engine(dialogue: dialogue, clock: FixedClock(Date(timeIntervalSince1970: 0)))
  var (session, _) = engine.start()
  for answer in ["SECRET", "7", "1, 3"] { _ = engine.handle(.answer(answer), in: &session) }
  return (engine, session)
}()
