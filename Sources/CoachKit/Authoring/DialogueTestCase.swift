import Yams

/// A test case kept with a dialogue: answers to give, then what must hold afterwards.
///
///     cases:
///       - name: Self focus, one action
///         today: 2026-03-02
///         answers: [save, 1, 8, "", /back, 9]
///         expect:
///           visited: [picks_self]
///           not_visited: [a2_what]
///           values: {focus: self, action_count: 1}
///           plan_contains: ["Trust within yourself"]
///           ends: finished
///
/// See `docs/dialogue-tests.md`. Read cases with ``DialogueTestFile``; run them with
/// ``DialogueTestRunner``.
public struct DialogueTestCase: Sendable {
  public var name: String
  /// The day the case runs on ("today" in expressions).
  public var today: Day
  public var answers: [Input]
  var expectations: [Expectation]
  /// For a follow-up (a dialogue with `follows`): the earlier session, answered first.
  public var before: Before?
  /// Where the case starts (its `- name:` item).
  public var location: SourceLocation

  /// The day cases run on unless they say otherwise: Monday 5 January 2026.
  static let defaultToday = Day(year: 2026, month: 1, day: 5)!

  /// The session a follow-up follows, as answers to the followed dialogue.
  ///
  ///     before:
  ///       today: 2026-03-02
  ///       answers: [save, 1, 8, ...]
  public struct Before: Sendable {
    public var today: Day
    public var answers: [Input]
    public var location: SourceLocation
  }

  /// One line the person types, with where it is written.
  public struct Input: Sendable {
    public enum Kind: Sendable, Equatable {
      /// An answer, as typed (an empty one takes the default).
      case answer(String)
      /// An answer the question must refuse (`- reject: "12"`).
      case rejected(String)
      case back
      case skip
      case restart
    }
    public var kind: Kind
    public var location: SourceLocation
  }

  /// One thing that must hold when the answers have been given.
  struct Expectation: Sendable {
    public enum Kind: Sendable, Equatable {
      /// The step was taken (said or asked) at some point.
      case visited(String)
      /// The step was never taken (never reached, or passed over).
      case notVisited(String)
      /// An answer or computed value has this value.
      case value(name: String, ExpectedValue)
      case planContains(String)
      case planLacks(String)
      /// The dialogue reached a final step.
      case finished
      /// The dialogue is waiting for an answer at this step.
      case waitingAt(String)
    }
    public var kind: Kind
    public var location: SourceLocation
  }

  /// A value as a case writes it.
  enum ExpectedValue: Sendable, Equatable, CustomStringConvertible {
    /// `~`, `null` or an empty list: unanswered, skipped without default, or undefined.
    case empty
    case scalar(String)
    case list([String])

    public var description: String {
      switch self {
      case .empty: "empty"
      case .scalar(let text): "'\(text)'"
      case .list(let items): "[\(items.joined(separator: ", "))]"
      }
    }
  }
}
