import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

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
      Graph.self, TestCases.self, Tour.self,
    ],
    defaultSubcommand: Run.self
  )

  /// The names of the commands, as typed.
  static var commandNames: [String] { configuration.subcommands.map { $0._commandName } }

  /// Parses and runs a command. A ``CoachFailure`` is said on standard error (its details,
  /// then `coach: …`) and ends the program with its status; usage errors are argument
  /// parser's, with its usage line.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      try CommandLineMistakes.check(arguments, commands: commandNames)
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let failure as CoachFailure {
      StandardStreams().writeError(failure.text)
      Foundation.exit(failure.status.rawValue)
    } catch {
      // Argument parser's messages quote what was typed: through the sanitiser too.
      let status = exitCode(for: error)
      let message = fullMessage(for: error)
      if !message.isEmpty {
        let streams = StandardStreams()
        if status == .success {
          streams.write(message + "\n")
        } else {
          streams.writeError(message + "\n")
        }
      }
      Foundation.exit(status.rawValue)
    }
  }

  /// What every command is launched with: read once, here.
  static func launch() throws(CoachFailure) -> Launch {
    try Launch.process(builtIn: EmbeddedFiles.files, prepared: EmbeddedFiles.prepared)
  }
}

/// A command that does its work with what it is launched with, and nothing else: so a test can
/// run it in process with a launch of its own.
protocol LaunchedCommand: ParsableCommand {
  func run(launch: Launch) throws
}

extension LaunchedCommand {
  func run() throws {
    umask(0o077)
    Terminal.quitQuietly()
    try run(launch: try Coach.launch())
  }
}

/// Mistakes on the command line that argument parsing alone would blame on the wrong word.
enum CommandLineMistakes {
  static func check(_ arguments: [String], commands: [String]) throws(CoachFailure) {
    // `coach help foo`: there is no command foo.
    if arguments.first == "help", arguments.count >= 2, !commands.contains(arguments[1]) {
      throw unknownCommand(arguments[1], commands: commands)
    }
  }

  /// "unknown command 'sesions'; did you mean 'sessions'?"
  static func unknownCommand(_ word: String, commands: [String]) -> CoachFailure {
    var message = "unknown command '\(Sanitizer.clean(word, limit: 40))'"
    if let guess = Suggestion.closest(to: word, among: commands) {
      message += "; did you mean '\(guess)'?"
    } else {
      message +=
        "; the commands are \(commands.joined(separator: ", ")) ('coach help COMMAND' says more)"
    }
    return CoachFailure(.usage, message)
  }
}
