import Foundation

/// What a facilitator did, or what a team rated, as a transcript keeps it; also a person's
/// moving on from a section that ran over its time, which steers the session the same way.
public enum FacilitationEvent: Sendable, Hashable {
  case paused
  case resumed
  case extended(sectionID: String, title: String, minutes: Double)
  case parked(String)
  case jumped(sectionID: String, title: String)
  /// `/next` left the question unanswered.
  case movedOn(stepID: String)
  /// `/next` ended a team question's round of ratings.
  case roundClosed(stepID: String)
  /// A section ran over its time and the person moved on: `leftOut` optional questions passed
  /// over.
  case sectionLeft(sectionID: String, title: String, leftOut: Int)
  /// One participant's rating; `participant` is a name, a number, or nil (an anonymous list);
  /// `rating` is nil when they passed.
  case teamAnswer(stepID: String, question: String, participant: String?, rating: Double?)
  case teamSummary(stepID: String, TeamSummary)

  /// The event's kind in the JSON export.
  public var kind: String {
    switch self {
    case .paused: "pause"
    case .resumed: "resume"
    case .extended: "extend"
    case .parked: "park"
    case .jumped: "jump"
    case .movedOn, .roundClosed: "next"
    case .sectionLeft: "move-on"
    case .teamAnswer: "team"
    case .teamSummary: "team-summary"
    }
  }

  /// How a participant reads in a transcript: "Ana", "participant 2", "anonymous".
  public static func who(_ participant: String?) -> String {
    guard let participant else { return "anonymous" }
    return Int(participant) != nil ? "participant \(participant)" : participant
  }

  /// One plain sentence for transcripts (unsanitized: exports clean or escape it).
  public var description: String {
    switch self {
    case .paused: "the clock was paused"
    case .resumed: "the clock started again"
    case .extended(_, let title, let minutes):
      "\(Value.number(minutes).displayText) min added to \(title)"
    case .parked(let text): "parked: \(text)"
    case .jumped(_, let title): "jumped to \(title)"
    case .movedOn(let stepID): "moved on from \(stepID) without an answer"
    case .roundClosed(let stepID): "the team's ratings for \(stepID) were closed"
    case .sectionLeft(_, let title, let leftOut):
      "moved on from \(title), over its time: \(leftOut) optional question\(leftOut == 1 ? "" : "s") left out"
    case .teamAnswer(_, _, let participant, let rating):
      "\(Self.who(participant)): \(rating.map { Value.number($0).displayText } ?? "passed")"
    case .teamSummary(_, let summary): "team ratings: \(summary.summaryLine)"
    }
  }
}
