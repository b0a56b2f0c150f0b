import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach check PATH`: finds every mistake in a dialogue before anyone runs it.
struct Check: LaunchedCommand {
  static let configuration = CommandConfiguration(
    abstract: "Check a dialogue file or folder for mistakes.",
    discussion: TextWrapper.reflow(
      """
      Prints each finding as FILE:LINE:COLUMN: error|warning: MESSAGE, then a summary with how
      long the shortest, expected and longest paths through the dialogue take (a warning when the
      expected path overruns its duration); --timing adds the expected path's minutes in each
      section beside its budget.
      Exits 0 when there are no errors, 65 when there are, 66 when PATH does not exist.
      """))

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
  }

  @Argument(
    help: "A dialogue file, or a folder holding dialogue.yaml.",
    completion: .file(extensions: ["yaml", "yml"]))
  var path: String

  @ArgumentParser.Option(help: "Output format: text, or json for editors and CI.")
  var format: Format = .text

  @Flag(help: "Also show each section's time on the expected path beside its budget.")
  var timing = false

  func run(launch: Launch) throws {
    let result: DialogueLoader.Result
    do {
      result = try DialogueLoader(source: .fileSystem).load(path: path)
    } catch {
      throw CoachFailure(.noInput, error.description)
    }
    var findings = result.diagnostics
    var pathTiming: PathTiming?
    if let dialogue = result.dialogue {
      let checked = DialogueChecker().checkAndTime(dialogue)
      findings = DialogueChecker.ordered(findings + checked.findings, files: dialogue.files)
      pathTiming = findings.hasErrors ? nil : checked.timing
    }
    let report = CheckReport(
      path: path, dialogue: result.dialogue, findings: findings, timing: pathTiming)
    switch format {
    case .text:
      launch.output.write(report.text)
      if timing, let table = report.timingTable { launch.output.write("\n" + table) }
    case .json: launch.output.write(report.json + "\n")
    }
    if findings.hasErrors { throw CoachFailure.quietly(.dataError) }
  }
}
