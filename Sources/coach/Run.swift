import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach run [DIALOGUE]`: works through a dialogue, the default session when none is named.
struct Run: LaunchedCommand {
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

      --accessible (or COACH_ACCESSIBLE=1 in the environment) is for screen readers: every
      line a sentence, options and charts read as words, each answer read back, and nothing
      drawn over or paged.
      """))

  @Argument(
    help: "A dialogue file or folder. Default: the built-in session.",
    completion: .file(extensions: ["yaml", "yml"]))
  var dialogue: String?

  @OptionGroup var conversation: ConversationArguments

  @OptionGroup var facilitation: FacilitatorOptions

  func run(launch: Launch) throws {
    if let dialogue { try Self.checkNotACommand(dialogue, launch: launch) }
    try SessionCommands.run(
      dialogue, options: conversation.options(facilitation.facilitation), launch: launch)
  }

  /// A word that is no path may be a command in the wrong place (`coach --color never export`)
  /// or a mistyped one (`coach sesions`); say so, rather than that no such dialogue exists.
  static func checkNotACommand(_ word: String, launch: Launch) throws(CoachFailure) {
    guard DialogueSource.fileSystem.entry(word) == .missing else { return }
    let commands = Coach.commandNames
    let explicitRun = launch.arguments.first == "run"
    // `coach run tour` asks for a dialogue named tour: there is none; the open says so, and
    // that the tour is `coach tour`.
    if commands.contains(word), !(explicitRun && word == "tour") {
      throw CoachFailure(
        .usage,
        "'\(word)' is a command, so it must come first, as in 'coach \(word) --help': what comes before a command is read as options of 'coach run'"
      )
    }
    let isBuiltIn = OpenedDialogue.builtInFolders(launch).contains {
      $0 == word || $0.hasSuffix("/" + word)
    }
    if !explicitRun, !isBuiltIn, !word.contains("/"), !word.contains(".") {
      throw CommandLineMistakes.unknownCommand(word, commands: commands)
    }
  }
}

/// `--color`, `--plan-out` and `--accessible`, for the commands that hold a conversation.
struct ConversationArguments: ParsableArguments {
  @ArgumentParser.Option(help: "When to use colour: auto, always or never.")
  var color: Terminal.ColourMode = .auto

  @ArgumentParser.Option(
    name: .customLong("plan-out"),
    help:
      "Write the plan here (default: $XDG_DATA_HOME/coach/plans/DATE-NAME.md), its calendar file next to it.",
    completion: .file(extensions: ["md"]))
  var planOut: String?

  @Flag(
    help:
      "Accessible mode, for screen readers: sentences instead of layout, no bars, no pager (also COACH_ACCESSIBLE=1)."
  )
  var accessible = false

  func options(_ facilitation: Facilitation = .off) -> ConversationOptions {
    ConversationOptions(
      colour: color, planOut: planOut, facilitation: facilitation, accessible: accessible)
  }
}

/// `--color auto|always|never`.
extension Terminal.ColourMode: ExpressibleByArgument {}
