import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach run [DIALOGUE]`: works through a dialogue, the default session when none is named.
struct Run: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Run a session (the default when no command is given).",
    discussion: TextWrapper.reflow(
      """
      At a terminal, answers are typed with line editing, history (Up arrow) and Tab completion
      of the commands and options; Ctrl-C clears the line, Ctrl-D on an empty line asks whether
      to quit. When standard input or output is not a terminal, answers are read one per line
      and the conversation is written as plain text: handy for scripts and tests. Type /help
      during a session for the commands (/back, /skip, /where, /time, /quit…).

      Colour is used on a terminal unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE=1 or
      --color always forces it.
      """))

  @Argument(
    help: "A dialogue file or folder. Default: the built-in session.",
    completion: .file(extensions: ["yaml", "yml"]))
  var dialogue: String?

  @ArgumentParser.Option(help: "When to use colour: auto, always or never.")
  var color: ColorOption = .auto

  enum ColorOption: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
  }

  @ArgumentParser.Option(
    name: .customLong("plan-out"),
    help:
      "Write the plan here (default: $XDG_DATA_HOME/coach/plans/DATE-NAME.md), its calendar file next to it.",
    completion: .file(extensions: ["md"]))
  var planOut: String?


  @OptionGroup var facilitation: FacilitatorOptions

  func validate() throws {
    // A mistyped command ("coach sesions") would otherwise be taken for a dialogue's path.
    if let dialogue, !dialogue.contains("/"), !dialogue.contains("."),
      !FileManager.default.fileExists(atPath: dialogue)
    {
      let commands = Coach.configuration.subcommands.map { $0._commandName }
      var message = "unknown command '\(dialogue)'"
      if let guess = Suggestion.closest(to: dialogue, among: commands) {
        message += "; did you mean '\(guess)'?"
      } else {
        message += "; the commands are \(commands.joined(separator: ", ")), or name a dialogue file"
      }
      throw ValidationError(message)
    }
  }

  func run() throws {
    umask(0o077)
    let loaded = try DialogueLoading.load(dialogue)
    var engine = Engine(dialogue: loaded, clock: try PlanSaving.clock())
    engine.participants = facilitation.parsedParticipants
    // What is kept is the person's choice inside the dialogue (`keep_answers_if`, the plan's
    // `save_if`), so that what the dialogue says about saving is always true.
    let recorder = try SavedSessions.newRecorder(
      for: engine, source: DialogueLoading.source(of: dialogue),
      facilitated: facilitation.facilitator)
    let (session, status) = ConversationRunner.run(
      engine, recorder: recorder, color: color, facilitation: facilitation)
    let streams = StandardStreams()
    if status != .ok { throw ExitCode(status.rawValue) }
    try PlanSaving.save(
      engine, session, planOut: planOut, sessionID: recorder.sessionID, to: streams)
  }
}

/// Loading a dialogue for the command line: the path given or the built-in default, checked,
/// with errors on standard error and the right exit code.
enum DialogueLoading {
  /// How a saved session records where its dialogue came from.
  static func source(of path: String?) -> String {
    guard let path else { return EmbeddedDialogues.sourcePrefix + EmbeddedDialogues.defaultPath }
    if path.hasPrefix("/") { return path }
    return FileManager.default.currentDirectoryPath + "/" + path
  }

  /// The dialogue at `path`, or the built-in one at `builtIn` (the default session unless said).
  static func load(_ path: String?, builtIn: String = EmbeddedDialogues.defaultPath) throws
    -> Dialogue
  {
    let result: DialogueLoader.Result
    do {
      if let path {
        result = try DialogueLoader(source: .fileSystem).load(path: path)
      } else {
        result = try EmbeddedDialogues.load(builtIn)
      }
    } catch {
      FileHandle.standardError.write(Data("coach: \(error)\n".utf8))
      throw ExitCode(ExitStatus.noInput.rawValue)
    }
    var findings = result.diagnostics
    // A built-in dialogue was checked when the binary was built (DialogueEmbedder), so start-up
    // does not pay for checking it again.
    if let dialogue = result.dialogue, !findings.hasErrors, path != nil {
      findings += DialogueChecker().check(dialogue)
    }
    let errors = findings.errors
    guard let dialogue = result.dialogue, errors.isEmpty else {
      let shown = errors.prefix(20).map { "\($0)\n" }.joined()
      let more =
        errors.count > 20
        ? "… and \(errors.count - 20) more; run 'coach check' for all of them\n" : ""
      FileHandle.standardError.write(
        Data((shown + more + "coach: the dialogue has errors; nothing was run\n").utf8))
      throw ExitCode(ExitStatus.dataError.rawValue)
    }
    return dialogue
  }
}
