import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach graph PATH`: the flow of a dialogue as a Graphviz or Mermaid picture.
struct Graph: LaunchedCommand {
  static let configuration = CommandConfiguration(
    abstract: "Draw a dialogue's flow as a Graphviz (DOT) or Mermaid graph.",
    discussion: TextWrapper.reflow(
      """
      Steps are boxes grouped by section (with each section's budget), arrows carry their
      conditions; the start is marked, final steps have a double border, steps with a 'when'
      condition a dashed one. Render DOT with: coach graph PATH | dot -Tsvg -o flow.svg
      Exits 65 when the dialogue has errors (run 'coach check' for them), 66 when PATH does not exist.
      """))

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case dot
    case mermaid
  }

  @Argument(
    help: "A dialogue file or folder. Default: the built-in session.",
    completion: .file(extensions: ["yaml", "yml"]))
  var path: String?

  @ArgumentParser.Option(help: "Output format: dot (Graphviz) or mermaid.")
  var format: Format = .dot

  @ArgumentParser.Option(
    name: [.customShort("o"), .customLong("output")],
    help:
      "Write the graph to this file instead of standard output (mode 0644: it holds no answers; never through a symbolic link).",
    completion: .file())
  var output: String?

  func run(launch: Launch) throws {
    let graph = DialogueGraph(try OpenedDialogue.open(path, launch: launch).dialogue)
    let text =
      switch format {
      case .dot: graph.dot()
      case .mermaid: graph.mermaid()
      }
    guard let output else {
      launch.output.write(text)
      return
    }
    // A picture of the dialogue holds nothing of anyone's answers: readable by others (0644),
    // like the dialogue's own files. Never written through a symbolic link.
    do {
      try PrivateFiles.write(text, to: output, mode: 0o644)
    } catch {
      throw CoachFailure(.cannotCreate, error.description)
    }
  }
}
