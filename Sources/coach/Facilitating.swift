import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `--facilitator`, `--participants` and `--room` for `coach run`.
struct FacilitatorOptions: ParsableArguments {
  @Flag(
    help:
      "Facilitator mode: a shared screen for a projector or screen share (no private notes on it), the agenda clock, and /next, /extend, /pause, /resume, /park, /jump. Follow along privately with 'coach notes' in a second terminal."
  )
  var facilitator = false

  @ArgumentParser.Option(
    help: ArgumentHelp(
      "With --facilitator: how many people rate the team questions, from \(Participants.minimum) to \(Participants.maximum) (ratings are anonymous, so never fewer than \(Participants.minimum)). With --room, the phones that join are counted instead.",
      valueName: "N"))
  var participants: String?

  @OptionGroup var room: RoomOptions

  func validate() throws {
    if let participants {
      guard facilitator else {
        throw ValidationError("--participants works with --facilitator")
      }
      guard Participants(parsing: participants) != nil else {
        throw ValidationError(
          "--participants takes how many people rate, a number from \(Participants.minimum) to \(Participants.maximum): ratings are anonymous, and fewer than \(Participants.minimum) could be told apart (names are not taken)"
        )
      }
    }
    if room.room, !facilitator {
      throw ValidationError("--room works with --facilitator")
    }
    try room.validate()
  }

  /// What the options ask for.
  var facilitation: Facilitation {
    let counted = participants.flatMap(Participants.init(parsing:))
    return Facilitation(
      isOn: facilitator, participants: counted ?? (room.room ? .counted : nil),
      room: room.request)
  }
}

/// `--room`, `--room-address` and `--room-port`, for `coach run` and `coach resume`.
struct RoomOptions: ParsableArguments {
  @Flag(
    help:
      "With --facilitator: serve a page on the local network while the session runs, where each participant rates the team questions on their own phone, anonymously (a QR code, an address and a join code on the shared screen). See 'man coach' or docs/room.md for exactly what travels and what is kept."
  )
  var room = false

  @ArgumentParser.Option(
    name: .customLong("room-address"),
    help: ArgumentHelp(
      "The IPv4 address the room listens on (default: this computer's address on the local network; 127.0.0.1 to try it on this computer only).",
      valueName: "ADDRESS"))
  var address: String?

  @ArgumentParser.Option(
    name: .customLong("room-port"),
    help: ArgumentHelp(
      "The port the room listens on (default: any free one).", valueName: "PORT"))
  var port: UInt16?

  func validate() throws {
    if (address != nil || port != nil) && !room {
      throw ValidationError("--room-address and --room-port work with --room")
    }
    if let address,
      address.split(separator: ".").count != 4
        || !address.split(separator: ".").allSatisfy({ UInt8($0) != nil })
    {
      throw ValidationError("--room-address takes an IPv4 address such as 192.168.1.23")
    }
  }

  /// Where to listen, when a room is asked for.
  var request: RoomRequest? {
    guard room else { return nil }
    let listen = address.map { $0 == "127.0.0.1" ? "loopback" : $0 }
    return RoomRequest(address: listen, port: port ?? 0)
  }
}
