import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach run [DIALOGUE]`: works through a dialogue, the default session when none is named.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a session (the default when no command is given).",
    discussion: """
      When standard input is not a terminal, answers are read one per line and the conversation
      is written as plain text: handy for scripts and tests. Type /help during a session for the
      commands (/back, /skip, /where, /time, /quit…).
      """)

  @Argument(help: "A dialogue file or folder. Default: the built-in session.", completion: .file(extensions: ["yaml", "yml"]))
  var dialogue: String?

  @ArgumentParser.Option(
    name: .customLong("plan-out"),
    help: "Write the plan here (default: $XDG_DATA_HOME/coach/plans/DATE-NAME.md), its calendar file next to it.",
    completion: .file(extensions: ["md"]))
  var planOut: String?

  func run() throws {
    umask(0o077)
    let loaded = try DialogueLoading.load(dialogue)
    let engine = Engine(dialogue: loaded, clock: try PlanSaving.clock())
    var conversation = Conversation(engine: engine, style: .plain)
    let streams = StandardStreams()
    var lines = PipedLines(echoingPromptsTo: streams)
    let status = conversation.run(reading: &lines, to: streams)
    if status != .ok { throw ExitCode(status.rawValue) }
    try PlanSaving.save(engine, conversation.session, planOut: planOut, to: streams)
  }
}

/// Loading a dialogue for the command line: the path given or the built-in default, checked,
/// with errors on standard error and the right exit code.
enum DialogueLoading {
  static func load(_ path: String?) throws -> Dialogue {
    let result: DialogueLoader.Result
    do {
      if let path {
        result = try DialogueLoader().load(path: path)
      } else {
        result = try EmbeddedDialogues.loadDefault()
      }
    } catch {
      FileHandle.standardError.write(Data("coach: \(error)\n".utf8))
      throw ExitCode(ExitStatus.noInput.rawValue)
    }
    var findings = result.diagnostics
    if let dialogue = result.dialogue, !findings.hasErrors { findings += DialogueChecker().check(dialogue) }
    let errors = findings.errors
    guard let dialogue = result.dialogue, errors.isEmpty else {
      let shown = errors.prefix(20).map { "\($0)\n" }.joined()
      let more = errors.count > 20 ? "… and \(errors.count - 20) more; run 'coach check' for all of them\n" : ""
      FileHandle.standardError.write(Data((shown + more + "coach: the dialogue has errors; nothing was run\n").utf8))
      throw ExitCode(ExitStatus.dataError.rawValue)
    }
    return dialogue
  }
}
