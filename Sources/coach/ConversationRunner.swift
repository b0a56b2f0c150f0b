import CoachKit
import CoachTerminal
import Foundation

/// Runs a conversation at the terminal (readline) or through pipes (plain lines), the same way
/// for `run`, `resume` and `checkin`.
enum ConversationRunner {
  /// Runs until the dialogue ends or the person stops; returns the runtime as it stands.
  static func run(
    _ runtime: SessionRuntime, opening: Reply, clock: any SessionClock, color: Run.ColorOption,
    facilitation: FacilitatorOptions? = nil
  ) -> (runtime: SessionRuntime, status: ExitStatus) {
    let environment = ProcessInfo.processInfo.environment
    let colours = Terminal.usesColour(
      Terminal.ColourMode(rawValue: color.rawValue) ?? .auto, environment: environment,
      outputIsTerminal: isatty(STDOUT_FILENO) == 1)
    let streams = StandardStreams()
    var style: Conversation.Style
    if Terminal.isInteractive {
      style = .interactive(colours: colours) { Terminal.columns() }
    } else {
      style = .plain
      style.colours = colours
    }
    if let facilitation { style = facilitation.style(style, interactive: Terminal.isInteractive) }
    var conversation = Conversation(
      runtime: runtime, opening: opening, clock: clock, style: style,
      exports: (try? XDGPaths.current(environment))?.plans)
    let status: ExitStatus
    if Terminal.isInteractive {
      var lines = ReadlineLines(
        historyPath: HistoryFile.location(environment: environment), colours: colours, sink: streams
      )
      status = conversation.run(reading: &lines, to: streams)
    } else {
      var lines = PipedLines(echoingPromptsTo: streams)
      status = conversation.run(reading: &lines, to: streams)
    }
    if let signal = conversation.endingSignal { Terminal.end(bySignal: signal) }
    return (conversation.runtime, status)
  }
}
