import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach export [ID]`: a saved session's transcript as Markdown, JSON, HTML or plain text.
struct Export: LaunchedCommand {
  static let configuration = CommandConfiguration(
    abstract:
      "Export a saved session's transcript (the latest session, with its check-ins, by default).",
    discussion: TextWrapper.reflow(
      """
      The transcript holds every question and answer with its local time, the sections with
      planned and actual minutes, back and skip events, and the plan; a session's export goes on
      with each check-in on it (without ID: the latest session, not a check-in). JSON follows
      docs/transcript.schema.json. Files are written privately (mode 0600), never through a
      symbolic link.
      """))

  @Flag(
    help: "Leave out answers taken back with /back or /restart (by default they are shown, marked)."
  )
  var finalOnly = false

  @Argument(help: "The session's id, or the start of it.")
  var id: String?

  @ArgumentParser.Option(help: "markdown, json, html or text.")
  var format: TranscriptFormat = .markdown

  @ArgumentParser.Option(
    name: [.short, .customLong("output")],
    help: "Write to FILE ('-' for standard output, the default).")
  var output: String = "-"

  func run(launch: Launch) throws {
    let sessions = try SavedSessions(launch: launch)
    let text: String
    do {
      text = try rendered(sessions)
    } catch {
      // A session that cannot be replayed: what its log holds, as JSON.
      guard error.status == .dataError || error.status == .noInput, let id,
        let found = try? sessions.store.locate(id)
      else { throw error }
      guard format == .json else {
        if error.message.contains("--format json") { throw error }
        throw CoachFailure(
          error.status,
          error.message + "; 'coach export \(found.id) --format json' writes what its log holds")
      }
      let contents = try SessionLogContents.read(found.path)
      launch.warn(
        "session \(found.id) cannot be replayed (\(error.message)); exporting what its log holds")
      text = LogExport.json(id: found.id, contents: contents, problems: [error.message])
    }
    if output == "-" {
      launch.output.write(text)
      return
    }
    do {
      try PrivateFiles.write(text, to: output)
    } catch {
      throw CoachFailure(.cannotCreate, "\(error)")
    }
    launch.output.writeError("Exported the session to \(output)\n")
  }

  /// The session's transcript in the chosen format, with the check-ins that followed it.
  func rendered(_ sessions: SavedSessions) throws(CoachFailure) -> String {
    // Without an id, the latest session itself: its check-ins come with it.
    let saved = try sessions.find(id, latest: "saved") { $0.header.follows == nil }
    // The session as it ran: with the copy of the dialogue kept with it.
    let opened = try sessions.openSaying(saved)
    let checkins = sessions.store.list().sessions
      .filter { $0.header.follows == saved.id }
      .compactMap { try? sessions.open($0).transcript }
    return finalOnly
      ? format.render(
        opened.transcript.withoutWithdrawnAnswers,
        checkins: checkins.map(\.withoutWithdrawnAnswers))
      : format.render(opened.transcript, checkins: checkins)
  }
}
