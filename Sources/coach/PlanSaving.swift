import ArgumentParser
import CoachKit
import CoachTerminal
import Foundation

/// What happens after a session ends: the plan (and its calendar event) written to private
/// files, unless the dialogue's `save_if` says not to, in which case nothing is written at all.
enum PlanSaving {
  static func save(
    _ engine: Engine, _ session: Session, planOut: String?, sessionID: String?,
    to streams: StandardStreams
  ) throws {
    guard session.isFinished, let plan = engine.dialogue.plan,
      let text = engine.renderedPlan(in: session)
    else { return }
    guard engine.shouldSavePlan(in: session) else {
      streams.write(
        "Nothing was saved\(planOut == nil ? "" : ", not even to --plan-out"), as you chose.\n")
      return
    }
    let today = Day(engine.clock.now(), timeZone: engine.clock.timeZone)
    let planPath: String
    do {
      if let planOut {
        let directory = (planOut as NSString).deletingLastPathComponent
        if !directory.isEmpty { try PrivateFiles.makeDirectory(directory) }
        planPath = planOut
      } else {
        let directory = PrivateFiles.plansDirectory()
        try PrivateFiles.makeDirectory(directory, tightening: true)
        planPath = PrivateFiles.unusedPath(in: directory, name: "\(today.iso)-\(plan.fileName)")
      }
      try PrivateFiles.write(
        Sanitizer.clean(text).trimmingCharacters(in: .newlines) + "\n", to: planPath)
      streams.write("Plan saved to \(planPath)\n")
      if var event = engine.calendarEvent(in: session) {
        // The reminder says how to open the check-in for this session.
        if let sessionID {
          event.description = [
            event.description?.trimmingCharacters(in: .whitespacesAndNewlines),
            "To check in, run: coach checkin \(sessionID)",
          ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        let calendarPath = PrivateFiles.companion(of: planPath, ext: "ics")
        let file = CalendarFile(
          event: event, uid: "\(UUID().uuidString.lowercased())@coach", stamp: engine.clock.now())
        try PrivateFiles.write(file.text, to: calendarPath)
        streams.write(
          "Check-in for your calendar saved to \(calendarPath) (\(event.day.longText))\n")
      }
    } catch {
      streams.writeError("coach: \(error)\n")
      throw ExitCode(ExitStatus.cannotCreate.rawValue)
    }
  }

  /// Writes a finished session's transcript (Markdown) next to the plans, for a check-in whose
  /// record belongs with the plan it updates.
  static func saveTranscript(of runtime: SessionRuntime, to streams: StandardStreams) throws {
    do {
      let path = try TranscriptFile.save(
        runtime.transcript, in: PrivateFiles.plansDirectory(), as: .markdown)
      streams.write("Check-in transcript saved to \(path)\n")
    } catch {
      streams.writeError("coach: \(error)\n")
      throw ExitCode(ExitStatus.cannotCreate.rawValue)
    }
  }

  /// The clock for a run: the computer's, or a fixed instant from `COACH_NOW` (ISO 8601, e.g.
  /// `2026-11-29T09:00:00Z`) for tests and demonstrations.
  static func clock(environment: [String: String] = ProcessInfo.processInfo.environment) throws
    -> any SessionClock
  {
    guard let text = environment["COACH_NOW"], !text.isEmpty else { return SystemClock() }
    guard let date = ISO8601DateFormatter().date(from: text) else {
      FileHandle.standardError.write(
        Data("coach: COACH_NOW should be a time like 2026-11-29T09:00:00Z\n".utf8))
      throw ExitCode(ExitStatus.usage.rawValue)
    }
    return FixedClock(date)
  }
}
