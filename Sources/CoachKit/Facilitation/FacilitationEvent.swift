import Foundation

/// What a facilitator did, or what a team rated, as a transcript keeps it.
public enum FacilitationEvent: Sendable, Hashable {
  case paused
  case resumed
  case extended(sectionID: String, title: String, minutes: Double)
  case parked(String)
  case jumped(sectionID: String, title: String)
  /// `/next` left the question unanswered.
  case movedOn(stepID: String)
  /// `/back` opened a team question's round again: its ratings are asked again.
  case roundReopened(stepID: String)
  /// A team question's round closed with `count` ratings; never who gave which, and only what
  /// they add up to (``teamSummary``) once the leader has rated too.
  case teamRatings(stepID: String, question: String, count: Int)
  case teamSummary(stepID: String, TeamSummary)

  /// The event's kind in the JSON export.
  public var kind: String {
    switch self {
    case .paused: "pause"
    case .resumed: "resume"
    case .extended: "extend"
    case .parked: "park"
    case .jumped: "jump"
    case .movedOn: "next"
    case .roundReopened: "reopen"
    case .teamRatings: "ratings"
    case .teamSummary: "team-summary"
    }
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
    case .roundReopened(let stepID): "the team's ratings for \(stepID) were asked again"
    case .teamRatings(let stepID, _, let count):
      "\(count) team rating\(count == 1 ? "" : "s") for \(stepID)"
        + (count < TeamRatings.minimumShown ? " (fewer than 3, so only the count is kept)" : "")
    case .teamSummary(_, let summary): "team ratings: \(summary.summaryLine)"
    }
  }
}
