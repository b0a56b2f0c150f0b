import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach resume [ID]`: goes on with a saved session where it stopped.
struct Resume: LaunchedCommand {
  static let configuration = CommandConfiguration(
    abstract: "Continue a saved session (the latest unfinished one by default).",
    discussion: TextWrapper.reflow(
      """
      Every answer is saved the moment it is given, so a session survives a closed terminal or
      a crash; the time away is not counted. A session keeps the dialogue it ran. When the
      dialogue has changed since, coach says what changed: if every answer still fits, the
      session goes on with the changed dialogue; if some answers would be asked again, you
      choose (at a terminal coach asks; a script names its choice with --dialogue). A changed
      dialogue that has errors is not run.
      """))

  @Argument(help: "The session's id, or the start of it. 'coach sessions' lists them.")
  var id: String?

  @ArgumentParser.Option(
    help: ArgumentHelp(
      "When the dialogue has changed: saved (the copy kept with the session) or current (the dialogue as it is now).",
      valueName: "saved|current"))
  var dialogue: DialogueChoice?

  @OptionGroup var conversation: ConversationArguments

  @Flag(help: "Facilitator mode: the shared screen and the facilitator's commands.")
  var facilitator = false

  @OptionGroup var room: RoomOptions

  func validate() throws { try room.validate() }

  func run(launch: Launch) throws {
    try SessionCommands.resume(
      id, dialogue: dialogue,
      options: conversation.options(
        Facilitation(isOn: facilitator || room.room, room: room.request)),
      launch: launch)
  }
}

extension DialogueChoice: ExpressibleByArgument {}
