/// One bar of the dialogue's profile chart: a value on 0–100 and its label, and the team's
/// score of the same area when the team rated it (facilitator mode).
///
///     profile:
///       - value: safe_haven
///         team: team_safe_haven
///         label: Safe haven
public struct ProfileEntry: Sendable {
  /// The name of a computed value or an answer, read as a number from 0 to 100.
  public var name: String
  /// The computed value that is the team's score of the same area, empty when the team did not
  /// rate it (or fewer than three did).
  public var team: String?
  public var label: String
  public var location: SourceLocation
  var teamLocation: SourceLocation?

  public init(
    name: String, team: String? = nil, label: String, location: SourceLocation,
    teamLocation: SourceLocation? = nil
  ) {
    self.name = name
    self.team = team
    self.label = label
    self.location = location
    self.teamLocation = teamLocation
  }
}
