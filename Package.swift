// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "coach",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "coach", targets: ["coach"]),
    .library(name: "CoachKit", targets: ["CoachKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    // The facilitator's room: a small HTTP/1.1 server on async/await and plain sockets, with no
    // dependencies of its own (a clean build ~25 s here, against ~200 s for Hummingbird on NIO).
    .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
  ],
  targets: [
    // The pure core: dialogue model, loader, checker, expressions and engine. No terminal, no files
    // beyond reading a dialogue, no clock but an injected one.
    .target(
      name: "CoachKit",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
      ]
    ),
    // What a host says: the words of notices, prompts, rejections and clocks, shared by the
    // terminal and any other front end. No readline, no files.
    .target(name: "CoachWording", dependencies: ["CoachKit"]),
    // GNU readline, linked as a system library (GPL-3.0: see LICENSE).
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    // The few C functions that touch readline's globals and the signal handlers around it.
    .target(
      name: "CLineEditing",
      dependencies: ["CReadline"],
      linkerSettings: [.linkedLibrary("readline")]
    ),
    // The edges: how a session is shown and read, on a terminal or through pipes.
    .target(
      name: "CoachTerminal",
      dependencies: ["CoachKit", "CoachWording", "CoachRoomModel", "CReadline", "CLineEditing"]
    ),
    // The facilitator's room: a page served on the local network while a session runs, where
    // each participant rates team questions anonymously from their phone. A host (the terminal,
    // tests) drives it through `Room`; the QR code comes from libqrencode, loaded at run time.
    .target(
      name: "CoachRoom",
      dependencies: [
        "CoachKit", "CoachRoomModel", .product(name: "FlyingFox", package: "FlyingFox"),
      ]
    ),
    // What a host knows of a room, without its server: the question phones see, the counts, the
    // ratings of a closed round, the join code and card (with the QR code), and the messages the
    // session's process and the room's own process (`coach-room`) exchange.
    .target(name: "CoachRoomModel", dependencies: ["CoachKit"]),
    // The room's own process: `coach run --facilitator --room` starts it, so that the session's
    // process never links the HTTP server (nor Foundation's networking, which loads libcurl).
    .executableTarget(
      name: "coach-room",
      dependencies: ["CoachRoom", "CoachRoomModel", "CoachKit"]
    ),
    // A room to try by hand, without a session (see its first lines).
    .executableTarget(
      name: "coach-room-demo",
      dependencies: ["CoachRoom", "CoachRoomModel", "CoachKit"],
      path: "Examples/RoomDemo"
    ),
    .executableTarget(
      name: "coach",
      dependencies: [
        "CoachKit",
        "CoachTerminal",
        "CoachWording",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      plugins: ["EmbedDialogues"]
    ),
    // Compiles Dialogues/ into the binary, so the default session needs no files at run time;
    // it checks them first, so a dialogue with an error fails the build.
    .executableTarget(name: "DialogueEmbedder", dependencies: ["CoachKit"]),
    .plugin(name: "EmbedDialogues", capability: .buildTool(), dependencies: ["DialogueEmbedder"]),
    // Measurements for Benchmarks/run: the Yams parse floor and the engine's cost per turn.
    .executableTarget(
      name: "coach-bench",
      dependencies: ["CoachKit", "CoachTerminal", .product(name: "Yams", package: "Yams")],
      path: "Benchmarks/Sources/coach-bench"
    ),
    .testTarget(
      name: "CoachKitTests",
      dependencies: ["CoachKit", .product(name: "Yams", package: "Yams")],
      resources: [.copy("FuzzRegressions")]
    ),
    .testTarget(name: "CoachWordingTests", dependencies: ["CoachWording", "CoachKit"]),
    .testTarget(name: "CoachTerminalTests", dependencies: ["CoachTerminal", "CoachKit"]),
    // A simulated phone (URLSession) and headless Chromium, for the room's tests and the
    // end-to-end tests of a session with a room.
    .target(name: "RoomTestSupport", path: "Tests/RoomTestSupport"),
    .testTarget(
      name: "CoachRoomTests",
      dependencies: ["CoachRoom", "CoachRoomModel", "CoachKit", "RoomTestSupport"]
    ),
    .testTarget(
      name: "CoachEndToEndTests",
      dependencies: ["coach", "DialogueEmbedder", "CoachKit", "CoachTerminal", "RoomTestSupport"],
      resources: [.copy("Fixtures")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
