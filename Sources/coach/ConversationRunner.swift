import CoachKit
import CoachTerminal
import Foundation

/// Runs a conversation at the terminal (readline) or through pipes (plain lines), the same way
/// for `run`, `resume` and `checkin`.
enum ConversationRunner {
  /// Runs until the dialogue ends or the person stops; returns the session as it stands.
  static func run(
    _ engine: Engine, recorder: SessionRecorder?, resuming session: Session? = nil,
    color: Run.ColorOption, facilitation: FacilitatorOptions? = nil
  ) -> (session: Session, status: ExitStatus) {
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
    var conversation =
      session.map { Conversation(engine: engine, style: style, resuming: $0, recorder: recorder) }
      ?? Conversation(engine: engine, style: style, recorder: recorder)
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
    return (conversation.session, status)
  }
}
