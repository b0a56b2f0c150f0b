import Foundation
import XCTest

@testable import CoachKit

/// Format 1's newer features as an author writes them and a person meets them: functions, flows
/// (sub-conversations with parameters), answer checks, options worked out from answers, labels
/// with placeholders, `{{= }}`, `{{#if}}`, variants and `visits()`.
final class FormatFeaturesTests: XCTestCase {
  static let yaml = """
    format: 1
    id: t
    title: T
    duration: 5
    functions:
      score(a, b): (mean(a, b) - 1) * 25
      band(s): if(s >= 75, "strength", if(s >= 50, "build", "priority"))
    computed:
      total: score(x, y)
      total_band: band(total)
    flows:
      - id: plan_action
        params: {number: number, menu: text}
        steps:
          - id: what
            ask:
              type: text
              prompt: Action {{number}} ({{menu}}). What will you do?
              default: =menu
              checks:
                - refuse_if: matches(answer, "(?i).*\\b(later|someday)\\b.*")
                  say: "'{{answer}}' may never come."
          - id: cue
            ask: {type: text, prompt: "When will you {{what}}?"}
    sections:
      - id: one
        title: One
        budget: 5
        steps:
          - id: x
            ask: {type: scale, prompt: X?, min: 1, max: 5}
          - id: y
            ask: {type: scale, prompt: Y?, min: 1, max: 5, min_label: "below {{x}}", max_label: top}
          - id: picks
            ask:
              type: multi
              prompt: Which?
              options: [{value: a, label: Alpha}, {value: b, label: Beta}, {value: c, label: Gamma}]
          - id: top
            ask:
              type: choice
              prompt: Which matters most?
              options:
                - =picks
                - {value: none, label: "None of the {{= plural(count(picks), \\"pick\\") }}"}
          - id: a1
            call: plan_action
            with:
              number: 1
              menu: label(top, picks)
          - id: a2
            when: count(picks) >= 2
            say: Second one.
            call: plan_action
            with: {number: 2, menu: '"fixed"'}
          - id: done
            say: >
              Score {{= total }} ({{total_band}}).
              {{#if total >= 75}}Strong.{{else if total >= 50}}Building.{{else}}Start small.{{/if}}
              You will {{a1_what}} when {{a1_cue}}.{{#if answered(a2_what)}} And {{a2_what}}.{{/if}}
            final: true
    """

  let start = Date(timeIntervalSince1970: 86_400 * 20_000)

  func load(_ text: String) throws -> (Dialogue, [String]) {
    let result = DialogueLoader().load(text: text, name: "t.yaml")
    let dialogue = try XCTUnwrap(result.dialogue, "\(result.diagnostics)")
    return (dialogue, (result.diagnostics + DialogueChecker().check(dialogue)).map(\.description))
  }

  func engine(_ text: String = yaml) throws -> Engine {
    let (dialogue, findings) = try load(text)
    XCTAssertEqual(findings, [])
    return Engine(dialogue: dialogue, clock: FixedClock(start))
  }

