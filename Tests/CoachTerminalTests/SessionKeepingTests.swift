import CoachKit
import CoachTerminal
import Foundation
import XCTest

/// What reaches the disk as consent comes and goes: never anything without it, and once it is
/// given, the whole session in order. The runtime decides; the file store writes.
final class SessionKeepingTests: XCTestCase {
  var folder: String!
  var dialogue: Dialogue!
  let start = Date(timeIntervalSince1970: 0)

  override func setUpWithError() throws {
    folder =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "coach-keeping-\(UUID().uuidString)"
      ).path
    // Kept only with a yes to "Keep?"; "Name?" comes before it, "More?" after.
    let yaml = """
      id: consent
      title: Consent
      duration: 1
      keep_answers_if: keep
      sections:
        - id: only
          title: Only
          budget: 1
          steps:
            - id: name
              ask: {type: text, prompt: Name?}
            - id: keep
              ask: {type: yesno, prompt: Keep?}
            - id: more
              ask: {type: text, prompt: More?}
              final: true
      """
    dialogue = try XCTUnwrap(
      DialogueLoader(source: .inMemory([:])).load(text: yaml, name: "c.yaml").dialogue)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  func makeRuntime() -> SessionRuntime {
    let header = LogHeader(
      session: "s", dialogue: dialogue, source: "c.yaml", startedAt: start,
      timeZone: TimeZone(identifier: "UTC")!)
    return SessionRuntime.start(
      dialogue, header: header, store: FileEventStore(sessions: SessionStore(folder: folder))
    ).0
  }

  /// The events on disk, in order (an answer's text, or the event's kind); nil when there is
  /// no log.
  func onDisk() throws -> [String]? {
    let path = folder + "/s.jsonl"
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try SessionLogContents.read(path).entries.map {
      switch $0.event {
      case .answer(let text): text
      default: "\($0.event)"
      }
    }
  }

  /// The presenter view follows a session not saved yet through its pending file; one whose id
  /// could name a file outside the sessions folder is passed over.
  func testAPendingSessionIsFollowedOnlyWithAnIdThatStaysInItsFolder() throws {
    let pending = folder + "/pending"
    // The one outside is the later: it would be followed if its id were not checked.
    for (id, minute) in [("20261129-090000-ab12", 0.0), ("../outside", 1)] {
      let header = LogHeader(
        session: id, dialogue: dialogue, source: "c.yaml", startedAt: start + minute * 60,
        timeZone: TimeZone(identifier: "UTC")!)
      try PendingSessionFile(folder: pending, session: id.replacingOccurrences(of: "/", with: "_"))
        .write(header)
    }
    XCTAssertEqual(PendingSessionFile.latest(in: pending)?.session, "20261129-090000-ab12")
  }

  func testNothingIsWrittenUntilConsentThenEverything() throws {
    var runtime = makeRuntime()
    _ = try runtime.handle(.answer("a"), at: start)
    XCTAssertNil(try onDisk())
    _ = try runtime.handle(.answer("yes"), at: start)
    XCTAssertEqual(try onDisk(), ["a", "yes"])
  }

  func testRefusalRemovesTheLogAndConsentAgainWritesItWhole() throws {
    var runtime = makeRuntime()
    _ = try runtime.handle(.answer("a"), at: start)
    _ = try runtime.handle(.answer("yes"), at: start)
    XCTAssertEqual(try onDisk(), ["a", "yes"])
    _ = try runtime.handle(.back, at: start)
    _ = try runtime.handle(.answer("no"), at: start)
    XCTAssertNil(try onDisk())
    XCTAssertFalse(runtime.isKept)
    _ = try runtime.handle(.back, at: start)
    _ = try runtime.handle(.answer("yes"), at: start)
    XCTAssertEqual(try onDisk(), ["a", "yes", "back", "no", "back", "yes"])
  }

  func testUndecidedAgainAfterConsentKeepsWriting() throws {
    var runtime = makeRuntime()
    _ = try runtime.handle(.answer("a"), at: start)
    _ = try runtime.handle(.answer("yes"), at: start)
    _ = try runtime.handle(.restart, at: start)
    XCTAssertEqual(try onDisk(), ["a", "yes", "restart"])
  }

  func testRefusedFromTheStartNeverWrites() throws {
    var runtime = makeRuntime()
    _ = try runtime.handle(.answer("a"), at: start)
    _ = try runtime.handle(.answer("no"), at: start)
    _ = try runtime.handle(.answer("b"), at: start)
    XCTAssertNil(try onDisk())
    XCTAssertTrue(runtime.isFinished)
  }
}
