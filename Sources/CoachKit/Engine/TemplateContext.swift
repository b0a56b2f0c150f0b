import Foundation
import Mustache

/// Looks names up only when a template asks for them, so a text costs what it reads.
struct TemplateContext: MustacheParent {
  let engine: Engine
  let session: Session
  /// The text is Markdown (the plan): values are escaped so that they stay text.
  var markdown = false

  func child(named name: String) -> Any? {
    let value = engine.value(of: name, in: session)
    if value == .none { return nil }
    if name == Engine.parkingLotName, case .list(let items) = value {
      // One Markdown bullet per parked topic.
      return RenderedValue(
        value: value, text: items.map { "- " + escaped($0) }.joined(separator: "\n"))
    }
    let kind = engine.dialogue.question(storing: name)?.question.kind ?? engine.earlier.kinds[name]
    var text = engine.displayText(of: value, for: kind)
    // A typed sentence is usually set inside another one ("If {{obstacle}}, then …"): its own
    // full stop would end that sentence early.
    if case .text? = kind, text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
    return RenderedValue(value: value, text: escaped(text))
  }

  private func escaped(_ text: String) -> String { markdown ? Escaped.markdown(text) : text }

  /// What `{{name}}` shows.
  func text(of name: String) -> String {
    (child(named: name) as? RenderedValue)?.text ?? ""
  }
}

/// A value as Mustache sees it: its text, and empty for sections when it is false or empty.
struct RenderedValue: MustacheCustomRenderable {
  let value: Value
  let text: String
  var renderText: String { text }
  var isNull: Bool {
    switch value {
    case .none, .bool(false): true
    case .list(let items): items.isEmpty
    case .text(let text): text.isEmpty
    default: false
    }
  }
}
