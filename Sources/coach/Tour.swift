import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach tour`: the built-in example of what a dialogue can do, run from the binary alone.
struct Tour: LaunchedCommand {
  static let configuration = CommandConfiguration(
    abstract: "Take a five-minute tour of what a dialogue can do.",
    discussion: TextWrapper.reflow(
      """
      Runs the example dialogue built into coach, which shows every feature of the dialogue
      format (questions of each type, branches, computed values, functions, a flow run twice,
      answer checks, text that varies). Its files are Dialogues/examples/tour in coach's
      source, and docs/dialogue-format.md describes the format.
      """))

  @OptionGroup var conversation: ConversationArguments

  func run(launch: Launch) throws {
    try SessionCommands.run(
      OpenedDialogue.tourPath, options: conversation.options(), launch: launch)
  }
}
