@testable import CoachKit
import Foundation
import XCTest

/// The session runtime with an in-memory store: the host-neutral protocol of a running session,
/// with no terminal code linked.
final class RuntimeTests: XCTestCase {
  static let nine = Date(timeIntervalSince1970: 1_795_942_800)  // 2026-11-29T09:00:00Z

  func header(_ dialogue: Dialogue, id: String = "s") -> LogHeader {
    LogHeader(
      session: id, dialogue: dialogue, source: "built-in:test", startedAt: Self.nine,
      timeZone: TimeZone(identifier: "UTC")!)
  }

  func retro() throws -> Dialogue {
    try XCTUnwrap(DialogueLoader().load(text: DialogueText.retro, name: "retro.yaml").dialogue)
  }

  /// The golden persona "self", given through the runtime as a host would, yields the transcript
  /// and plan that `coach` itself produces (`self.transcript.md` is the binary's
  /// `coach export --format markdown` of the same answers; an end-to-end test checks that side).
  func testAnInMemoryHostRunsTheDefaultSessionAsTheBinaryDoes() throws {
    let files = try RepositoryFiles.files(under: "Dialogues")
    let dialogue = try XCTUnwrap(
      DialogueLoader(source: .inMemory(files)).load(path: "Dialogues/trust-first").dialogue)
    let store = MemoryEventStore()
    var (runtime, opening) = SessionRuntime.start(
      dialogue, header: header(dialogue, id: "test-session"), store: store)
    XCTAssertNotNil(opening.prompt)
    let golden = "Tests/CoachEndToEndTests/Fixtures/golden/"
    let lines = try RepositoryFiles.text(golden + "self.in").split(
      separator: "\n", omittingEmptySubsequences: false
    ).dropLast()
    for line in lines {
      let event: Event =
        switch line {
        case "/skip": .skip
        case "/back": .back
        default: .answer(String(line))
        }
      let reply = try runtime.handle(event, at: Self.nine)
      XCTAssertNil(reply.rejection, "'\(line)' was not taken")
    }
    XCTAssertTrue(runtime.isFinished)
    let kept = try XCTUnwrap(store.header)
    let transcript = Transcript.replay(header: kept, entries: store.entries, dialogue: dialogue)
    XCTAssertEqual(
      MarkdownExport().render(transcript), try RepositoryFiles.text(golden + "self.transcript.md"))
    let plan = try XCTUnwrap(runtime.plan(at: Self.nine))
    XCTAssertTrue(
      try RepositoryFiles.text(golden + "self.out").contains(
        plan.trimmingCharacters(in: .newlines)))
  }

  /// A store that refuses to keep anything: the event is not taken, and the session stays.
  func testAnEventTheStoreCannotKeepIsNotTaken() throws {
    final class FullDisk: EventStore {
      struct Full: Error {}
      func begin(_ header: LogHeader, dialogue: DialogueSnapshot?) throws {}
      func append(_ entry: LogEntry) throws { throw Full() }
      func keep(_ dialogue: DialogueSnapshot) throws {}
      func discard() throws {}
    }
    let dialogue = try retro()
    var (runtime, _) = SessionRuntime.start(dialogue, header: header(dialogue), store: FullDisk())
    let before = runtime.session
    XCTAssertThrowsError(try runtime.handle(.answer("4"), at: Self.nine))
    XCTAssertEqual(runtime.session, before)
    XCTAssertEqual(runtime.prompt(at: Self.nine)?.stepID, "team_size")
  }

  /// What was kept, resumed, gives the same session, and says so.
  func testResumingAKeptSessionGoesOnWhereItStopped() throws {
    let dialogue = try retro()
    let store = MemoryEventStore()
    var (runtime, _) = SessionRuntime.start(dialogue, header: header(dialogue), store: store)
    _ = try runtime.handle(.answer("4"), at: Self.nine.addingTimeInterval(30))
    let (resumed, reply) = try SessionRuntime.resume(
      dialogue, header: try XCTUnwrap(store.header), entries: store.entries, store: store,
      at: Self.nine.addingTimeInterval(60))
    XCTAssertEqual(resumed.session.answers, runtime.session.answers)
    XCTAssertEqual(resumed.session.currentStepID, runtime.session.currentStepID)
    XCTAssertEqual(reply.notice, .resumed)
    XCTAssertEqual(reply.prompt?.stepID, runtime.prompt(at: Self.nine)?.stepID)
    XCTAssertTrue(resumed.isKept)
    XCTAssertEqual(store.entries.last?.event, .continue, "the return is kept")
  }

  // MARK: - The clock measures the conversation

