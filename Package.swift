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
      dependencies: ["CoachKit", "CReadline", "CLineEditing"]
    ),
    .executableTarget(
      name: "coach",
      dependencies: [
        "CoachKit",
        "CoachTerminal",
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
    .testTarget(name: "CoachTerminalTests", dependencies: ["CoachTerminal", "CoachKit"]),
    .testTarget(
      name: "CoachEndToEndTests",
      dependencies: ["coach", "DialogueEmbedder", "CoachKit", "CoachTerminal"],
      resources: [.copy("Fixtures")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
