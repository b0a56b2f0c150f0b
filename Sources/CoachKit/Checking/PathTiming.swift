/// How long a step takes a thoughtful person, in seconds: its `estimate`, or a default from what
/// it says and asks. The time model (docs/dialogue-format.md, "Timing"), from what a first panel
/// of leaders really took:
///
/// - reading at 215 words a minute (people read 200–230): the step's `say`, the question's
///   prompt, and the labels of its options (a menu is read before it is chosen from);
/// - then answering: a rating 4 s (6–10 s with its statement read), yes/no 4 s, a number 6 s, a
///   choice 3 s (about 10 s with a short list read), a multi-pick 8 s (on top of reading its
///   options), a day and a time 20 s (deciding when, then typing it), and a considered free-text
///   answer 60 s (people take 45–90 s; give an if-then plan or an obstacle plan `estimate: 90`,
///   a short name `estimate: 15`).
enum StepTiming {
  static let wordsPerMinute = 215.0

  static func seconds(_ step: Step) -> Double {
    if let estimate = step.estimate { return estimate }
    var seconds = step.say.map { readingSeconds($0.source) } ?? 0
    if let question = step.question {
      seconds += readingSeconds(question.prompt.source)
      for option in question.kind.options { seconds += readingSeconds(option.label) }
      seconds += answerSeconds(question.kind)
    }
    return seconds
  }

  static func readingSeconds(_ text: String) -> Double {
    // Words are what whitespace separates; counted by scalars, since going by Characters cost a
    // quarter of `coach check` on a big dialogue.
    var words = 0
    var inWord = false
    // ASCII text, the usual case, by bytes.
    let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      for byte in bytes {
        if byte >= 0x80 { return false }
        let blank = byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
        if !blank, !inWord { words += 1 }
        inWord = !blank
      }
      return true
    }
    if ascii == true { return Double(words) * 60 / wordsPerMinute }
    words = 0
    inWord = false
    for scalar in text.unicodeScalars {
      let blank =
        scalar.isASCII
        ? scalar == " " || ("\t"..."\r").contains(scalar) : scalar.properties.isWhitespace
      if !blank, !inWord { words += 1 }
      inWord = !blank
    }
    return Double(words) * 60 / wordsPerMinute
  }

  /// The time to answer, once the question is read.
  static func answerSeconds(_ kind: AnswerKind) -> Double {
    switch kind {
    case .scale: 4
    case .yesNo: 4
    case .number: 6
    case .choice: 3
    case .multipleChoice: 8
    case .text: 60
    case .moment: 20
    }
  }
}

/// The shortest, expected and longest way through a dialogue, in seconds, from the steps' times.
///
/// - Shortest: the quickest way from the start to a final step, with every step that has a `when`
///   passed over.
/// - Longest: the slowest way, with every `when` step taken, except that of steps whose `when`
///   tests one answer for different values (`focus == "self"`, `focus == "systems"`) only the
///   slowest counts; a loop counts every step on it once.
/// - Expected: the way of a person who takes every default. A step's `likely` says how often
///   its `when` holds (`likely: 0.3` for a step most people never see); a `when` that the questions'
///   defaults decide (`action_count >= 2`, with one action the default) holds or not as they
///   decide; otherwise a `when` of the form `answer == "value"` on a choice question holds for
///   one option in as many as it has, any other `when` half the time. A branch of a `next` is
///   taken as often as its `if` holds (``branchChance(_:_:)``), the fallback the rest; a loop
///   counts every step on it once.
///
/// Nil when no final step can be reached.
public struct PathTiming: Sendable, Hashable {
  public var shortest: Double
  public var expected: Double
  public var longest: Double
  /// Each section's time on the expected path, in written order: what its budget should cover.
  public var sections: [SectionTime] = []

  /// A section's share of the expected path.
  public struct SectionTime: Sendable, Hashable {
    public var id: String
    public var title: String
    /// Minutes planned.
    public var budget: Double
    /// Seconds the expected path spends there.
    public var expected: Double
  }