  func testFunctionsFlowsChecksAndComputedOptionsInOneSession() throws {
    let engine = try engine()
    var (session, _) = engine.start()
    _ = engine.handle(.answer("2"), in: &session)
    // A scale label with a placeholder is filled in.
    guard case .scale(let scale)? = engine.currentPrompt(in: session)?.kind else {
      return XCTFail("y is a scale")
    }
    XCTAssertEqual(scale.minLabel, "below 2")
    _ = engine.handle(.answer("4"), in: &session)
    var reply = engine.handle(.answer("1 3"), in: &session)
    // Options worked out from the picks, labelled as the picks read, then one written out.
    XCTAssertEqual(
      reply.prompt?.kind.options.map(\.label), ["Alpha", "Gamma", "None of the 2 picks"])
    reply = engine.handle(.answer("Gamma"), in: &session)
    XCTAssertEqual(session.answers["top"], .text("c"))
    // Into the flow: its parameters are set and its texts read them by their short names.
    XCTAssertEqual(reply.prompt?.stepID, "a1.what")
    XCTAssertEqual(reply.prompt?.text, "Action 1 (Gamma). What will you do?")
    XCTAssertEqual(reply.prompt?.defaultText, "Gamma")
    XCTAssertEqual(session.answers["a1_number"], .number(1))
    // The dialogue's own check refuses, with its reason, and asks again.
    reply = engine.handle(.answer("Someday soon"), in: &session)
    XCTAssertEqual(reply.rejection?.code, .refusedByCheck("'Someday soon' may never come."))
    reply = engine.handle(.answer("ship it"), in: &session)
    XCTAssertEqual(reply.prompt?.text, "When will you ship it?")
    reply = engine.handle(.answer("on Monday"), in: &session)
    // The flow ended: on with the call's next, a second call of the same flow.
    XCTAssertEqual(reply.lines, [.say("Second one.", stepID: "a2")])
    XCTAssertEqual(reply.prompt?.stepID, "a2.what")
    XCTAssertEqual(reply.prompt?.text, "Action 2 (fixed). What will you do?")
    _ = engine.handle(.answer("write"), in: &session)
    reply = engine.handle(.answer("Friday"), in: &session)
    XCTAssertTrue(reply.isFinished)
    XCTAssertEqual(
      reply.lines,
      [
        .say(
          "Score 50 (build). Building. You will ship it when on Monday. And write.\n",
          stepID: "done")
      ])
    XCTAssertEqual(session.answers["a1_what"], .text("ship it"))
    XCTAssertEqual(session.answers["a2_cue"], .text("Friday"))
    XCTAssertEqual(engine.value(of: "total_band", in: session), .text("build"))
  }

  func testBackCrossesACallAndTheSameEventsGiveTheSameSession() throws {
    let engine = try engine()
    let events: [Event] = [
      .answer("2"), .answer("4"), .answer("1 3"), .answer("1"), .answer("first"), .back, .back,
      .answer("3"), .answer("first"), .answer("soon"), .answer("second"), .back, .back,
      .answer("again"),
    ]
    func replay() -> Session {
      var (session, _) = engine.start()
      for event in events { _ = engine.handle(event, in: &session) }
      return session
    }
    let session = replay()
    XCTAssertEqual(session, replay())
    // Two steps back from a2.what is a1.cue, answered again: the flow's answers are where they
    // were, and visits taken back.
    XCTAssertEqual(session.currentStepID, "a2.what")
    XCTAssertEqual(session.answers["top"], .text("none"))
    XCTAssertEqual(session.answers["a1_menu"], .text("none"))
    XCTAssertEqual(session.answers["a1_cue"], .text("again"))
    XCTAssertEqual(session.visits["a1.what"], 1)
    XCTAssertEqual(session.visits["a2"], 1)
  }

  func testAPassedOverCallEmptiesItsFlowAndTooFewOptionsPassAQuestionOver() throws {
    let engine = try engine()
    var (session, _) = engine.start()
    for answer in ["2", "4", "1 3", "1", "one", "today", "two", "Friday"] {
      _ = engine.handle(.answer(answer), in: &session)
    }
    XCTAssertEqual(session.answers["a2_what"], .text("two"))
    // Back to the picks, and only one this time: with "none" the choice still has two options.
    for _ in 0..<6 { _ = engine.handle(.back, in: &session) }
    XCTAssertEqual(session.currentStepID, "picks")
    var reply = engine.handle(.answer("2"), in: &session)
    XCTAssertEqual(reply.prompt?.kind.options.map(\.value), ["b", "none"])
    _ = engine.handle(.answer("1"), in: &session)
    _ = engine.handle(.answer("solo"), in: &session)
    reply = engine.handle(.answer("now"), in: &session)
    // One pick: a2 is passed over and its flow's answers and parameters are emptied.
    XCTAssertTrue(reply.isFinished)
    XCTAssertNil(session.answers["a2_what"])
    XCTAssertNil(session.answers["a2_number"])
    XCTAssertEqual(
      reply.lines,
      [.say("Score 50 (build). Building. You will solo when now.\n", stepID: "done")])
  }

