import Foundation
import XCTest

@testable import CoachKit

/// The loader, in memory: what it reports for text that does not fit the format, and that one
/// mistake gives one message.
final class LoaderTests: XCTestCase {
  func testTheBaseDialogueIsClean() {
    XCTAssertEqual(DialogueText.findings(DialogueText.retro), [])
    let result = DialogueLoader().load(text: DialogueText.retro, name: "retro.yaml")
    XCTAssertEqual(result.dialogue?.steps.map(\.id), ["hello", "team_size", "big", "mood", "done"])
  }

  func testAMisspeltTopLevelKeyIsReportedOnceAndReadAsTheKeyItMeans() {
    let text = DialogueText.retro(("title: A short", "titel: A short"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:3:1: error: unknown key 'titel' in the dialogue; did you mean 'title'?"])
  }

  func testAMisspeltStepKeyIsReadAsTheKeyItMeans() {
    // Without recovery, 'done' would also be "the last step but not final".
    let text = DialogueText.retro(("        final: true", "        fianl: true"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:39:9: error: unknown key 'fianl' in a step; did you mean 'final'?"])
  }

  func testAMisspellingOfAKeyThatIsAlsoWrittenIsOnlyReported() {
    let text = DialogueText.retro(
      ("title: A short retro check\n", "title: A short retro check\ntitel: Again\n"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:4:1: error: unknown key 'titel' in the dialogue; did you mean 'title'?"])
  }

  func testAnUnknownKeyWithNoLookalikeListsTheKeys() {
    let text = DialogueText.retro(
      ("        final: true", "        final: true\n        colour: red"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:40:9: error: unknown key 'colour' in a step; expected one of: id, when, say, ask, notes, next, final, estimate, likely, call, with, return"
      ])
  }

  func testAKeyOfAnotherQuestionTypeSaysWhichTypesTakeIt() {
    let text = DialogueText.retro(
      ("      max: 50\n", "      max: 50\n          options: [small, big]\n"))
    XCTAssertEqual(
      DialogueText.findings(text),
      [
        "retro.yaml:20:11: error: a number question has no 'options'; only choice and multi questions do"
      ])
    let pattern = DialogueText.retro(
      ("      max: 5\n", "      max: 5\n          pattern: '[0-9]+'\n"))
    XCTAssertEqual(
      DialogueText.findings(pattern),
      ["retro.yaml:37:11: error: a scale question has no 'pattern'; only text questions do"])
  }

  func testAMisspeltQuestionTypeIsReadAsTheTypeItMeans() {
    // Its variable stays known, so the condition and text that read it are not reported too.
    let text = DialogueText.retro(("type: number", "type: nubmer"))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:16:17: error: unknown question type 'nubmer'; did you mean 'number'?"])
  }

  func testAnUnknownQuestionTypeWithNoLookalikeListsTheTypes() {
    let text = DialogueText.retro(("type: scale", "type: stars"))
    XCTAssertEqual(
      DialogueText.loaderFindings(text),
      [
        "retro.yaml:33:17: error: unknown question type 'stars'; expected one of: text, choice, multi, scale, number, yesno, moment"
      ])
  }

  func testAQuestionWithoutAPromptStillSetsItsVariable() {
    let text = DialogueText.retro(("          prompt: How many people took part?\n", ""))
    XCTAssertEqual(
      DialogueText.findings(text),
      ["retro.yaml:16:11: error: this question needs 'prompt': the question as the person reads it"]
    )
  }

  // MARK: - Read ahead of time

  /// A dialogue read from its prepared form (how the built-in ones load) is the dialogue read from
  /// its text: same steps, same places, same findings; a damaged form is read from the text.
  func testAPreparedDialogueLoadsAsItsText() throws {
    let text = DialogueText.retro(("        final: true", "        fianl: true"))
    let files = ["retro.yaml": text]
    let prepared = try XCTUnwrap(PreparedYAML.prepare(Array(text.utf8), file: "retro.yaml"))
    for form in [prepared, Array(prepared.dropLast(7)), [0x61, 0x3A]] {
      var source = DialogueSource.inMemory(files)
      source.prepared = { $0 == "retro.yaml" ? form : nil }
      let fromForm = try DialogueLoader(source: source).load(path: "retro.yaml")
      let fromText = try DialogueLoader(source: .inMemory(files)).load(path: "retro.yaml")
      XCTAssertEqual(DialogueText.findings(fromForm), DialogueText.findings(fromText))
      XCTAssertEqual(
        fromForm.dialogue?.steps.map(\.location), fromText.dialogue?.steps.map(\.location))
      XCTAssertEqual(fromForm.dialogue?.fingerprint, fromText.dialogue?.fingerprint)
    }
    XCTAssertEqual(
      DialogueText.findings(try DialogueLoader(source: .inMemory(files)).load(path: "retro.yaml")),
      ["retro.yaml:39:9: error: unknown key 'fianl' in a step; did you mean 'final'?"])
  }

  // MARK: - Folders and includes

  /// `retro` split in two: `d/dialogue.yaml` includes `d/feelings.yaml`, which holds the second
  /// section.
  static func folder(feelings: String = feelingsSection, include: String = "feelings.yaml")
    -> [String: String]
  {
    let parts = DialogueText.retro.components(separatedBy: "  - id: feelings\n")
    let main = parts[0].replacingOccurrences(
      of: "start: hello\n", with: "start: hello\ninclude:\n  - \(include)\n")
    return ["d/dialogue.yaml": main, "d/feelings.yaml": feelings]
  }

  static let feelingsSection =
    "sections:\n  - id: feelings\n"
    + DialogueText.retro.components(separatedBy: "  - id: feelings\n")[1]

  func testAFolderDialogueReadsItsIncludedFiles() throws {
    XCTAssertEqual(try DialogueText.findings(files: Self.folder(), main: "d"), [])
    let result = try DialogueLoader(source: .inMemory(Self.folder())).load(path: "d")
    XCTAssertEqual(result.dialogue?.files, ["d/dialogue.yaml", "d/feelings.yaml"])
    XCTAssertEqual(result.dialogue?.step("mood")?.location.description, "d/feelings.yaml:6:9")
  }

  func testAMissingIncludeIsOneMessageAtItsName() throws {
    XCTAssertEqual(
      try DialogueText.findings(files: Self.folder(include: "feelings.yml"), main: "d"),
      [
        "d/dialogue.yaml:7:5: error: cannot include 'feelings.yml': no such file next to d/dialogue.yaml; did you mean 'feelings.yaml'?"
      ])
    XCTAssertEqual(
      try DialogueText.findings(files: Self.folder(include: "moods.yaml"), main: "d"),
      [
        "d/dialogue.yaml:7:5: error: cannot include 'moods.yaml': no such file next to d/dialogue.yaml"
      ])
  }

  /// A mistyped name gets the file that is there.
  func testAMistypedIncludeGetsTheNameOfTheFileThatIsThere() throws {
    var files = Self.folder(include: "option.yaml")
    files["d/options.yaml"] = Self.feelingsSection
    XCTAssertEqual(
      try DialogueText.findings(files: files, main: "d"),
      [
        "d/dialogue.yaml:7:5: error: cannot include 'option.yaml': no such file next to d/dialogue.yaml; did you mean 'options.yaml'?"
      ])
  }

  /// `include` and `template_file` read only files inside the dialogue's folder, and a refused
  /// file is never read.
  func testFilesOutsideTheDialoguesFolderAreNotRead() throws {
    let reads = Reads()
    for name in ["/etc/passwd", "../secret.yaml", "sub/../feelings.yaml", "~/secret.yaml"] {
      let files = Self.folder(include: name).merging(["secret.yaml": "root:x:0:0\n"]) { $1 }
      let memory = DialogueSource.inMemory(files)
      let source = DialogueSource(
        entry: memory.entry,
        read: { path in
          reads.add(path)
          return try memory.read(path)
        }, resolve: memory.resolve, list: memory.list)
      let findings = DialogueText.findings(try DialogueLoader(source: source).load(path: "d"))
      XCTAssertEqual(findings.count, 1, "\(name): \(findings)")
      XCTAssertTrue(
        findings.first?.hasPrefix("d/dialogue.yaml:7:5: error: cannot include '\(name)': ") == true,
        "\(name): \(findings)")
      XCTAssertFalse(findings.joined().contains("root:x"), name)
    }
    XCTAssertEqual(reads.paths, Array(repeating: "d/dialogue.yaml", count: 4))
    var plan = Self.folder()
    plan["d/dialogue.yaml"]! += "plan:\n  template_file: ../plan.md\n"
    XCTAssertEqual(
      try DialogueText.findings(files: plan, main: "d").first,
      "d/dialogue.yaml:30:18: error: cannot read the template file '../plan.md': '..' is not allowed in a file name, since a dialogue reads only files in its own folder; name the file from there (or copy it there)"
    )
  }

  func testAFolderIsNotAFileToInclude() throws {
    var files = Self.folder(include: "more")
    files["d/more/x.yaml"] = Self.feelingsSection
    XCTAssertEqual(
      try DialogueText.findings(files: files, main: "d"),
      ["d/dialogue.yaml:7:5: error: cannot include 'more': it is a folder; name a file"])
  }

  func testAnIncludedFileThatDoesNotParseIsOneMessageInThatFile() throws {
    let broken = Self.feelingsSection.replacingOccurrences(
      of: "title: Feelings", with: "title: Feelings: how it went")
    XCTAssertEqual(
      try DialogueText.findings(files: Self.folder(feelings: broken), main: "d"),
      [
        "d/feelings.yaml:3:20: error: YAML reads this ': ' as the start of a key and value, which cannot stand here; if the text holds ': ', put the whole text in quotes"
      ])
  }

  func testAnIncludedFileThatIsNotAMappingIsOneMessage() throws {
    XCTAssertEqual(
      try DialogueText.findings(files: Self.folder(feelings: "- mood\n- done\n"), main: "d"),
      [
        "d/feelings.yaml:1:1: error: an included file should be a mapping of keys and values, not a list"
      ])
  }
}

/// The paths a source was asked to read.
private final class Reads: @unchecked Sendable {
  private let lock = NSLock()
  private var read: [String] = []
  func add(_ path: String) { lock.withLock { read.append(path) } }
  var paths: [String] { lock.withLock { read } }
}
