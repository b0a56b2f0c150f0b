extension PatternProgram {
  /// Whether the whole of `text` matches. Every path through the automaton is followed at once,
  /// one character at a time, and each instruction is visited at most once per character: the
  /// time is at most (answer length + 1) × program size, however the pattern is written.
  func matchesWhole(_ text: String) -> Bool {
    let characters = Array(text)
    let input = characters.map { InputCharacter($0, ignoringCase: ignoresCase) }
    var run = Run(
      instructions: instructions, count: input.count,
      boundaries: readsWordBoundaries ? WordBoundaries(characters) : nil)
    run.add(0, at: 0)
    swap(&run.current, &run.next)
    // Each test's verdict on the current character, worked out when a thread first needs it.
    var verdicts = [Verdict](repeating: .unknown, count: tests.count)
    for position in input.indices {
      if run.current.isEmpty { return false }
      run.next.removeAll(keepingCapacity: true)
      for index in verdicts.indices { verdicts[index] = .unknown }
      for pc in run.current {
        guard case .test(let test) = instructions[pc] else { continue }
        if verdicts[test] == .unknown {
          verdicts[test] =
            tests[test].passes(input[position], ignoringCase: ignoresCase) ? .passes : .fails
        }
        if verdicts[test] == .passes { run.add(pc + 1, at: position + 1) }
      }
      swap(&run.current, &run.next)
    }
    return run.current.contains {
      if case .match = instructions[$0] { true } else { false }
    }
  }
}

private enum Verdict { case unknown, passes, fails }

/// The states the automaton is in: `current` before the character at a position, `next` after it.
private struct Run {
  let instructions: [PatternProgram.Instruction]
  let count: Int
  let boundaries: WordBoundaries?
  var current: [Int] = []
  var next: [Int] = []
  /// The position each instruction was last added at: each is added once per position.
  private var addedAt: [Int]
  private var pending: [Int] = []

  init(instructions: [PatternProgram.Instruction], count: Int, boundaries: WordBoundaries?) {
    self.instructions = instructions
    self.count = count
    self.boundaries = boundaries
    addedAt = [Int](repeating: -1, count: instructions.count)
    current.reserveCapacity(instructions.count)
    next.reserveCapacity(instructions.count)
    pending.reserveCapacity(instructions.count)
  }

  /// Adds `pc`, and what it leads to without taking a character, to `next`.
  mutating func add(_ pc: Int, at position: Int) {
    pending.append(pc)
    while let pc = pending.popLast() {
      if addedAt[pc] == position { continue }
      addedAt[pc] = position
      switch instructions[pc] {
      case .jump(let target): pending.append(target)
      case .split(let first, let second):
        pending.append(second)
        pending.append(first)
      case .assert(let assertion):
        if holds(assertion, at: position) { pending.append(pc + 1) }
      case .test, .match:
        next.append(pc)
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