  /// Answer, stop, a day away, resume: the clock shows the minutes spent, not the calendar's.
  func testTimeAwayIsNotCounted() throws {
    let dialogue = try retro()
    let store = MemoryEventStore()
    var (runtime, _) = SessionRuntime.start(dialogue, header: header(dialogue), store: store)
    _ = try runtime.handle(.answer("4"), at: Self.nine.addingTimeInterval(19))
    _ = try runtime.handle(.stop(.quit), at: Self.nine.addingTimeInterval(25))
    XCTAssertEqual(runtime.clock(at: Self.nine.addingTimeInterval(3600)).sessionElapsed, 25)
    let tomorrow = Self.nine.addingTimeInterval(86_400)
    var (resumed, _) = try SessionRuntime.resume(
      dialogue, header: try XCTUnwrap(store.header), entries: store.entries, store: store,
      at: tomorrow)
    XCTAssertEqual(resumed.clock(at: tomorrow.addingTimeInterval(35)).sessionElapsed, 60)
    _ = try resumed.handle(.answer("3"), at: tomorrow.addingTimeInterval(35))
    let transcript = resumed.transcript
    XCTAssertEqual(transcript.activeTime, 60)
    XCTAssertEqual(transcript.days.map(\.iso), ["2026-11-29", "2026-11-30"])
    XCTAssertEqual(transcript.breaks.count, 1)
    XCTAssertEqual(
      transcript.sectionTimes.map(\.actual).reduce(0, +), 1, "a minute in all, by section")
  }

  /// A log written before stops were recorded replays as it did; going on with it counts the
  /// time since its last event as time away.
  func testALogWithoutStopsStillReplays() throws {
    let dialogue = try retro()
    let kept = header(dialogue)
    let entries = [
      LogEntry(at: Self.nine.addingTimeInterval(40), event: .answer("4"), step: "team_size")
    ]
    let transcript = Transcript.replay(header: kept, entries: entries, dialogue: dialogue)
    XCTAssertEqual(transcript.activeTime, 40)
    XCTAssertEqual(transcript.session.answers["team_size"], .number(4))
    let store = MemoryEventStore()
    try store.begin(kept, dialogue: nil)
    for entry in entries { try store.append(entry) }
    let (resumed, _) = try SessionRuntime.resume(
      dialogue, header: kept, entries: entries, store: store,
      at: Self.nine.addingTimeInterval(7200))
    XCTAssertEqual(resumed.clock(at: Self.nine.addingTimeInterval(7210)).sessionElapsed, 50)
  }

  /// Reply says what happened to an answer, so no host has to work it out.
  func testTheReplySaysWhetherTheAnswerWasTaken() throws {
    let dialogue = try retro()
    var (runtime, _) = SessionRuntime.start(
      dialogue, header: header(dialogue), store: MemoryEventStore())
    let refused = try runtime.handle(.answer("99"), at: Self.nine)
    XCTAssertNotNil(refused.rejection)
    XCTAssertNil(refused.takenAnswer)
    let taken = try runtime.handle(.answer("4"), at: Self.nine)
    XCTAssertEqual(taken.takenAnswer?.stepID, "team_size")
    XCTAssertEqual(taken.takenAnswer?.value, .number(4))
    XCTAssertEqual(taken.takenAnswer?.text, "4")
    XCTAssertEqual(taken.takenAnswer?.question, "How many people took part?")
    XCTAssertFalse(taken.takenAnswer?.wasSkipped ?? true)
  }

  /// `/back` says what it took back, so a host can show it and put it back on the line; back
  /// into the section before, the section is said again, as when it began.
  func testBackSaysWhatItTookBackAndTheSectionItReturnsTo() throws {
    let dialogue = try retro()
    var (runtime, _) = SessionRuntime.start(
      dialogue, header: header(dialogue), store: MemoryEventStore())
    _ = try runtime.handle(.answer("4"), at: Self.nine)
    let backInSection = try runtime.handle(.answer("3"), at: Self.nine)
    XCTAssertTrue(backInSection.isFinished)

    var (again, _) = SessionRuntime.start(
      dialogue, header: header(dialogue), store: MemoryEventStore())
    _ = try again.handle(.answer("4"), at: Self.nine)
    let back = try again.handle(.back, at: Self.nine)
    XCTAssertEqual(back.notice, .wentBack(stepID: "team_size"))
    XCTAssertEqual(back.undone?.stepID, "team_size")
    XCTAssertEqual(back.undone?.value, .number(4))
    XCTAssertEqual(back.undone?.text, "4")
    XCTAssertEqual(back.undone?.question, "How many people took part?")
    XCTAssertEqual(back.prompt?.sectionID, "opening")
    // From "feelings" back to "opening": the heading comes first.
    guard case .section(let heading)? = back.lines.first else {
      return XCTFail("no section heading after going back: \(back.lines)")
    }
    XCTAssertEqual(heading.id, "opening")
    XCTAssertEqual(heading.number, 1)

    // Nothing to undo: nothing taken back, no heading.
    let nothing = try again.handle(.back, at: Self.nine)
    XCTAssertEqual(nothing.notice, .nothingToUndo)
    XCTAssertNil(nothing.undone)
    XCTAssertTrue(nothing.lines.isEmpty)
  }
}
