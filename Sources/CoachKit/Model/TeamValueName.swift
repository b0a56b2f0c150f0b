/// The names a dialogue reads a team's ratings by. For each `team: true` scale question (say its
/// variable is `haven_grudges`), in facilitator mode:
///
/// | name | value |
/// |---|---|
/// | `team_haven_grudges` | the team's mean rating; empty below three ratings |
/// | `team_haven_grudges_median` | the team's median rating; empty below three ratings |
/// | `team_haven_grudges_count` | how many rated (0 before the round, or alone) |
/// | `team_haven_grudges_blind_spot` | the leader's own rating is at least one point rosier than the team's median, in the item's direction; false below three ratings |
///
/// The engine gives their values; what to make of them (a team score per area, the focus the
/// team's view proposes) is the dialogue's to say, in computed values.
///
///     TeamValueName("team_haven_grudges_count", in: dialogue)  // haven_grudges, .count
struct TeamValueName: Hashable, Sendable {
  static let prefix = "team_"

  enum Field: CaseIterable, Sendable {
    case mean, median, count, blindSpot

    var suffix: String {
      switch self {
      case .mean: ""
      case .median: "_median"
      case .count: "_count"
      case .blindSpot: "_blind_spot"
      }
    }

    var type: ValueType {
      switch self {
      case .mean, .median, .count: .number
      case .blindSpot: .bool
      }
    }

    /// Its value before the room has rated (or when nobody rates: a leader alone).
    var emptyValue: Value {
      switch self {
      case .mean, .median: .none
      case .count: .number(0)
      case .blindSpot: .bool(false)
      }
    }
  }

  /// The team question's variable.
  var variable: String
  var field: Field

  var name: String { Self.prefix + variable + field.suffix }

  /// The team value `name` stands for, if it is one of `dialogue`'s.
  init?(_ name: String, in dialogue: Dialogue) {
    guard name.hasPrefix(Self.prefix) else { return nil }
    let rest = name.dropFirst(Self.prefix.count)
    // The plain name first: a question may itself be called `x_count`.
    for field in [Field.mean, .median, .count, .blindSpot] {
      guard rest.hasSuffix(field.suffix) else { continue }
      let variable = String(rest.dropLast(field.suffix.count))
      if let question = dialogue.question(storing: variable)?.question,
        Self.isRatedByTeam(question)
      {
        self.variable = variable
        self.field = field
        return
      }
    }
    return nil
  }

  init(variable: String, field: Field) {
    self.variable = variable
    self.field = field
  }

  /// Whether the room rates `question` in facilitator mode: a `team: true` scale question.
  static func isRatedByTeam(_ question: Question) -> Bool {
    guard question.isTeamQuestion, case .scale = question.kind else { return false }
    return true
  }

  /// Every team value of `dialogue`, with its type, in the order its questions are written.
  static func all(in dialogue: Dialogue) -> [(name: TeamValueName, type: ValueType)] {
    dialogue.steps.compactMap(\.question).filter(isRatedByTeam).flatMap { question in
      Field.allCases.map { (TeamValueName(variable: question.variable, field: $0), $0.type) }
    }
  }
}
