import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// `coach sessions`: the saved sessions, and deleting them for good.
struct Sessions: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List saved sessions, or delete them.",
    subcommands: [List.self, Delete.self, Repair.self],
    defaultSubcommand: List.self)

  struct List: LaunchedCommand {
    static let configuration = CommandConfiguration(abstract: "List saved sessions, oldest first.")

    func run(launch: Launch) throws {
      let sessions = try SavedSessions(launch: launch)
      let store = sessions.store
      let all = store.list()
      for problem in all.problems { launch.warn(problem) }
      guard !all.sessions.isEmpty || !all.damaged.isEmpty else {
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
        // How it stands, from the log's last line; older logs are replayed.
        var progress: String
        if let standing = saved.standing ?? (try? sessions.open(saved)).map({
          LogEntry.Standing(
            answered: $0.transcript.finalAnswers.count, isFinished: $0.transcript.isFinished)
        }) {
          let answers = "\(standing.answered) answer\(standing.answered == 1 ? "" : "s")"
          progress = standing.isFinished ? "finished, \(answers)" : "\(answers) so far"
          if sessions.lacksItsPlan(saved) {
            progress += "; plan not written: 'coach resume \(saved.id)' writes it"
          }
        } else {
          progress = "\(saved.contents.entries.count) events (dialogue not found)"
        }
        rows.append([
          isCheckin ? "└ " + saved.id : saved.id, saved.header.dialogue,
          LocalTime(saved.header).dateTime(saved.header.startedAt), progress,
        ])
      }
      for damaged in all.damaged {
        rows.append([damaged.id, "?", "", "cannot be read: \(damaged.problem)"])
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
      let listing = store.list()
      // Every log, readable or not: a damaged one can be deleted too.
      var doomed: [(id: String, path: String)]
      if all {
        doomed = listing.sessions.map { ($0.id, $0.path) } + listing.damaged.map { ($0.id, $0.path) }
      } else {
        do {
          doomed = [try store.locate(id ?? "")]
        } catch {
          throw CoachFailure(storing: error)
        }
      }
      // A session's check-ins go with it: they hold its answers too.
      let ids = Set(doomed.map(\.id))
      let checkins = listing.sessions.filter {
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
      // A session running in another coach is left alone (its log is locked); the rest go.
      var kept: [CoachFailure] = []
      var deleted: [String] = []
      for target in doomed + checkins.map({ ($0.id, $0.path) }) {
        do {
          try store.remove(target.id)
          deleted.append(target.id)
        } catch {
          kept.append(CoachFailure(storing: error))
        }
      }
      let sessionsDeleted = doomed.filter { deleted.contains($0.id) }
      let checkinsDeleted = checkins.filter { deleted.contains($0.id) }
      if sessionsDeleted.count == 1 {
        launch.output.write("Deleted session \(sessionsDeleted[0].id).\n")
      } else if !sessionsDeleted.isEmpty || kept.isEmpty {
        launch.output.write("Deleted \(sessionsDeleted.count) sessions.\n")
      }
      if !checkinsDeleted.isEmpty {
        launch.output.write(
          "Deleted \(checkinsDeleted.count) check-in\(checkinsDeleted.count == 1 ? "" : "s") with \(sessionsDeleted.count == 1 ? "it" : "them").\n"
        )
      }
      if let first = kept.first {
        throw CoachFailure(first.status, first.message, details: kept.dropFirst().map(\.description))
      }
      launch.output.write(
        "Any transcripts exported from them went too. Plans and calendar files are yours to keep; they are in \(try launch.paths().plans).\n"
      )
    }
  }

  struct Repair: LaunchedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Repair saved sessions: write plans that were never written, and tidy their logs.",
      discussion: TextWrapper.reflow(
        """
        For each saved session (or the one named) that is not running: a finished session whose
        plan was never written (the program was stopped, or the disk was full, between the last
        answer and the plan) gets its plan and calendar file; a log's torn last line is cut off
        and a log readable by others made private again; what was skipped is said. Temporary
        files left by a killed write are removed. A log that cannot be read at all is named, with
        how to export or delete it.
        """))

    @Argument(help: "The session's id, or the start of it. Default: every session.")
    var id: String?

    @ArgumentParser.Option(
      name: .customLong("plan-out"),
      help: "With a session's id: write its missing plan here (its calendar file next to it).",
      completion: .file(extensions: ["md"]))
    var planOut: String?

    func validate() throws {
      if planOut != nil && id == nil {
        throw ValidationError("--plan-out needs a session's id: one plan goes to one place")
      }
    }

    func run(launch: Launch) throws {
      try SessionCommands.repair(id, planOut: planOut, launch: launch)
    }
  }
}