  public init(shortest: Double, expected: Double, longest: Double) {
    self.shortest = shortest
    self.expected = expected
    self.longest = longest
  }

  public init?(_ dialogue: Dialogue) {
    self.init(dialogue, FlowAnalysis(dialogue))
  }

  init?(_ dialogue: Dialogue, _ analysis: FlowAnalysis) {
    let steps = analysis.steps
    guard let start = analysis.start, !steps.isEmpty else { return nil }
    let full = steps.map(StepTiming.seconds)
    // A flow's steps hold as often as their call does: a call passed over passes them all over.
    var chance = [Double](repeating: 1, count: steps.count)
    var conditional = [Bool](repeating: false, count: steps.count)
    for position in steps.indices {
      let step = steps[position]
      if let condition = step.condition {
        chance[position] = step.likelihood ?? Self.chance(condition, dialogue)
        conditional[position] = true
      }
      if let call = step.instance?.callPosition {
        chance[position] *= chance[call]
        conditional[position] = conditional[position] || conditional[call]
      }
    }
    let least = steps.indices.map { conditional[$0] ? 0 : full[$0] }
    // Steps whose `when` tests one answer for different values (`focus == "self"`,
    // `focus == "systems"`…) exclude each other: the longest way takes only the slowest of them.
    var most = full
    var groups: [String: [(node: Int, value: String)]] = [:]
    for (node, step) in steps.enumerated() {
      if let test = step.condition.flatMap(Self.equalityTest) {
        groups[test.name, default: []].append((node, test.value))
      }
    }
    for members in groups.values where Set(members.map(\.value)).count == members.count {
      guard members.count > 1, let slowest = members.max(by: { full[$0.node] < full[$1.node] })
      else { continue }
      for member in members where member.node != slowest.node { most[member.node] = 0 }
    }
    let successors = analysis.successors

    // Shortest: Dijkstra, paying for a step on entering it.
    var best = [Double](repeating: .infinity, count: steps.count)
    best[start] = least[start]
    var heap = MinHeap()
    heap.push(best[start], start)
    var shortest = Double.infinity
    while let (distance, node) = heap.pop() {
      guard distance <= best[node] else { continue }
      if steps[node].isFinal {
        shortest = min(shortest, distance)
        continue
      }
      for next in successors[node] where distance + least[next] < best[next] {
        best[next] = distance + least[next]
        heap.push(best[next], next)
      }
    }
    guard shortest.isFinite else { return nil }

    // Longest and expected: over the loops (strongly connected components) in reverse
    // topological order, each loop counting every step on it once.
    let components = StronglyConnected(successors)
    let count = components.count
    var longestOf = [Double](repeating: -.infinity, count: count)
    var expectedOf = [Double](repeating: -.infinity, count: count)
    var fullOf = [Double](repeating: 0, count: count)
    var meanOf = [Double](repeating: 0, count: count)
    var ends = [Bool](repeating: false, count: count)
    var exits = [[Int]](repeating: [], count: count)
    for node in steps.indices {
      let component = components.component[node]
      fullOf[component] += most[node]
      meanOf[component] += full[node] * chance[node]
      if steps[node].isFinal { ends[component] = true }
      for next in successors[node] where components.component[next] != component {
        exits[component].append(components.component[next])
      }
    }
    // How often the expected path takes each way out of a loop: as often as a step's branches
    // hold, otherwise each way equally.
    var branchWeights: [Int: [Int: Double]] = [:]
    for node in steps.indices {
      guard case .branches(let branches) = steps[node].next, !steps[node].isFinal else { continue }
      let component = components.component[node]
      guard branchWeights[component] == nil,
        !steps.indices.contains(where: { $0 != node && components.component[$0] == component })
      else { continue }
      var rest = 1.0
      var weights: [Int: Double] = [:]
      for branch in branches {
        guard let target = dialogue.position(of: branch.target.stepID) else { continue }
        let share = rest * (branch.condition.map { Self.branchChance($0, dialogue) } ?? 1)
        weights[components.component[target], default: 0] += share
        rest -= share
      }
      branchWeights[component] = weights
    }
    /// The share of the way on from `component` that goes to each of `onward`.
    func shares(_ component: Int, _ onward: [Int]) -> [Double] {
      let unique = Array(Set(onward))
      if let weights = branchWeights[component] {
        let total = unique.reduce(0) { $0 + (weights[$1] ?? 0) }
        if total > 0 {
          // A way listed twice (two branches to one step) shares its weight.
          return onward.map { next in
            (weights[next] ?? 0) / total / Double(onward.count { $0 == next })
          }
        }
      }
      return onward.map { _ in 1 / Double(onward.count) }
    }
    // Tarjan numbers components in reverse topological order: successors come first.
    for component in 0..<count {
      let onward = exits[component].filter { longestOf[$0] > -.infinity }
      var longest = ends[component] ? 0 : -Double.infinity
      var expected = ends[component] && onward.isEmpty ? 0 : -Double.infinity
      if !onward.isEmpty {
        longest = max(longest, onward.map { longestOf[$0] }.max()!)
        expected = zip(onward, shares(component, onward)).reduce(0) { $0 + expectedOf[$1.0] * $1.1 }
      }
      guard longest > -.infinity else { continue }
      longestOf[component] = fullOf[component] + longest
      expectedOf[component] = meanOf[component] + expected
    }
    let first = components.component[start]
    guard longestOf[first] > -.infinity else { return nil }
    self.init(shortest: shortest, expected: expectedOf[first], longest: longestOf[first])

    // The same expected path forwards: how likely each loop is to be reached, so that each
    // step's share can be added to its section.
    var reach = [Double](repeating: 0, count: count)
    reach[first] = 1
    for component in stride(from: count - 1, through: 0, by: -1) where reach[component] > 0 {
      let onward = exits[component].filter { longestOf[$0] > -.infinity }
      for (next, share) in zip(onward, shares(component, onward)) {
        reach[next] += reach[component] * share
      }
    }
    var bySection: [String: Double] = [:]
    for node in steps.indices {
      bySection[steps[node].sectionID, default: 0] +=
        reach[components.component[node]] * full[node] * chance[node]
    }
    sections = dialogue.sections.map {
      SectionTime(id: $0.id, title: $0.title, budget: $0.budget, expected: bySection[$0.id] ?? 0)
    }
  }

