import CoachKit
import CoachTerminal
import Foundation
import XCTest

/// What reaches the disk as consent comes and goes: never anything without it, and once it is
/// given, the whole session in order.
final class SessionRecorderTests: XCTestCase {
  var folder: String!
  var dialogue: Dialogue!

  override func setUpWithError() throws {
    folder =
      FileManager.default.temporaryDirectory.appendingPathComponent(
        "coach-recorder-\(UUID().uuidString)"
      ).path
    let yaml = """
      id: consent
      title: Consent
      duration: 1
      sections:
        - id: only
          title: Only
          budget: 1
          steps:
            - id: keep
              ask: {type: yesno, prompt: Keep?}
              final: true
      """
    dialogue = try XCTUnwrap(
      DialogueLoader(source: .inMemory([:])).load(text: yaml, name: "c.yaml").dialogue)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(atPath: folder)
  }

  func makeRecorder() -> SessionRecorder {
    let header = LogHeader(
      session: "s", dialogue: dialogue, source: "c.yaml", startedAt: Date(timeIntervalSince1970: 0),
      timeZone: TimeZone(identifier: "UTC")!)
    return SessionRecorder(store: SessionStore(folder: folder), header: header)
  }

  func entry(_ text: String) -> LogEntry {
    LogEntry(at: Date(timeIntervalSince1970: 1), event: .answer(text))
  }

  /// The answers on disk, in order; nil when there is no log.
  func onDisk() throws -> [String]? {
    let path = folder + "/s.jsonl"
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    return try SessionLogContents.read(path).entries.map {
      if case .answer(let text) = $0.event { return text }
      return "?"
    }
  }

  func testNothingIsWrittenUntilConsentThenEverything() throws {
    let recorder = makeRecorder()
    try recorder.record(entry("a"), consent: .undecided)
    XCTAssertNil(try onDisk())
    try recorder.record(entry("b"), consent: .given)
    XCTAssertEqual(try onDisk(), ["a", "b"])
  }

  func testRefusalRemovesTheLogAndConsentAgainWritesItWhole() throws {
    let recorder = makeRecorder()
    try recorder.record(entry("a"), consent: .given)
    try recorder.record(entry("b"), consent: .refused)
    XCTAssertNil(try onDisk())
    XCTAssertFalse(recorder.hasSaved)
    try recorder.record(entry("c"), consent: .given)
    XCTAssertEqual(try onDisk(), ["a", "b", "c"])
  }

  func testUndecidedAgainAfterConsentKeepsWriting() throws {
    let recorder = makeRecorder()
    try recorder.record(entry("a"), consent: .given)
    try recorder.record(entry("restart"), consent: .undecided)
    XCTAssertEqual(try onDisk(), ["a", "restart"])
  }

  func testRefusedFromTheStartNeverWrites() throws {
    let recorder = makeRecorder()
    try recorder.record(entry("a"), consent: .refused)
    try recorder.record(entry("b"), consent: .undecided)
    XCTAssertNil(try onDisk())
  }
}
