import CoachKit
import Foundation

/// What happens after a session ends: the plan (and its calendar event) written to private
/// files, unless the dialogue's `save_if` says not to, in which case nothing is written at all.
/// The session's log notes where the plan went (``SavedPlan``): a plan the program was stopped
/// before writing, or could not write (a full disk), is written by `coach resume` from the log.
///
///     try PlanFiles.save(runtime, planOut: nil, checkinID: runtime.sessionID, launch: launch)
public enum PlanFiles {
  /// A finished session whose plan is to be written.
  public struct Finished {
    /// The engine at the moment the session ended: the plan reads as it did then.
    public var engine: Engine
    public var session: Session
    public var sessionID: String
    /// Whether the session is kept (in a log that can note where the plan went).
    public var isKept: Bool
    /// Notes in the session's log where the plan was written.
    public var record: ((SavedPlan) throws -> Void)?

    public init(
      engine: Engine, session: Session, sessionID: String, isKept: Bool,
      record: ((SavedPlan) throws -> Void)?
    ) {
      self.engine = engine
      self.session = session
      self.sessionID = sessionID
      self.isKept = isKept
      self.record = record
    }
  }

  /// Writes the plan of a session that ended in this run; `checkinID` is the session a check-in
  /// reminder names. On a shared screen, where the files went is said without the folders: the
  /// room sees no paths of this computer.
  public static func save(
    _ runtime: SessionRuntime, planOut: String?, checkinID: String?, launch: Launch,
    store: FileEventStore? = nil, sharedScreen: Bool = false
  ) throws(CoachFailure) {
    let finished = Finished(
      engine: runtime.engine(at: launch.clock.now()), session: runtime.session,
      sessionID: runtime.sessionID, isKept: runtime.isKept,
      record: runtime.isKept ? store.map { store in { try store.record($0) } } : nil)
    try save(
      finished, planOut: planOut, checkinID: checkinID, launch: launch,
      sharedScreen: sharedScreen)
  }

  /// Writes the plan of a finished session.
  public static func save(
    _ finished: Finished, planOut: String?, checkinID: String?, launch: Launch,
    sharedScreen: Bool = false
  ) throws(CoachFailure) {
    let engine = finished.engine
    let session = finished.session
    guard session.isFinished, let plan = engine.dialogue.plan,
      let text = engine.renderedPlan(in: session)
    else { return }
    guard engine.shouldSavePlan(in: session) else {
      launch.say(
        "Nothing was saved\(planOut == nil ? "" : ", not even to --plan-out"), as you chose.")
      try? finished.record?(SavedPlan(at: launch.clock.now(), plan: nil, calendar: nil))
      return
    }
    let today = Day(engine.clock.now(), timeZone: launch.clock.timeZone)
    let calendarEvent = engine.calendarEvent(in: session)
    let planPath: String
    do {
      if let planOut {
        planPath = try checkedPlanOut(planOut, withCalendar: calendarEvent != nil)
        let directory = (planOut as NSString).deletingLastPathComponent
        if !directory.isEmpty { try PrivateFiles.makeDirectory(directory) }
      } else {
        let directory = try launch.paths().plans
        try PrivateFiles.makeDirectory(directory, tightening: true)
        planPath = PrivateFiles.unusedPath(in: directory, name: "\(today.iso)-\(plan.fileName)")
      }
      try PrivateFiles.write(
        Sanitizer.clean(text).trimmingCharacters(in: .newlines) + "\n", to: planPath)
    } catch let failure as CoachFailure {
      throw failure
    } catch {
      throw notWritten("the plan", reason: "\(error)", finished)
    }
    func shown(_ path: String) -> String {
      guard sharedScreen else { return path }
      let name = (path as NSString).lastPathComponent
      return planOut == nil
        ? "\(name) in the plans folder ('coach notes' says where)"
        : "\(name), where --plan-out said"
    }
    launch.say("Plan saved to \(shown(planPath))")
    var calendarPath: String?
    if var event = calendarEvent {
      // The reminder says how to open the check-in for this session.
      if let checkinID {
        event.description = [
          event.description?.trimmingCharacters(in: .whitespacesAndNewlines),
          "To check in, run: coach checkin \(checkinID)",
        ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n\n")
      }
      let path = PrivateFiles.companion(of: planPath, ext: "ics")
      let file = CalendarFile(
        event: event, uid: "\(UUID().uuidString.lowercased())@coach", stamp: launch.clock.now())
      do {
        try PrivateFiles.write(file.text, to: path)
      } catch {
        throw notWritten("the calendar file", reason: "\(error)", finished)
      }
      calendarPath = path
      launch.say(
        "Check-in for your calendar saved to \(shown(path)) (\(event.day.longText))")
    }
    do {
      try finished.record?(
        SavedPlan(at: launch.clock.now(), plan: planPath, calendar: calendarPath))
    } catch {
      launch.warn(
        "the plan is saved, but the session's log could not note it (\(error)); 'coach resume \(finished.sessionID)' would write it again"
      )
    }
  }

  /// `--plan-out` names the plan, a Markdown file; its calendar file goes next to it with `.ics`.
  /// A path that is itself an `.ics`, or whose `.ics` is a file coach did not write, is refused
  /// before anything is written: a plan never replaces a file it was not meant to.
  static func checkedPlanOut(_ planOut: String, withCalendar: Bool) throws(CoachFailure) -> String {
    let calendar = PrivateFiles.companion(of: planOut, ext: "ics")
    if (planOut as NSString).pathExtension.lowercased() == "ics" || calendar == planOut {
      throw CoachFailure(
        .usage,
        "--plan-out names the plan, a Markdown file such as plan.md; its calendar file is written next to it, as plan.ics"
      )
    }
    if withCalendar, FileManager.default.fileExists(atPath: calendar),
      !CalendarFile.isCoachs(calendar)
    {
      throw CoachFailure(
        .cannotCreate,
        "\(calendar) exists and is not a calendar file coach wrote; the plan's calendar file would replace it. Choose another --plan-out, or move that file"
      )
    }
    return planOut
  }

  /// Why a file of the plan could not be written, and how the person gets it all the same.
  static func notWritten(_ what: String, reason: String, _ finished: Finished) -> CoachFailure {
    guard finished.isKept else {
      return CoachFailure(
        .cannotCreate, "\(what) could not be written: \(reason); the plan is shown above")
    }
    let id = finished.sessionID
    return CoachFailure(
      .cannotCreate,
      "\(what) could not be written: \(reason). Your answers are saved with session \(id): 'coach resume \(id)' writes the plan once there is room (or give --plan-out another place), and 'coach export \(id)' shows it now"
    )
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
