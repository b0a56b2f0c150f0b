import CoachKit
import Foundation

/// Facilitator mode for a run: a shared screen and the facilitator's commands, who rates the
/// team questions, and whether they rate on their phones.
public struct Facilitation: Sendable, Equatable {
  public var isOn: Bool
  public var participants: Participants?
  /// Serve the room's page while the session runs, so that the team rates on their phones.
  public var room: RoomRequest?

  public init(isOn: Bool, participants: Participants? = nil, room: RoomRequest? = nil) {
    self.isOn = isOn
    self.participants = participants
    self.room = room
  }

  public static let off = Facilitation(isOn: false)
}

/// Where the room listens: the computer's address on the local network unless told, and any
/// free port unless told (a firewall may want a fixed one).
public struct RoomRequest: Sendable, Equatable {
  /// An IPv4 address, or `loopback`; nil for the local network's.
  public var address: String?
  public var port: UInt16

  public init(address: String? = nil, port: UInt16 = 0) {
    self.address = address
    self.port = port
  }
}
