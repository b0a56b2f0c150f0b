import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach checkin [SESSION]`: the five-minute follow-up on a finished session's plan.
struct Checkin: LaunchedCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkin",
    abstract: "Check in on a finished session's plan (the latest one by default).",
    discussion: TextWrapper.reflow(
      """
      A few weeks after a session: how each action went, the focus area rated again, before and
      after side by side, and what to keep, adjust or drop. Writes an updated plan next to the
      first one, and the check-in is saved with the session it follows.
      """))

  @Argument(help: "The session to check in on: its id, or the start of it.")
  var session: String?

  @ArgumentParser.Option(
    help: "A check-in dialogue (a file or folder). Default: the built-in check-in.",
    completion: .file(extensions: ["yaml", "yml"]))
  var dialogue: String?

  @OptionGroup var conversation: ConversationArguments

  func run(launch: Launch) throws {
    try SessionCommands.checkin(
      session, dialogue: dialogue, options: conversation.options(), launch: launch)
  }
}
