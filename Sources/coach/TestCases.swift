import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach test PATH`: runs the test cases kept with a dialogue in its `tests/` folder.
struct TestCases: LaunchedCommand {
  static let configuration = CommandConfiguration(
    commandName: "test",
    abstract: "Run a dialogue's test cases (the YAML files in the tests/ folder next to it).",
    discussion: TextWrapper.reflow(
      """
      Each case gives answers through the engine, with a fixed clock, then checks what it
      expects: steps visited or not, values, text in the plan, where the dialogue ends. Prints
      each case as passed or FAILED, each difference as FILE:LINE:COLUMN: MESSAGE. Exits 0 when
      every case passes, 1 when one fails, 65 when the dialogue or a case file has mistakes, 66
      when there is no dialogue or no case. See docs/dialogue-tests.md.
      """))

  @Argument(
    help: "A dialogue file, or a folder holding dialogue.yaml.",
    completion: .file(extensions: ["yaml", "yml"]))
  var path: String

  @Argument(
    help: "Case files or folders to run instead of the dialogue's tests/ folder.",
    completion: .file(extensions: ["yaml", "yml"]))
  var cases: [String] = []

  @Flag(help: "Report the steps and transitions that no case goes through.")
  var coverage = false

  func run(launch: Launch) throws {
    let dialogue = try OpenedDialogue.open(path, launch: launch).dialogue
    let files = try caseFiles()
    var all: [DialogueTestCase] = []
    var findings: [Diagnostic] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        findings.append(
          .error("cannot read the file", at: SourceLocation(file: file, line: 1, column: 1)))
        continue
      }
      let read = DialogueTestFile.read([UInt8](data), file: file, for: dialogue)
      all += read.cases
      findings += read.diagnostics
    }
    if findings.hasErrors {
      throw CoachFailure(
        .dataError, "the test cases have mistakes; none was run",
        details: findings.errors.map(\.description))
    }
    guard !all.isEmpty else {
      throw CoachFailure(.noInput, "no test cases in \(files.joined(separator: ", "))")
    }
    let runner = DialogueTestRunner(dialogue: dialogue)
    let results = all.map(runner.run)
    var out = ""
    for result in results {
      let where_ = "\(result.testCase.location.file):\(result.testCase.location.line)"
      out +=
        result.passed
        ? "passed  \(result.testCase.name)\n" : "FAILED  \(result.testCase.name) (\(where_))\n"
      for failure in result.failures { out += "    \(failure)\n" }
    }
    let failed = results.filter { !$0.passed }.count
    out +=
      "\(path): \(results.count) case\(results.count == 1 ? "" : "s"), \(results.count - failed) passed, \(failed) failed\n"
    if coverage { out += Self.coverageReport(TestCoverage(dialogue: dialogue, results: results)) }
    launch.output.write(out)
    if failed > 0 { throw ExitCode(1) }  // not a sysexits case: a test failed
  }

  /// The case files to read: those named, or the dialogue's `tests/` folder.
  func caseFiles() throws -> [String] {
    var sources = cases
    if sources.isEmpty {
      var isFolder: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
      let base = exists && isFolder.boolValue ? path : (path as NSString).deletingLastPathComponent
      sources = [base.isEmpty ? "tests" : (base as NSString).appendingPathComponent("tests")]
    }
    var files: [String] = []
    for source in sources {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder) else {
        throw CoachFailure(.noInput, "no test cases at '\(source)': no such file or folder")
      }
      if !isFolder.boolValue {
        files.append(source)
        continue
      }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? []
      files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
        (source as NSString).appendingPathComponent($0)
      }
    }
    return files
  }

  static func coverageReport(_ coverage: TestCoverage) -> String {
    let fraction = TestCoverage.fraction
    var out =
      "coverage: steps \(fraction(coverage.steps.count - coverage.missedSteps.count, coverage.steps.count))"
    out +=
      ", transitions \(fraction(coverage.edges.count - coverage.missedEdges.count, coverage.edges.count))"
    if !coverage.conditional.isEmpty {
      let both = coverage.conditional.count - coverage.neverPassedOver.count
      out += ", 'when' steps also passed over \(fraction(both, coverage.conditional.count))"
    }
    out += "\n"
    guard !coverage.isComplete else { return out }
    out += "not exercised by any case:\n"
    for step in coverage.missedSteps { out += "  \(step.location): step '\(step.id)'\n" }
    for edge in coverage.missedEdges {
      out += "  \(edge.location): transition \(edge.description)\n"
    }
    for step in coverage.neverPassedOver {
      out += "  \(step.location): step '\(step.id)' never passed over (its 'when' always held)\n"
    }
    return out
  }
}
