/// Where a step leads once its question is answered.
///
///     next: reveal                 # .goTo
///     next:                        # .branches, tried in order; the last has no `if`
///       - if: team_size > 12
///         goto: big_team
///       - goto: small_team
///     (no next)                    # .following: the step written after this one
public enum Transition: Sendable {
  case following
  case goTo(Target)
  case branches([Branch])

  /// A step id as written, with where it was written.
  public struct Target: Sendable {
    public var stepID: String
    public var location: SourceLocation
    public init(stepID: String, location: SourceLocation) {
      self.stepID = stepID
      self.location = location
    }
  }

  /// One `if`/`goto` pair; `condition` is nil for the fallback.
  public struct Branch: Sendable {
    var condition: Formula?
    public var target: Target
    public init(condition: Formula?, target: Target) {
      self.condition = condition
      self.target = target
    }
  }

  /// Every step this transition can lead to, as written.
  var targets: [Target] {
    switch self {
    case .following: return []
    case .goTo(let target): return [target]
    case .branches(let branches): return branches.map(\.target)
    }
  }
}
