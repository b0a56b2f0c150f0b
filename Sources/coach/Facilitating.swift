import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `--facilitator` and `--participants` for `coach run` and `coach resume`.
struct FacilitatorOptions: ParsableArguments {
  @Flag(
    help:
      "Facilitator mode: a shared screen for a projector or screen share (no private notes on it), the agenda clock, and /next, /extend, /pause, /resume, /park, /jump. Follow along privately with 'coach notes' in a second terminal."
  )
  var facilitator = false

  @ArgumentParser.Option(
    help: ArgumentHelp(
      "With --facilitator: who rates the team questions: a number (anonymous), or initials (\"A,B,C\"), which are stored.",
      valueName: "N|NAMES"))
  var participants: String?

  func validate() throws {
    guard let participants else { return }
    guard facilitator else {
      throw ValidationError("--participants works with --facilitator")
    }
    guard Participants(parsing: participants) != nil else {
      throw ValidationError(
        "--participants takes a number from 1 to \(Participants.maximum), or different names separated by commas"
      )
    }
  }

  /// What the options ask for.
  var facilitation: Facilitation {
    Facilitation(isOn: facilitator, participants: participants.flatMap(Participants.init(parsing:)))
  }
}
