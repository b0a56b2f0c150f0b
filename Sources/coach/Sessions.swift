import ArgumentParser
import CoachKit
import CoachTerminal
import CoachWording
import Foundation

/// `coach sessions`: the saved sessions, and deleting them for good.
struct Sessions: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "List saved sessions, or delete them.",
    discussion:
      "'coach sessions' lists them; 'coach sessions --json' prints them as JSON for scripts (see docs/sessions.schema.json).",
    subcommands: [List.self, Delete.self, Repair.self],
    defaultSubcommand: List.self)

  struct List: LaunchedCommand {
    static let configuration = CommandConfiguration(
      abstract: "List saved sessions, oldest first.",
      discussion: TextWrapper.reflow(
        """
        --json prints a JSON array with one object per session (id, dialogue, title, startedAt,
        lastActivityAt, timeZone, activeMinutes, state, answers, waitingIn, follows, checkins,
        facilitated), as described by docs/sessions.schema.json.
        """))

    @Flag(help: "Print the sessions as JSON, for scripts (see docs/sessions.schema.json).")
    var json = false

    func run(launch: Launch) throws {
      let sessions = try SavedSessions(launch: launch)
      let listing = SessionListing(sessions: sessions)
      for problem in listing.problems { launch.warn(problem) }
      if json {
        launch.output.write(listing.json())
        return
      }
      guard !listing.entries.isEmpty else {
        launch.say("No saved sessions (they are kept in \(sessions.store.folder)).")
        return
      }
      launch.output.write(listing.table())
      let anyUnfinished = listing.entries.contains { $0.state == .unfinished }
      launch.say(
        anyUnfinished
          ? "\nContinue one with 'coach resume ID'; export one with 'coach export ID'."
          : "\nExport one with 'coach export ID'; check in on one with 'coach checkin ID'.")
    }
  }

  struct Delete: LaunchedCommand {
    static let configuration = CommandConfiguration(
      abstract: "Delete saved sessions for good.",
      discussion: TextWrapper.reflow(
        """
        Removes the session's answers (its log, with the check-ins that followed it) and the
        transcripts exported next to your plans; nothing can bring them back, so it asks first.
        Plans and calendar files are separate files and stay, as does any transcript written
        elsewhere with 'coach export -o'. From a script (no terminal to ask at), add --yes.
        """))

    @Argument(help: "The session's id, or the start of it.")
    var id: String?

    @Flag(help: "Delete every saved session.")
    var all = false

    @Flag(name: [.short, .long], help: "Do not ask: for scripts.")
    var yes = false

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
      var doomed: [String]
      if all {
        doomed = listing.sessions.map(\.id) + listing.damaged.map(\.id)
      } else {
        do {
          doomed = [try store.locate(id ?? "").id]
        } catch {
          throw CoachFailure(storing: error)
        }
      }
      guard !doomed.isEmpty else {
        launch.say("There are no saved sessions, so nothing was deleted.")
        return
      }
      // A session's check-ins go with it: they hold its answers too.
      let ids = Set(doomed)
      let checkins = listing.sessions.filter {
        $0.header.follows.map(ids.contains) ?? false && !ids.contains($0.id)
      }.map(\.id)
      let what = Self.describe(doomed, checkins: checkins, all: all)
      if !yes {
        guard launch.isInteractive else {
          throw CoachFailure(
            .usage,
            "deleting \(what) cannot be undone, so it is confirmed at a terminal; from a script, add --yes"
          )
        }
        var lines = launch.lines(false, nil)
        launch.say("Delete \(what) for good? This cannot be undone.")
        guard case .line(let reply) = lines.readLine(prompt: "Delete? [y/N] "),
          ConfirmationText.isYes(reply)
        else {
          launch.output.write("Nothing was deleted.\n")
          return
        }
      }
      // A session running in another coach is left alone (its log is locked); the rest go.
      var exports: [String] = []
      var deleted: [String] = []
      var kept: [CoachFailure] = []
      for target in doomed + checkins {
        do {
          exports += try store.remove(target).exports
          deleted.append(target)
        } catch {
          kept.append(CoachFailure(storing: error))
        }
      }
      if !deleted.isEmpty {
        let gone = Self.describe(
          doomed.filter(deleted.contains), checkins: checkins.filter(deleted.contains),
          all: all && kept.isEmpty)
        for sentence in Self.report(gone, exports: exports, plans: try launch.paths().plans) {
          launch.say(sentence)
        }
      }
      if let first = kept.first {
        throw CoachFailure(
          first.status, first.message, details: kept.dropFirst().map(\.description))
      }
    }

    /// "session 20261129-… and its 2 check-ins", "all 5 saved sessions", "the only saved
    /// session (20261129-…)".
    static func describe(_ doomed: [String], checkins: [String], all: Bool) -> String {
      var what =
        doomed.count > 1
        ? "\(all ? "all " : "")\(doomed.count) saved sessions"
        : doomed.isEmpty
          ? "no saved session"
          : all ? "the only saved session (\(doomed[0]))" : "session \(doomed[0])"
      if !checkins.isEmpty {
        let count = checkins.count == 1 ? "check-in" : "\(checkins.count) check-ins"
        what += doomed.count == 1 ? " and its \(count)" : " and their \(count)"
      }
      return what
    }

    /// What was removed and what was not, exactly.
    static func report(_ what: String, exports: [String], plans: String) -> [String] {
      var removed = "Deleted \(what): the answers"
      if !exports.isEmpty {
        let names = exports.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        removed +=
          ", and \(exports.count == 1 ? "the transcript" : "\(exports.count) transcripts") exported next to your plans (\(names))"
      }
      return [
        removed + ".",
        "Not deleted: your plans and calendar files (in \(plans)), and any transcript you wrote elsewhere with 'coach export -o'.",
      ]
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
