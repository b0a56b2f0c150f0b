import Foundation

/// Ratings typed at the facilitator's keyboard while a team question's round is open, when no
/// phones rate: each person types theirs (or someone types everyone's at once, `4 3 5`), unseen
/// by the room. A host keeps this in memory only: the session is given one anonymous
/// ``TeamRatings`` when the round closes, so the log never holds who typed what.
///
///     var typed = TypedRatings(scale: scale, expected: 5)
///     try typed.add("4").get()       // 1 rating so far
///     try typed.add("3 5").get()     // 3
///     runtime.handle(.teamRatings(typed.ratings), at: now)
public struct TypedRatings: Sendable {
  public let scale: AnswerKind.Scale
  /// How many people rate, when known: no more ratings are taken than that.
  public let expected: Int?
  private var values: [Double] = []

  public init(scale: AnswerKind.Scale, expected: Int?) {
    self.scale = scale
    self.expected = expected
  }

  /// How many ratings are in.
  public var count: Int { values.count }

  /// Whether everyone expected has rated.
  public var isComplete: Bool { expected.map { values.count >= $0 } ?? false }

  /// What the session keeps of them.
  public var ratings: TeamRatings { TeamRatings(collected: values) }

  /// Takes one rating, or several separated by spaces or commas; none of them when one does not
  /// fit the scale, or when there would be more than expected. Returns how many are in.
  public mutating func add(_ text: String) -> Result<Int, Rejection> {
    switch Self.parse(text, on: scale, remaining: expected.map { $0 - values.count }) {
    case .failure(let rejection): return .failure(rejection)
    case .success(let taken):
      values += taken
      return .success(values.count)
    }
  }

  /// The ratings in `text` (one, or several separated by spaces or commas), when each is a point
  /// of `scale` and there are at most `remaining` of them.
  public static func parse(_ text: String, on scale: AnswerKind.Scale, remaining: Int? = nil)
    -> Result<[Double], Rejection>
  {
    let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
    guard !words.isEmpty else { return .failure(Rejection(.answerNeeded)) }
    if let remaining, words.count > remaining {
      return .failure(Rejection(.tooManyRatings(given: words.count, remaining: max(remaining, 0))))
    }
    var taken: [Double] = []
    for word in words {
      switch AnswerParser.parse(String(word), for: .scale(scale)) {
      case .success(.number(let value)): taken.append(value)
      case .success: return .failure(Rejection(.answerNeeded))
      case .failure(let rejection): return .failure(rejection)
      }
    }
    return .success(taken)
  }
}
