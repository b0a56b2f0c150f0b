import CoachKit
import Foundation

/// What happens after a session ends: the plan (and its calendar events) written to private
/// files, unless the dialogue's `save_if` says not to, in which case nothing is written at all.
///
///     try PlanFiles.save(runtime, planOut: nil, checkinID: runtime.sessionID, launch: launch)
public enum PlanFiles {
  /// Writes the plan of a finished session; `checkinID` is the session a check-in reminder
  /// names, and the one the calendar events belong to (their UIDs). `calendarSequence` is 0 for
  /// a session, and 1, 2, … for its check-ins, which update the events they write again.
  public static func save(
    _ runtime: SessionRuntime, planOut: String?, checkinID: String?, calendarSequence: Int = 0,
    launch: Launch
  ) throws(CoachFailure) {
    let now = launch.clock.now()
    let engine = runtime.engine(at: now)
    let session = runtime.session
    guard session.isFinished, let plan = runtime.dialogue.plan,
      let text = engine.renderedPlan(in: session)
    else { return }
    guard engine.shouldSavePlan(in: session) else {
      launch.say(
        "Nothing was saved\(planOut == nil ? "" : ", not even to --plan-out"), as you chose.")
      return
    }
    let today = Day(now, timeZone: launch.clock.timeZone)
    do {
      let planPath: String
      if let planOut {
        let directory = (planOut as NSString).deletingLastPathComponent
        if !directory.isEmpty { try PrivateFiles.makeDirectory(directory) }
        planPath = planOut
      } else {
        let directory = try launch.paths().plans
        try PrivateFiles.makeDirectory(directory, tightening: true)
        planPath = PrivateFiles.unusedPath(in: directory, name: "\(today.iso)-\(plan.fileName)")
      }
      try PrivateFiles.write(
        Sanitizer.clean(text).trimmingCharacters(in: .newlines) + "\n", to: planPath)
      launch.say("Plan saved to \(planPath)")
      // A follow-up's file also takes out the events of the earlier one the plan no longer has.
      var events = engine.calendarFileEvents(in: session)
      if !events.isEmpty {
        // An all-day reminder (the check-in) says how to open the check-in for this session.
        if let checkinID {
          for index in events.indices where !events[index].isCancelled {
            guard case .day = events[index].start else { continue }
            events[index].description = [
              events[index].description?.trimmingCharacters(in: .whitespacesAndNewlines),
              "To check in, run: coach checkin \(checkinID)",
            ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
          }
        }
        let calendarPath = PrivateFiles.companion(of: planPath, ext: "ics")
        let file = CalendarFile(
          events: events, session: checkinID ?? runtime.sessionID, sequence: calendarSequence,
          stamp: now)
        try PrivateFiles.write(file.text, to: calendarPath)
        launch.say(calendarMessage(events, path: calendarPath))
      }
    } catch let failure as CoachFailure {
      throw failure
    } catch {
      throw CoachFailure(.cannotCreate, "\(error)")
    }
  }

  /// "Check-in for your calendar saved to PATH (Friday 11 December 2026)", or each event, and
  /// how many earlier ones it takes out.
  static func calendarMessage(_ events: [CalendarEvent], path: String) -> String {
    let kept = events.filter { !$0.isCancelled }
    let cancelled = events.count - kept.count
    let takenOut =
      cancelled == 0
      ? ""
      : "; importing it takes out \(cancelled == 1 ? "1 earlier event" : "\(cancelled) earlier events") the plan no longer has"
    if kept.count == 1, case .day(let day) = kept[0].start {
      return "Check-in for your calendar saved to \(path) (\(day.longText)\(takenOut))"
    }
    let when = kept.map { "\($0.summary.isEmpty ? $0.id : $0.summary): \($0.whenText)" }
    if when.isEmpty { return "Calendar update saved to \(path) (\(takenOut.dropFirst(2)))" }
    return "Events for your calendar saved to \(path) (\(when.joined(separator: "; "))\(takenOut))"
  }

  /// Writes a finished check-in's transcript (Markdown) next to the plans: its record belongs
  /// with the plan it updates.
  public static func saveTranscript(of runtime: SessionRuntime, launch: Launch)
    throws(CoachFailure)
  {
    do {
      let path = try TranscriptFile.save(
        runtime.transcript, in: try launch.paths().plans, as: .markdown)
      launch.say("Check-in transcript saved to \(path)")
    } catch let failure as CoachFailure {
      throw failure
    } catch {
      throw CoachFailure(.cannotCreate, "\(error)")
    }
  }
}