  func testAComputedChoiceWithFewerThanTwoOptionsIsPassedOver() throws {
    let text = Self.yaml.replacingOccurrences(
      of:
        "            - {value: none, label: \"None of the {{= plural(count(picks), \\\"pick\\\") }}\"}\n",
      with: "")
    XCTAssertNotEqual(text, Self.yaml)
    let engine = try engine(text)
    var (session, _) = engine.start()
    _ = engine.handle(.answer("2"), in: &session)
    _ = engine.handle(.answer("4"), in: &session)
    let reply = engine.handle(.answer("2"), in: &session)
    XCTAssertEqual(reply.prompt?.stepID, "a1.what")
    XCTAssertNil(session.answers["top"])
  }

  func testVariantsFollowTheVisitsOfTheirStep() throws {
    let text = """
      format: 1
      id: v
      title: V
      duration: 2
      sections:
        - id: s
          title: S
          budget: 2
          steps:
            - id: show
              say: "{{~ first | second | last }} {{~cycle: A | B }} {{~once: x | y }}. {{~shuffle: red | green | blue | amber }}"
            - id: again
              ask: {type: yesno, prompt: "Again? ({{= visits(show) }} so far)"}
              next:
                - if: again and visits(show) < 4
                  goto: show
                - goto: done
            - id: done
              say: Done.
              final: true
      """
    let engine = try engine(text)
    func run() -> [String] {
      var (session, reply) = engine.start()
      var said: [String] = []
      for _ in 0..<4 {
        for case .say(let line, _) in reply.lines { said.append(line) }
        reply = engine.handle(.answer("y"), in: &session)
      }
      return said
    }
    let said = run()
    XCTAssertEqual(
      said.map { String($0.prefix { $0 != "." }) },
      ["first A x", "second B y", "last A ", "last B "])
    // A shuffle shows one of its alternatives, and the same ones for the same session.
    for line in said {
      XCTAssert(["red", "green", "blue", "amber"].contains(line.components(separatedBy: ". ")[1]))
    }
    XCTAssertEqual(run(), said)
    var (session, _) = engine.start()
    XCTAssertEqual(engine.currentPrompt(in: session)?.text, "Again? (1 so far)")
    _ = engine.handle(.answer("y"), in: &session)
    XCTAssertEqual(engine.currentPrompt(in: session)?.text, "Again? (2 so far)")
    _ = engine.handle(.back, in: &session)
    XCTAssertEqual(session.visits["show"], 1)
  }

