/// Did-you-mean suggestions for misspelt names.
public enum Suggestion {
  /// The candidate closest to `word`: one that differs only in case, or else the one with the smallest
  /// edit distance, if that distance is at most 2 and smaller than the word's length. Ties go to the
  /// alphabetically first candidate, so the answer doesn't depend on the order of `candidates`.
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let lowered = Array(word.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(lowered, Array(candidate.lowercased()))
      guard distance <= 2, distance < lowered.count else { continue }
      if let current = best,
        current.distance < distance || (current.distance == distance && current.name < candidate)
      {
        continue
      }
      best = (candidate, distance)
    }
    return best?.name
  }

  /// Levenshtein distance between two character arrays.
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
