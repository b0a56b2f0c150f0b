import CoachKit
import Foundation

/// What happens after a session ends: the plan (and its calendar event) written to private
/// files, unless the dialogue's `save_if` says not to, in which case nothing is written at all.
///
///     try PlanFiles.save(runtime, planOut: nil, checkinID: runtime.sessionID, launch: launch)
public enum PlanFiles {
  /// Writes the plan of a finished session; `checkinID` is the session a check-in reminder
  /// names. On a shared screen, where the files went is said without the folders: the room
  /// sees no paths of this computer.
  public static func save(
    _ runtime: SessionRuntime, planOut: String?, checkinID: String?, launch: Launch,
    sharedScreen: Bool = false
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
      func shown(_ path: String) -> String {
        guard sharedScreen else { return path }
        let name = (path as NSString).lastPathComponent
        return planOut == nil
          ? "\(name) in the plans folder ('coach notes' says where)"
          : "\(name), where --plan-out said"
      }
      launch.say("Plan saved to \(shown(planPath))")
      if var event = engine.calendarEvent(in: session) {
        // The reminder says how to open the check-in for this session.
        if let checkinID {
          event.description = [
            event.description?.trimmingCharacters(in: .whitespacesAndNewlines),
            "To check in, run: coach checkin \(checkinID)",
          ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        let calendarPath = PrivateFiles.companion(of: planPath, ext: "ics")
        let file = CalendarFile(
          event: event, uid: "\(UUID().uuidString.lowercased())@coach", stamp: now)
        try PrivateFiles.write(file.text, to: calendarPath)
        launch.say(
          "Check-in for your calendar saved to \(shown(calendarPath)) (\(event.day.longText))")
      }
    } catch let failure as CoachFailure {
      throw failure
    } catch {
      throw CoachFailure(.cannotCreate, "\(error)")
    }
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
