import ArgumentParser
import CoachTerminal

/// `coach`: a terminal coach for team leaders.
@main
struct Coach: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "coach",
    abstract:
      "A terminal coach for team leaders: a 20-minute session on trust that ends in an action plan.",
    discussion: TextWrapper.reflow(
      """
      With no command, runs the default session, "Elevate Your Team in Twenty Minutes".
      Everything stays on this computer.
      """),
    version: "0.1.0",
    subcommands: [
      Run.self, Resume.self, Checkin.self, Sessions.self, Export.self, Notes.self, Check.self,
      Graph.self, TestCases.self,
    ],
    defaultSubcommand: Run.self
  )
}