  /// How often a `when` holds: as the defaults decide it, or as a guess.
  static func chance(_ condition: Formula, _ dialogue: Dialogue) -> Double {
    if let holds = holdsByDefaults(condition, dialogue) { return holds ? 1 : 0 }
    if let test = equalityTest(condition), let question = dialogue.question(storing: test.name),
      case .choice(let options) = question.question.kind, !options.isEmpty
    {
      return 1 / Double(options.count)
    }
    return 0.5
  }

  /// How often a branch's `if` holds on the expected path: as the defaults decide it; for
  /// `answer == "value"` on a choice, one in as many as its options, times how often that
  /// question is asked at all; otherwise half the time.
  static func branchChance(_ condition: Formula, _ dialogue: Dialogue) -> Double {
    if let holds = holdsByDefaults(condition, dialogue) { return holds ? 1 : 0 }
    if let test = equalityTest(condition), let found = dialogue.question(storing: test.name),
      case .choice(let options) = found.question.kind, !options.isEmpty
    {
      let asked = found.step.condition.map { found.step.likelihood ?? chance($0, dialogue) } ?? 1
      return asked / Double(options.count)
    }
    return 0.5
  }

  /// Whether a condition holds for a person who takes every default, when the defaults decide it:
  /// every name it reads (through computed values and `=…` defaults) is a question with a default.
  /// Nil when anything else decides it: an answer without a default, `today`, a cycle.
  static func holdsByDefaults(_ condition: Formula, _ dialogue: Dialogue) -> Bool? {
    var undecided = false
    var known: [String: Value] = [:]
    var working: Set<String> = []
    func value(_ name: String) -> Value {
      if undecided { return .none }
      if let value = known[name] { return value }
      guard working.insert(name).inserted else {
        undecided = true
        return .none
      }
      defer { working.remove(name) }
      var result = Value.none
      if let found = dialogue.question(storing: name) {
        switch found.question.defaultAnswer {
        case .value(let literal)?: result = literal
        case .formula(let formula)?: result = formula.expression.evaluate(value)
        case nil: undecided = true
        }
      } else if let computed = dialogue.computedValue(name) {
        result = computed.formula.expression.evaluate(value)
      } else {
        undecided = true
      }
      known[name] = result
      return result
    }
    let result = condition.expression.evaluate(value)
    return undecided ? nil : result == .bool(true)
  }

