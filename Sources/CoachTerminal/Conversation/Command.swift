import Foundation

/// What can be typed at any prompt instead of an answer.
public enum Command: String, CaseIterable, Sendable {
  case help
  case back
  case skip
  case `where`
  case time
  case restart
  case export
  case quit
  // Facilitator mode only (`coach run --facilitator`).
  case next
  case extend
  case pause
  case resume
  case park
  case jump
  /// `?`: the current question's help text.
  case questionHelp = "?"

  /// One line per command, for `/help`.
  public var summary: String {
    switch self {
    case .help: "/help      show these commands"
    case .back: "/back      undo the last answer and ask that question again"
    case .skip: "/skip      leave an optional question unanswered"
    case .where: "/where     which section and step this is"
    case .time: "/time      time spent, against the agenda"
    case .restart: "/restart   forget every answer and begin again"
    case .export: "/export    save this session's transcript (markdown, json, html or text)"
    case .quit: "/quit      stop the session"
    case .questionHelp: "?          help for the current question"
    case .next: "/next      move on (ends a round of team ratings; leaves a question unanswered)"
    case .extend: "/extend N  add N minutes to this section"
    case .pause: "/pause     stop the agenda clock"
    case .resume: "/resume    start the agenda clock again"
    case .park: "/park TEXT note a side topic for the plan's parking lot"
    case .jump: "/jump S    go to section S (its number, id or title)"
    }
  }

  /// Commands that work only in facilitator mode.
  public var isForFacilitators: Bool {
    switch self {
    case .next, .extend, .pause, .resume, .park, .jump: true
    default: false
    }
  }

  /// The commands of a session, with the facilitator's when facilitating.
  public static func available(facilitating: Bool) -> [Command] {
    allCases.filter { facilitating || !$0.isForFacilitators }
  }

  /// Names to complete after a '/'.
  public static func typedNames(facilitating: Bool) -> [String] {
    available(facilitating: facilitating).filter { $0 != .questionHelp }.map { "/" + $0.rawValue }
  }
}
