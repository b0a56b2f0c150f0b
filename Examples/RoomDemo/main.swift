// A room to try by hand, without a session: `swift run coach-room-demo` (loopback) or
// `swift run coach-room-demo --lan` (phones on the same Wi-Fi). Type `open TEXT` to open a round
// on a 1–5 scale (`open10 TEXT` for 0–10), `close` to close it, `parked` for the parking lot,
// `quit` to stop.
import CoachKit
import CoachRoom
import Foundation
import CoachRoomModel

let arguments = CommandLine.arguments.dropFirst()
let listen: RoomListenAddress = arguments.contains("--lan") ? .localNetwork : .loopback
let port =
  arguments.firstIndex(of: "--port").flatMap { index in
    arguments.index(after: index) < arguments.endIndex ? UInt16(arguments[index + 1]) : nil
  } ?? 0

let room: Room
do {
  room = try await Room.start(on: listen, port: port)
} catch {
  FileHandle.standardError.write(Data("coach-room-demo: \(error)\n".utf8))
  exit(69)
}
print(JoinCard(room: room).lines(width: 80).joined(separator: "\n"))
print("\nLink: \(room.joinURL)\nCommands: open TEXT, open10 TEXT, close, parked, quit")

// Detached: the loop below blocks the main thread in readLine.
let watching = Task.detached {
  var last = -1
  for await progress in room.updates() where progress.version != last {
    last = progress.version
    let rated = progress.round.map { ", \($0.rated) rated" } ?? ""
    print(
      "[\(progress.joined) joined\(rated), \(progress.parkedWaiting) parked, \(progress.refused) refused]"
    )
  }
}

var serial = 0
while let line = readLine() {
  let words = line.split(separator: " ", maxSplits: 1).map(String.init)
  switch words.first {
  case "open", "open10":
    serial += 1
    let text = words.count > 1 ? words[1] : "Question \(serial)"
    let scale: AnswerKind.Scale =
      words.first == "open10"
      ? .init(min: 0, max: 10, minLabel: "Not at all", maxLabel: "Certainly")
      : .init(min: 1, max: 5, minLabel: "Strongly disagree", maxLabel: "Strongly agree")
    room.openRound(RoomQuestion(id: "q\(serial)", text: text, scale: scale))
  case "close":
    if let ratings = room.closeRound() {
      print(
        "\(ratings.count) rated: \(ratings.values.map { "\($0)" } ?? "fewer than three, hidden")")
    }
  case "parked":
    for item in room.takeParked() { print("- \(item)") }
  case "quit":
    break
  default:
    print("Commands: open TEXT, open10 TEXT, close, parked, quit")
    continue
  }
  if words.first == "quit" { break }
}
await room.stop()
watching.cancel()
