/// A pattern compiled into the instructions of a non-deterministic automaton (Thompson's
/// construction), which ``PatternProgram/matchesWhole(_:)`` runs on all paths at once.
///
///     a|b*   →   0 split 1, 3   1 test a   2 jump 6   3 split 4, 6   4 test b   5 jump 3   6 match
///
/// A repetition `x{m,n}` is written out as copies of `x`, so nested repetitions multiply the
/// program's size: the work per character of an answer (``stepsPerCharacter``) is capped at
/// ``maxSize``, and matching an answer takes at most that many steps per character.
struct PatternProgram: Sendable {
  enum Instruction: Sendable {
    /// Takes one character that passes ``PatternProgram/tests``[index], then goes on to the next
    /// instruction. (Instructions hold only numbers: cheap to read in the matching loop.)
    case test(Int)
    /// Goes on both ways.
    case split(Int, Int)
    case jump(Int)
    /// Goes on to the next instruction only where the position passes.
    case assert(PatternAssertion)
    case match
  }

  /// The most work a pattern may take per character of the answer: its instructions plus the
  /// items of its distinct classes. The shipped patterns take 30 to 150; at 2,000, a 2,000-character
  /// answer takes at most a few tens of milliseconds (Benchmarks/run, "worst pattern").
  static let maxSize = 2_000

  let instructions: [Instruction]
  /// The distinct tests: the copies of a repetition share theirs, so that each is worked out once
  /// per character however often the pattern repeats it.
  let tests: [CharacterTest]
  let ignoresCase: Bool
  /// At most how many steps matching takes for each character of an answer: every instruction
  /// visited once, every distinct test worked out once.
  let stepsPerCharacter: Int
  /// Whether it has `\b` or `\B`, whose positions are worked out before matching.
  let readsWordBoundaries: Bool

  init(_ node: PatternNode, flags: PatternParser.Flags) throws(PatternError) {
    if Self.size(of: node) + 1 > Self.maxSize {
      throw Self.tooLarge(node)
    }
    var builder = Builder()
    builder.emit(node)
    builder.instructions.append(.match)
    instructions = builder.instructions
    tests = builder.tests
    stepsPerCharacter = instructions.count + tests.reduce(0) { $0 + $1.itemCount }
    if stepsPerCharacter > Self.maxSize {
      throw PatternError(
        "the pattern is too large (more than \(Self.maxSize) steps for each character of an answer); write shorter classes and fewer alternatives",
        at: 0)
    }
    ignoresCase = flags.ignoresCase
    readsWordBoundaries = instructions.contains {
      if case .assert(.wordBoundary) = $0 { return true }
      if case .assert(.notWordBoundary) = $0 { return true }
      return false
    }
  }

  /// How many instructions `node` compiles to; saturates instead of overflowing.
  static func size(of node: PatternNode) -> Int {
    let cap = Int(Int32.max)
    switch node {
    case .empty: return 0
    case .test, .assertion: return 1
    case .sequence(let items):
      return items.reduce(0) { Swift.min($0 + size(of: $1), cap) }
    case .alternation(let branches):
      return Swift.min(branches.reduce(2 * (branches.count - 1)) { $0 + size(of: $1) }, cap)
    case .repetition(let body, let min, let max, _):
      let each = size(of: body)
      let optional = max.map { ($0 - min) * (each + 1) } ?? (each + 2)
      return Swift.min(min * each + optional, cap)
    }
  }

  /// The error for a pattern over ``maxSize``: at the innermost repetition that is too large on
  /// its own, else at the start.
  private static func tooLarge(_ node: PatternNode) -> PatternError {
    func culprit(in node: PatternNode) -> Int? {
      switch node {
      case .empty, .test, .assertion: return nil
      case .sequence(let items), .alternation(let items):
        return items.lazy.compactMap(culprit).first
      case .repetition(let body, _, _, let at):
        guard size(of: node) > maxSize else { return nil }
        return culprit(in: body) ?? at
      }
    }
    let message =
      "the pattern is too large once its repetitions are written out (more than \(maxSize) steps for each character of an answer); use smaller counts, and max_length to limit an answer's length"
    return PatternError(message, at: culprit(in: node) ?? 0)
  }

  private struct Builder {
    var instructions: [Instruction] = []
    var tests: [CharacterTest] = []
    var testIndex: [CharacterTest: Int] = [:]

    @discardableResult
    mutating func append(_ instruction: Instruction) -> Int {
      instructions.append(instruction)
      return instructions.count - 1
    }

    mutating func emit(_ node: PatternNode) {
      switch node {
      case .empty: break
      case .test(let test):
        let index = testIndex[test] ?? tests.count
        if index == tests.count {
          tests.append(test)
          testIndex[test] = index
        }
        append(.test(index))
      case .assertion(let assertion): append(.assert(assertion))
      case .sequence(let items): for item in items { emit(item) }
      case .alternation(let branches):
        var jumps: [Int] = []
        for branch in branches.dropLast() {
          let split = append(.split(0, 0))
          emit(branch)
          jumps.append(append(.jump(0)))
          instructions[split] = .split(split + 1, instructions.count)
        }
        emit(branches[branches.count - 1])
        for jump in jumps { instructions[jump] = .jump(instructions.count) }
      case .repetition(let body, let min, let max, _):
        for _ in 0..<min { emit(body) }
        if let max {
          // Each optional copy may be left out, and then so are the ones after it.
          var splits: [Int] = []
          for _ in min..<max {
            splits.append(append(.split(0, 0)))
            emit(body)
          }
          for split in splits { instructions[split] = .split(split + 1, instructions.count) }
        } else {
          let loop = append(.split(0, 0))
          emit(body)
          append(.jump(loop))
          instructions[loop] = .split(loop + 1, instructions.count)
        }
      }
    }
  }
}
