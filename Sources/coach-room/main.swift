// The facilitator's room as a process of its own, started by `coach run --facilitator --room`:
// it serves the phones' page and speaks with the session's process over its standard input and
// output, one JSON object a line (`RoomCommand` in, `RoomReport` out). The session's process thus
// never links the HTTP server, and the part that faces the network holds nothing of the session
// but the question open now.
//
//     coach-room --address local|loopback|IPV4 [--port N]
//
// It stops when told (`stop`) or when its standard input ends (the session's process is gone):
// phones are told the session ended, and after a short grace it no longer listens.
import CoachKit
import CoachRoom
import CoachRoomModel
import Foundation

/// Writes reports one line at a time, from the main thread and the progress watcher alike.
final class Reports: @unchecked Sendable {
  private let lock = NSLock()

  func send(_ report: RoomReport) {
    lock.withLock {
      FileHandle.standardOutput.write(Data((report.line + "\n").utf8))
    }
  }
}

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String) -> String? {
  arguments.firstIndex(of: name).flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
}
guard let addressName = option("--address") else {
  FileHandle.standardError.write(
    Data(
      "usage: coach-room --address local|loopback|IPV4 [--port N] (started by coach run --room)\n"
        .utf8))
  exit(64)
}
let listen: RoomListenAddress =
  switch addressName {
  case "local": .localNetwork
  case "loopback": .loopback
  default: .ip4(addressName)
  }
let port = option("--port").flatMap(UInt16.init) ?? 0
// Every phone on the loopback address is this computer: what one address may do is what the
// room may do.
let limits = listen == .loopback ? RoomLimits().forLoopback : RoomLimits()
let reports = Reports()
// A write to a session's process that is gone must not end this one before it has stopped.
signal(SIGPIPE, SIG_IGN)

let room: Room
do {
  room = try await Room.start(on: listen, port: port, limits: limits)
} catch {
  reports.send(.failed("\(error)"))
  exit(69)
}
reports.send(.started(page: room.pageURL, code: room.code.text))
let watching = Task.detached {
  for await progress in room.updates() { reports.send(.progress(progress)) }
}

while let line = readLine() {
  guard let command = RoomCommand(line: line) else { continue }
  switch command {
  case .open(let question):
    room.openRound(question)
    reports.send(.opened)
  case .close:
    reports.send(.closed(room.closeRound()))
  case .add(let value):
    reports.send(.added(room.addRating(value)))
  case .takeParked:
    reports.send(.parked(room.takeParked()))
  case .stop:
    break
  }
  if command == .stop { break }
}
// Told to stop, or the session's process is gone. Only phones that joined need the grace.
await room.stop(grace: room.progress.joined > 0 ? Room.stopGrace : .zero)
watching.cancel()
reports.send(.stopped)
