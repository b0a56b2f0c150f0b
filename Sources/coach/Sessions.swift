import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach sessions`: the saved sessions, and deleting them for good.
struct Sessions: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List saved sessions, or delete them.",
    subcommands: [List.self, Delete.self],
    defaultSubcommand: List.self)

  struct List: LaunchedCommand {
    static let configuration = CommandConfiguration(abstract: "List saved sessions, oldest first.")

    func run(launch: Launch) throws {
      let sessions = try SavedSessions(launch: launch)
      let store = sessions.store
      let all = store.list()
      for problem in all.problems { launch.warn(problem) }
      guard !all.sessions.isEmpty else {
        launch.output.write("No saved sessions (they are kept in \(store.folder)).\n")
        return
      }
      // Check-ins are listed under the session they follow.
      let ids = Set(all.sessions.map(\.id))
      var ordered: [(saved: SessionStore.Saved, isCheckin: Bool)] = []
      for saved in all.sessions where saved.header.follows.map({ !ids.contains($0) }) ?? true {
        ordered.append((saved, false))
        for checkin in all.sessions
        where saved.header.follows == nil && checkin.header.follows == saved.id {
          ordered.append((checkin, true))
        }
      }
      var rows = [["id", "dialogue", "started", "progress"]]
      for (saved, isCheckin) in ordered {
        let progress: String
        if let transcript = (try? sessions.open(saved))?.transcript {
          let answered = transcript.finalAnswers.count
          let answers = "\(answered) answer\(answered == 1 ? "" : "s")"
          progress = transcript.isFinished ? "finished, \(answers)" : "\(answers) so far"
        } else {
          progress = "\(saved.contents.entries.count) events (dialogue not found)"
        }
        rows.append([
          isCheckin ? "└ " + saved.id : saved.id, saved.header.dialogue,
          LocalTime(saved.header).dateTime(saved.header.startedAt), progress,
        ])
      }
      // Columns as wide as their widest cell, two spaces apart.
      let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
      for row in rows {
        launch.output.write(
          (0..<3).map { row[$0].padding(toLength: widths[$0] + 2, withPad: " ", startingAt: 0) }
            .joined() + row[3] + "\n")
      }
      let anyUnfinished = rows.dropFirst().contains { !$0[3].hasPrefix("finished") }
      launch.output.write(
        anyUnfinished
          ? "\nContinue one with 'coach resume ID'; export one with 'coach export ID'.\n"
          : "\nExport one with 'coach export ID'; check in on one with 'coach checkin ID'.\n")
    }
  }

  struct Delete: LaunchedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete saved sessions for good.",
      discussion:
        "Removes the session's log and nothing can bring it back. Plans you saved are separate files."
    )

    @Argument(help: "The session's id, or the start of it.")
    var id: String?

    @Flag(help: "Delete every saved session.")
    var all = false

    func validate() throws {
      if (id == nil) == !all {
        throw ValidationError("name one session's ID, or give --all")
      }
    }

    func run(launch: Launch) throws {
      let sessions = try SavedSessions(launch: launch)
      let store = sessions.store
      let doomed =
        all ? store.list().sessions : [try sessions.find(id, latest: "saved") { _ in false }]
      // A session's check-ins go with it: they hold its answers too.
      let all = store.list().sessions
      let ids = Set(doomed.map(\.id))
      let checkins = all.filter {
        $0.header.follows.map(ids.contains) ?? false && !ids.contains($0.id)
      }
      // At a terminal, --all asks first; scripts (no terminal) are taken at their word.
      if self.all, launch.isInteractive {
        var lines = launch.lines(false, nil)
        let question = "Delete all \(doomed.count) saved sessions for good? [y/N] "
        guard case .line(let reply) = lines.readLine(prompt: question),
          ["y", "yes"].contains(reply.trimmingCharacters(in: .whitespaces).lowercased())
        else {
          launch.output.write("Nothing was deleted.\n")
          return
        }
      }
      for saved in doomed + checkins {
        do {
          try store.remove(saved.id)
        } catch {
          throw CoachFailure(storing: error)
        }
      }

      launch.output.write(
        doomed.count == 1
          ? "Deleted session \(doomed[0].id).\n" : "Deleted \(doomed.count) sessions.\n")
      if !checkins.isEmpty {
        launch.output.write(
          "Deleted \(checkins.count) check-in\(checkins.count == 1 ? "" : "s") with \(doomed.count == 1 ? "it" : "them").\n"
        )
      }
      launch.output.write(
        "Any transcripts exported from them went too. Plans and calendar files are yours to keep; they are in \(try launch.paths().plans).\n"
      )
    }
  }
}
