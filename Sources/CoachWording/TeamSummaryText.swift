import CoachKit

/// How a team's ratings read on the shared screen: count, median, lowest–highest, % favourable
/// and a histogram, with a split and a blind spot said in words. Below three responses it says
/// only that the results stay hidden.
///
///     Team ratings: 3 responses
///     median 4 · lowest–highest 3–5 · 67 % favourable
///       1 |
///       3 | ████ 1
public enum TeamSummaryText {
  /// The longest histogram bar, in blocks.
  static let barWidth = 20

  public static func lines(for summary: TeamSummary) -> [String] {
    guard summary.isShown else {
      return [
        "Team ratings: fewer than \(TeamSummary.minimumResponses) responses, so the results stay hidden."
      ]
    }
    func number(_ value: Double) -> String { Value.number(value).displayText }
    var lines = [
      "Team ratings: \(summary.count) responses",
      "median \(number(summary.median)) · lowest–highest \(number(summary.lowest))–\(number(summary.highest)) · \(Int(summary.favourablePercent.rounded())) % favourable (\(summary.favourableText)\(summary.isReversed ? ": agreeing is unfavourable here" : ""))",
    ]
    let most = max(summary.histogram.map(\.count).max() ?? 1, 1)
    let labelWidth = summary.histogram.map { "\($0.rating)".count }.max() ?? 1
    for bar in summary.histogram {
      let label =
        String(repeating: " ", count: labelWidth - "\(bar.rating)".count) + "\(bar.rating)"
      let blocks = bar.count == 0 ? 0 : max(1, bar.count * barWidth / most)
      lines.append(
        "  \(label) |"
          + (bar.count > 0 ? " " + String(repeating: "█", count: blocks) + " \(bar.count)" : ""))
    }
    if let own = summary.leaderRating { lines.append("The leader's own rating: \(number(own)).") }
    if summary.isSplit {
      lines.append(
        "Split: the ratings are \(number(summary.highest - summary.lowest)) points apart. Talk about the spread, not the average."
      )
    }
    if summary.isBlindSpot, let gap = summary.leaderRosierBy {
      lines.append(
        "Blind spot? The leader's own rating is \(number(gap)) point\(gap == 1 ? "" : "s") rosier than the team's median."
      )
    }
    return lines
  }
}
