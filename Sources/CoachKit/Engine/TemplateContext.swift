import Foundation
import Mustache

/// Looks names up only when a template asks for them, so a text costs what it reads.
struct TemplateContext: MustacheParent {
  let engine: Engine
  let session: Session
  /// The step the text belongs to (nil: the plan): inside a flow, short names mean the call's own.
  var step: Step?
  /// In a question's `checks`: the answer being given, read as `answer`.
  var answer: Value?
  /// What a question not answered yet reads as: nothing, or a stand-in ("…") for a preview.
  var unanswered: String?
  /// The expressions and variants of coach's own tags in the text (see InlineTags).
  var inline = Text.InlineParts()
  /// The text is Markdown (the plan): values are escaped so that they stay text.
  var markdown = false

  func child(named name: String) -> Any? {
    if name.hasPrefix("__") { return inlineChild(named: name) }
    if let answer, name == AnswerCheck.answerName {
      guard answer != .none else { return nil }
      return RenderedValue(
        value: answer, text: engine.displayText(of: answer, for: step?.question?.kind))
    }
    let stored = step?.scope?.stored(name) ?? name
    let value = engine.value(of: stored, in: session)
    if value == .none {
      guard let unanswered, engine.dialogue.question(storing: stored) != nil else { return nil }
      return RenderedValue(value: .text(unanswered), text: unanswered)
    }
    if stored == Engine.parkingLotName, case .list(let items) = value {
      // One Markdown bullet per parked topic.
      return RenderedValue(
        value: value, text: items.map { "- " + escaped($0) }.joined(separator: "\n"))
    }
    let kind = engine.dialogue.question(storing: stored)?.question.kind ?? engine.earlier.kinds[stored]
    var text = engine.displayText(of: value, storedIn: stored, in: session)
    // A typed sentence is usually set inside another one ("If {{obstacle}}, then …"): its own
    // full stop would end that sentence early.
    if case .text? = kind, text.hasSuffix("."), !text.hasSuffix("..") { text.removeLast() }
    return RenderedValue(value: value, text: escaped(text))
  }

  /// `__e3` (the value of `{{= …}}`), `__c4` (whether `{{#if …}}` holds), `__v5_1` (whether the
  /// variant `{{~ …}}` shows its second alternative now).
  private func inlineChild(named name: String) -> Any? {
    if let entry = inline.formulas.first(where: { $0.name == name }) {
      let value =
        step.map { engine.evaluate(entry.formula, at: $0, answer: answer, in: session) }
        ?? engine.evaluate(entry.formula, in: session)
      switch entry.role {
      case .condition:
        return RenderedValue(value: .bool(value == .bool(true)), text: "")
      case .value:
        if value == .none { return nil }
        return RenderedValue(value: value, text: escaped(value.displayText))
      }
    }
    guard let variant = inline.variants.first(where: { name.hasPrefix($0.prefix) }),
      let position = Int(name.dropFirst(variant.prefix.count))
    else { return nil }
    let stepID = step?.id ?? ""
    let visit = step.map { session.visits[$0.id] ?? 1 } ?? 1
    // The session's start is its identity here: the same when it is resumed or replayed.
    let seed = "\(session.startedAt.timeIntervalSince1970)|\(stepID)"
    let chosen = variant.choice(visit: visit, seed: seed)
    return RenderedValue(value: .bool(chosen == position), text: "")
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
