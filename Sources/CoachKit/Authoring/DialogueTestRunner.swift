import Foundation

/// Runs test cases through the engine, with a fixed clock, and says what differed.
///
///     let runner = DialogueTestRunner(dialogue: dialogue)
///     let result = runner.run(testCase)
///     for failure in result.failures { print("\(failure.location): \(failure.message)") }
public struct DialogueTestRunner: Sendable {
  public let dialogue: Dialogue

  public init(dialogue: Dialogue) {
    self.dialogue = dialogue
  }

  /// What happened when a case ran.
  public struct CaseResult: Sendable {
    public var testCase: DialogueTestCase
    public var failures: [Failure]
    /// Steps taken (said or asked) at some point.
    var taken: Set<String>
    /// Steps passed over because their `when` did not hold.
    var passedOver: Set<String>
    /// The transitions the session went through.
    public var edges: Set<FlowEdge.Key>
    public var passed: Bool { failures.isEmpty }
  }

  public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String
    public var description: String { "\(location): \(message)" }
  }

  /// Why `plan` lacks `text`, with the lines of the plan nearest to it, so that the author sees
  /// what the plan says instead (a number worked out differently, a label, a line break).
  static func missing(_ text: String, from plan: String) -> String {
    let quoted = "'\(Sanitizer.clean(text, limit: 120))'"
    let lines = plan.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
      return "the plan does not contain \(quoted): the plan is empty"
    }
    let wanted = text.split(separator: "\n").first.map(String.init) ?? text
    let wantedWords = Set(wanted.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
    func score(_ line: String) -> Int {
      let words = Set(line.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }))
      let prefix = zip(line, wanted).prefix { $0 == $1 }.count
      return words.intersection(wantedWords).count * 100 + prefix
    }
    var best = 0
    var bestScore = -1
    for (index, line) in lines.enumerated() where !line.isEmpty {
      let value = score(line)
      if value > bestScore {
        best = index
        bestScore = value
      }
    }
    let shown = lines[max(best - 1, 0)...min(best + 1, lines.count - 1)]
      .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { "        " + Sanitizer.clean($0, limit: 160) }
    return "the plan does not contain \(quoted); the plan's nearest lines (\(best + 1) of \(lines.count)):\n"
      + shown.joined(separator: "\n")
  }

  public func run(_ testCase: DialogueTestCase) -> CaseResult {
    let clock = FixedClock(Self.nine(on: testCase.today))
    var result = CaseResult(
      testCase: testCase, failures: [], taken: [], passedOver: [], edges: [])
    var earlier = EarlierSession.none
    if let before = testCase.before {
      switch earlierSession(before) {
      case .success(let session): earlier = session
      case .failure(let failure):
        result.failures.append(failure)
        return result
      }
    }
    let engine = Engine(dialogue: dialogue, clock: clock, earlier: earlier)
    func note(_ reply: Reply) {
      for visit in reply.route {
        if visit.wasTaken {
          result.taken.insert(visit.stepID)
        } else {
          result.passedOver.insert(visit.stepID)
        }
        if let edge = visit.via { result.edges.insert(edge) }
      }
    }
    var (session, first) = engine.start()
    note(first)
    for input in testCase.answers {
      if let failure = give(input, to: engine, in: &session, note: note) {
        result.failures.append(failure)
        result.failures.append(
          Failure(
            location: testCase.location,
            message: "the case stopped there; its expectations were not checked"))
        return result
      }
    }
    for expectation in testCase.expectations {
      if let message = check(expectation.kind, engine: engine, session: session, result: result) {
        result.failures.append(Failure(location: expectation.location, message: message))
      }
    }
    return result
  }

  /// Runs a case's `before` answers through the dialogue this one follows.
  private func earlierSession(_ before: DialogueTestCase.Before) -> Result<EarlierSession, Failure>
  {
    guard let followed = dialogue.follows?.dialogue else {
      return .failure(
        Failure(location: before.location, message: "'before' needs a dialogue with 'follows'"))
    }
    let startedAt = Self.nine(on: before.today)
    let engine = Engine(dialogue: followed, clock: FixedClock(startedAt))
    var (session, _) = engine.start()
    for input in before.answers {
      if let failure = give(input, to: engine, in: &session, note: { _ in }) {
        return .failure(failure)
      }
    }
    guard session.isFinished else {
      return .failure(
        Failure(
          location: before.location,
          message: "the earlier session did not finish with these answers"))
    }
    return .success(
      EarlierSession(
        dialogue: followed, session: session, startedAt: startedAt, endedAt: startedAt,
        timeZone: TimeZone(identifier: "UTC")!))
  }

  /// 09:00 UTC on `day`.
  static func nine(on day: Day) -> Date {
    Date(timeIntervalSince1970: Double(day.daysSince1970) * 86_400 + 9 * 3_600)
  }

  /// Gives one input; a failure when the engine did not take it as the case meant.
  private func give(
    _ input: DialogueTestCase.Input, to engine: Engine, in session: inout Session,
    note: (Reply) -> Void
  ) -> Failure? {
    func fail(_ message: String) -> Failure { Failure(location: input.location, message: message) }
    let waiting = session.currentStepID
    switch input.kind {
    case .answer(let text), .rejected(let text):
      guard let stepID = waiting else {
        return fail("'\(text)' is given after the dialogue finished")
      }
      let reply = engine.handle(.answer(text), in: &session)
      note(reply)
      let shouldRefuse = input.kind == .rejected(text)
      switch (reply.rejection, shouldRefuse) {
      case (let rejection?, false):
        return fail("step '\(stepID)' did not take '\(text)': \(rejection.reason)")
      case (nil, true):
        return fail("step '\(stepID)' took '\(text)', but the case expects it to be refused")
      default:
        return nil
      }
    case .skip:
      guard let stepID = waiting else { return fail("/skip is given after the dialogue finished") }
      let reply = engine.handle(.skip, in: &session)
      note(reply)
      if reply.notice == .cannotSkip {
        return fail("step '\(stepID)' cannot be skipped: its question is not optional")
      }
      return nil
    case .back:
      let reply = engine.handle(.back, in: &session)
      note(reply)
      return reply.notice == .nothingToUndo ? fail("/back: there is no answer to undo") : nil
    case .restart:
      note(engine.handle(.restart, in: &session))
      return nil
    }
  }

  /// Nil when the expectation holds, else what differed.
  private func check(
    _ kind: DialogueTestCase.Expectation.Kind, engine: Engine, session: Session, result: CaseResult
  ) -> String? {
    switch kind {
    case .visited(let id):
      guard !result.taken.contains(id) else { return nil }
      return result.passedOver.contains(id)
        ? "step '\(id)' was not visited: it was passed over (its 'when' did not hold)"
        : "step '\(id)' was not visited: the session never came to it"
    case .notVisited(let id):
      return result.taken.contains(id) ? "step '\(id)' was visited" : nil
    case .value(let name, let expected):
      let actual = engine.value(of: name, in: session)
      let kind = dialogue.question(storing: name)?.question.kind
      if Self.matches(actual, expected, kind: kind, engine: engine) { return nil }
      return "\(name) is \(Self.describe(actual, kind: kind, engine: engine)), expected \(expected)"
    case .planContains(let text):
      let plan = engine.renderedPlan(in: session) ?? ""
      return plan.contains(text) ? nil : Self.missing(text, from: plan)
    case .planLacks(let text):
      let plan = engine.renderedPlan(in: session) ?? ""
      return plan.contains(text) ? "the plan contains '\(text)'" : nil
    case .finished:
      guard let waiting = session.currentStepID else { return nil }
      return "the dialogue did not finish: it is waiting at step '\(waiting)'"
    case .waitingAt(let id):
      guard let waiting = session.currentStepID else {
        return "the dialogue finished, expected it to be waiting at step '\(id)'"
      }
      return waiting == id ? nil : "the dialogue is waiting at step '\(waiting)', expected '\(id)'"
    }
  }

  /// Whether a value is what a case wrote: a number as written or as shown (`33.33`), a choice by
  /// its value or its label, yes/no as `yes`/`no`/`true`/`false`, a date as `2026-03-16`, a day
  /// and time as `2026-03-17T09:30` or as it reads (`Tuesday 17 March at 09:30`), a list by its
  /// values or labels in any order.
  static func matches(
    _ actual: Value, _ expected: DialogueTestCase.ExpectedValue, kind: AnswerKind?, engine: Engine
  ) -> Bool {
    switch (actual, expected) {
    case (.none, .empty): return true
    case (.text(""), .empty), (.list([]), .empty): return true
    case (_, .empty), (.none, _): return false
    case (.number(let number), .scalar(let text)):
      if let written = Double(text), abs(number - written) <= 1e-9 * max(1, abs(written)) {
        return true
      }
      return actual.displayText == text
    case (.text(let value), .scalar(let text)):
      return value == text || engine.displayText(of: actual, for: kind) == text
    case (.bool(let value), .scalar(let text)):
      switch text.lowercased() {
      case "yes", "true": return value
      case "no", "false": return !value
      default: return false
      }
    case (.date(let day), .scalar(let text)):
      return day.iso == text
    case (.moment(let moment), .scalar(let text)):
      return moment.iso == text || moment.text == text || Moment(iso: text) == moment
    case (.list(let values), .scalar(let text)):
      return values == [text] || actual.displayText == text
        || engine.displayText(of: actual, for: kind) == text
    case (.list(let values), .list(let items)):
      let labels = values.map { engine.displayText(of: .text($0), for: kind) }
      return Set(values) == Set(items) && values.count == items.count
        || Set(labels) == Set(items) && labels.count == items.count
    case (_, .list):
      return false
    }
  }

  static func describe(_ value: Value, kind: AnswerKind?, engine: Engine) -> String {
    switch value {
    case .none: return "empty"
    case .text(let text):
      let label = engine.displayText(of: value, for: kind)
      return label == text ? "'\(text)'" : "'\(text)' (\(label))"
    case .list(let values): return "[\(values.joined(separator: ", "))]"
    case .bool(let flag): return flag ? "yes" : "no"
    default: return "'\(value.displayText)'"
    }
  }
}
