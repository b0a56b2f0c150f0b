/// A question as it is to be asked now: text filled in, options listed, default worked out.
public struct Prompt: Sendable {
  public var stepID: String
  public var sectionID: String
  public var text: String
  public var help: String?
  public var kind: AnswerKind
  public var variable: String
  /// What an empty answer gives, if anything.
  public var defaultValue: Value?
  /// The default as the person would read it (an option's label, "yes").
  public var defaultText: String?
  public var isOptional: Bool
  public var isTeamQuestion: Bool
  /// Facilitator mode, at a team question: the room's round, or the leader's own rating; nil
  /// for any other question.
  public var teamTurn: TeamTurn?
  /// 1-based position of the step among all steps, and their count.
  public var stepNumber: Int
  public var stepCount: Int
  public var options: [Option] { kind.options }
}
