extension PatternProgram {
  /// Whether the whole of `text` matches. Every path through the automaton is followed at once,
  /// one character at a time, and each instruction is visited at most once per character: the
  /// time is at most (answer length + 1) × program size, however the pattern is written.
  func matchesWhole(_ text: String) -> Bool {
    let input = Array(text)
    let folded = ignoresCase ? input.map(CharacterFolding.lower) : input
    var threads = Threads(
      program: self, count: input.count,
      boundaries: readsWordBoundaries ? WordBoundaries(input) : nil)
    threads.add(0, at: 0)
    for position in input.indices {
      if threads.current.isEmpty { return false }
      threads.next.removeAll(keepingCapacity: true)
      for pc in threads.current {
        guard case .test(let test) = instructions[pc],
          test.accepts(input[position], folded: folded[position], ignoringCase: ignoresCase)
        else { continue }
        threads.add(pc + 1, at: position + 1)
      }
      swap(&threads.current, &threads.next)
    }
    return threads.current.contains {
      if case .match = instructions[$0] { true } else { false }
    }
  }
}

/// The states the automaton is in: `current` before the character at a position, `next` after it.
private struct Threads {
  let program: PatternProgram
  let count: Int
  let boundaries: WordBoundaries?
  var current: [Int] = []
  var next: [Int] = []
  /// The position each instruction was last added at: each is added once per position.
  private var addedAt: [Int]
  private var pending: [Int] = []

  init(program: PatternProgram, count: Int, boundaries: WordBoundaries?) {
    self.program = program
    self.count = count
    self.boundaries = boundaries
    addedAt = [Int](repeating: -1, count: program.instructions.count)
  }

  /// Adds `pc` and what it leads to without taking a character, into `current` at position 0 and
  /// into `next` after.
  mutating func add(_ pc: Int, at position: Int) {
    pending.append(pc)
    while let pc = pending.popLast() {
      guard addedAt[pc] != position else { continue }
      addedAt[pc] = position
      switch program.instructions[pc] {
      case .jump(let target): pending.append(target)
      case .split(let first, let second):
        pending.append(second)
        pending.append(first)
      case .assert(let assertion):
        if holds(assertion, at: position) { pending.append(pc + 1) }
      case .test, .match:
        if position == 0 { current.append(pc) } else { next.append(pc) }
      }
    }
  }

  private func holds(_ assertion: PatternAssertion, at position: Int) -> Bool {
    switch assertion {
    case .start: return position == 0
    case .end: return position == count
    case .wordBoundary: return boundaries?.holds(at: position) ?? false
    case .notWordBoundary: return !(boundaries?.holds(at: position) ?? true)
    }
  }
}