  func testMistakesInTheNewKeysArePlacedAndSayWhatToDo() throws {
    func findings(_ old: String, _ new: String) throws -> [String] {
      let text = Self.yaml.replacingOccurrences(of: old, with: new)
      XCTAssertNotEqual(text, Self.yaml, old)
      return try load(text).1
    }
    XCTAssertEqual(
      try findings("total: score(x, y)", "total: scor(x, y)"),
      ["t.yaml:9:10: error: unknown function 'scor'; did you mean 'score'?"])
    XCTAssertEqual(
      try findings("total: score(x, y)", "total: score(x)"),
      ["t.yaml:9:10: error: score() takes 2 arguments, like score(a, b); got 1"])
    XCTAssertEqual(
      try findings("call: plan_action\n", "call: plan_acton\n"),
      [
        "t.yaml:47:15: error: no flow has the id 'plan_acton'; did you mean 'plan_action'?",
        "t.yaml:54:15: error: no flow has the id 'plan_acton'; did you mean 'plan_action'?",
      ])
    XCTAssertEqual(
      try findings("number: 1\n", "numbr: 1\n"),
      [
        "t.yaml:49:11: error: flow 'plan_action' has no parameter 'numbr'; did you mean 'number'?",
      ])
    XCTAssertEqual(
      try findings(
        "with: {number: 2, menu: '\"fixed\"'}", "with: {number: '\"two\"', menu: '\"fixed\"'}"),
      ["t.yaml:55:25: error: 'number' of flow 'plan_action' takes a number, but this gives text"])
    XCTAssertEqual(
      try findings("{{#if total >= 75}}", "{{#if total}}"),
      [
        "t.yaml:59:17: error: {{#if …}} needs a condition that is true or false, but this gives a number"
      ])
    XCTAssertEqual(
      try findings("Score {{= total }}", "Score {{= totl }}"),
      ["t.yaml:58:21: error: unknown name 'totl'; did you mean 'total'?"])
    XCTAssertEqual(
      try findings("{{else}}Start small.{{/if}}", "{{else}}Start small."),
      ["t.yaml:59:11: error: {{#if …}} is never closed with {{/if}}"])
    XCTAssertEqual(
      try findings("refuse_if: matches(", "refuse_if: matchs("),
      ["t.yaml:21:26: error: unknown function 'matchs'; did you mean 'match'?"])
    XCTAssertEqual(
      try findings("say: \"'{{answer}}' may never come.\"", "say: \"'{{answr}}' may never come.\""),
      ["t.yaml:22:22: error: unknown name 'answr'; did you mean 'answer'?"])
    XCTAssertEqual(
      try findings("params: {number: number, menu: text}", "params: {number: numbr, menu: text}"),
      [
        "t.yaml:13:22: error: unknown type 'numbr' for the parameter 'number'; did you mean 'number'?"
      ])
  }
}

/// A failing `plan_contains` in `coach test` shows what the plan says instead.
final class PlanContainsFailureTests: XCTestCase {
  func testTheNearestLinesOfThePlanAreShown() {
    let plan = "# Plan for Tigers\n\n| Area | Score |\n|---|---|\n| Rhythm | 87.5 |\n| Listening | 60 |\n"
    XCTAssertEqual(
      DialogueTestRunner.missing("| Rhythm | 85 |", from: plan),
      """
      the plan does not contain '| Rhythm | 85 |'; the plan's nearest lines (5 of 7):
              |---|---|
              | Rhythm | 87.5 |
              | Listening | 60 |
      """)
    XCTAssertEqual(
      DialogueTestRunner.missing("Tigers", from: "\n"),
      "the plan does not contain 'Tigers': the plan is empty")
  }
}

/// `coach graph` draws each flow once, with a dashed arrow from each step that calls it.
final class FlowGraphTests: XCTestCase {
  func testAFlowIsDrawnOnceAndEachCallPointsAtIt() throws {
    let result = DialogueLoader().load(text: FormatFeaturesTests.yaml, name: "t.yaml")
    let dot = DialogueGraph(try XCTUnwrap(result.dialogue)).dot()
    XCTAssertTrue(dot.contains("label=\"flow plan_action\";"), dot)
    XCTAssertTrue(dot.contains("\"a1\" -> \"plan_action.what\" [label=\"call\", style=dashed];"), dot)
    XCTAssertTrue(dot.contains("\"a2\" -> \"plan_action.what\" [label=\"call\", style=dashed];"), dot)
    XCTAssertTrue(dot.contains("\"plan_action.what\" -> \"plan_action.cue\";"), dot)
    XCTAssertTrue(dot.contains("\"a1\" -> \"a2\";"), dot)
    XCTAssertFalse(dot.contains("a1.what"), dot)
    XCTAssertTrue(DialogueGraph(try XCTUnwrap(result.dialogue)).mermaid().contains("-.->|call|"))
  }
}