  /// `name == "value"` (either way round).
  static func equalityTest(_ condition: Formula) -> (name: String, value: String)? {
    guard case .binary(.equal, let lhs, let rhs, _) = condition.expression.root else { return nil }
    if case .name(let name, _) = lhs, case .literal(.text(let value), _) = rhs {
      return (name, value)
    }
    if case .name(let name, _) = rhs, case .literal(.text(let value), _) = lhs {
      return (name, value)
    }
    return nil
  }

  /// Seconds as minutes for people: `3.5` under ten minutes, whole minutes above.
  public static func minutes(_ seconds: Double) -> String {
    let minutes = seconds / 60
    if minutes < 9.95 {
      let tenths = (minutes * 10).rounded() / 10
      return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }
    return String(Int(minutes.rounded()))
  }

  /// "11–24 min (expected 17)".
  public var summary: String {
    "\(Self.minutes(shortest))–\(Self.minutes(longest)) min (expected \(Self.minutes(expected)))"
  }
}

/// Tarjan's strongly connected components, without recursion. Components are numbered in reverse
/// topological order: every edge between two components goes to a lower number.
struct StronglyConnected {
  var component: [Int]
  var count = 0

  init(_ successors: [[Int]]) {
    let size = successors.count
    component = [Int](repeating: -1, count: size)
    var index = [Int](repeating: -1, count: size)
    var low = [Int](repeating: 0, count: size)
    var onStack = [Bool](repeating: false, count: size)
    var stack: [Int] = []
    var counter = 0
    for root in 0..<size where index[root] == -1 {
      var work: [(node: Int, next: Int)] = [(root, 0)]
      index[root] = counter
      low[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let (node, position) = work.last {
        if position < successors[node].count {
          work[work.count - 1].next += 1
          let child = successors[node][position]
          if index[child] == -1 {
            index[child] = counter
            low[child] = counter
            counter += 1
            stack.append(child)
            onStack[child] = true
            work.append((child, 0))
          } else if onStack[child] {
            low[node] = min(low[node], index[child])
          }
          continue
        }
        work.removeLast()
        if let parent = work.last?.node { low[parent] = min(low[parent], low[node]) }
        if low[node] == index[node] {
          while let member = stack.popLast() {
            onStack[member] = false
            component[member] = count
            if member == node { break }
          }
          count += 1
        }
      }
    }
  }
}

/// A binary min-heap of (distance, node), for Dijkstra.
private struct MinHeap {
  private var items: [(Double, Int)] = []

  mutating func push(_ key: Double, _ value: Int) {
    items.append((key, value))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child].0 < items[parent].0 else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> (Double, Int)? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < items.count, items[left].0 < items[smallest].0 { smallest = left }
      if right < items.count, items[right].0 < items[smallest].0 { smallest = right }
      guard smallest != parent else { break }
      items.swapAt(parent, smallest)
      parent = smallest
    }
    return top
  }
}
