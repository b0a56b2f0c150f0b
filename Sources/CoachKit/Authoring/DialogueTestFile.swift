import Foundation

/// Reads the cases of one test file, checking them against the dialogue they test: every step
/// and name they mention must exist. Mistakes are reported like `coach check` reports them.
public enum DialogueTestFile {
  static let topKeys = ["today", "cases"]
  static let caseKeys = ["name", "today", "before", "answers", "expect"]
  static let beforeKeys = ["today", "answers"]
  static let expectKeys = [
    "visited", "not_visited", "values", "plan_contains", "plan_lacks", "ends",
  ]
  static let answerKeys = ["reject"]
  /// What an answer starting with `/` may be.
  public static let commands = ["/back", "/skip", "/restart"]

  public static func read(_ bytes: [UInt8], file: String, for dialogue: Dialogue) -> (
    cases: [DialogueTestCase], diagnostics: [Diagnostic]
  ) {
    let start = SourceLocation(file: file, line: 1, column: 1)
    let document: YAMLDocument
    switch YAMLEventReader().read(bytes, file: file) {
    case .failure(let problem):
      return ([], [.error(problem.message, at: problem.location(in: file))])
    case .success(let read) where read.nodes.isEmpty:
      return ([], [.error("the file is empty; a test file needs 'cases'", at: start)])
    case .success(let read):
      document = read
    }
    let root = document.root
    var reader = CaseReader(r: NodeReader(document: document), dialogue: dialogue)
    let cases = reader.readFile(root)
    return (cases, reader.r.diagnostics)
  }
}

private struct CaseReader {
  typealias NodeID = YAMLDocument.NodeID

  var r: NodeReader
  let dialogue: Dialogue

  mutating func readFile(_ root: NodeID) -> [DialogueTestCase] {
    guard let entries = r.entries(of: root, "a test file", allowed: DialogueTestFile.topKeys)
    else { return [] }
    var today = DialogueTestCase.defaultToday
    if let entry = entries.first(where: { $0.key == "today" }), let day = day(entry.value) {
      today = day
    }
    guard let casesEntry = entries.first(where: { $0.key == "cases" }) else {
      r.error("a test file needs 'cases': a list of test cases", at: root)
      return []
    }
    guard let items = r.sequence(casesEntry.value, "cases") else { return [] }
    var names: [String: SourceLocation] = [:]
    var cases: [DialogueTestCase] = []
    for item in items {
      guard let testCase = readCase(item, today: today) else { continue }
      if let first = names[testCase.name] {
        r.error(
          "a case named '\(testCase.name)' already exists at line \(first.line)",
          at: testCase.location)
      }
      names[testCase.name] = testCase.location
      cases.append(testCase)
    }
    return cases
  }

  mutating func day(_ node: NodeID) -> Day? {
    guard let text = r.string(node, "today") else { return nil }
    guard let day = Day(iso: text) else {
      r.error("today should be a date like 2026-03-02, not \(r.describe(node))", at: node)
      return nil
    }
    return day
  }

  mutating func readCase(_ node: NodeID, today fileToday: Day) -> DialogueTestCase? {
    guard let entries = r.entries(of: node, "a test case", allowed: DialogueTestFile.caseKeys)
    else { return nil }
    let location = r.location(of: node)
    var name: String?
    var today = fileToday
    var answers: [DialogueTestCase.Input] = []
    var expectations: [DialogueTestCase.Expectation] = []
    var before: DialogueTestCase.Before?
    for entry in entries {
      switch entry.key {
      case "name": name = r.string(entry.value, "name")
      case "before": before = readBefore(entry.value, today: fileToday)
      case "today": today = day(entry.value) ?? today
      case "answers":
        for item in r.sequence(entry.value, "answers") ?? [] {
          if let input = readInput(item) { answers.append(input) }
        }
      case "expect": expectations = readExpectations(entry.value)
      default: break
      }
    }
    if !entries.contains(where: { $0.key == "name" }) {
      r.error("this test case needs a 'name'", at: location)
    }
    guard let name else { return nil }
    return DialogueTestCase(
      name: name, today: today, answers: answers, expectations: expectations, before: before,
      location: location)
  }

  mutating func readBefore(_ node: NodeID, today fileToday: Day) -> DialogueTestCase.Before? {
    guard let entries = r.entries(of: node, "before", allowed: DialogueTestFile.beforeKeys) else {
      return nil
    }
    var today = fileToday
    var answers: [DialogueTestCase.Input] = []
    for entry in entries {
      switch entry.key {
      case "today": today = day(entry.value) ?? today
      default:
        for item in r.sequence(entry.value, "answers") ?? [] {
          if let input = readInput(item) { answers.append(input) }
        }
      }
    }
    return DialogueTestCase.Before(today: today, answers: answers, location: r.location(of: node))
  }

  mutating func readInput(_ node: NodeID) -> DialogueTestCase.Input? {
    let location = r.location(of: node)
    if r.document.kind(node) == .mapping {
      guard let entries = r.entries(of: node, "an answer", allowed: DialogueTestFile.answerKeys),
        let entry = entries.first, let text = r.string(entry.value, "reject")
      else { return nil }
      return .init(kind: .rejected(text), location: location)
    }
    guard let text = r.string(node, "an answer") else { return nil }
    if text.hasPrefix("/") {
      switch text.trimmingCharacters(in: .whitespaces) {
      case "/back": return .init(kind: .back, location: location)
      case "/skip": return .init(kind: .skip, location: location)
      case "/restart": return .init(kind: .restart, location: location)
      default:
        r.error(
          "unknown command '\(text)'; a case may use \(DialogueTestFile.commands.joined(separator: ", "))",
          at: node)
        return nil
      }
    }
    return .init(kind: .answer(text), location: location)
  }

  mutating func readExpectations(_ node: NodeID) -> [DialogueTestCase.Expectation] {
    guard let entries = r.entries(of: node, "expect", allowed: DialogueTestFile.expectKeys) else {
      return []
    }
    var result: [DialogueTestCase.Expectation] = []
    for entry in entries {
      switch entry.key {
      case "visited", "not_visited":
        for item in listItems(entry.value) {
          guard let id = stepID(item, entry.key) else { continue }
          result.append(
            .init(
              kind: entry.key == "visited" ? .visited(id) : .notVisited(id),
              location: r.location(of: item)))
        }
      case "plan_contains", "plan_lacks":
        if dialogue.plan == nil {
          r.error("the dialogue has no plan to look into", at: entry.keyNode)
          continue
        }
        for item in listItems(entry.value) {
          guard let text = r.string(item, "each of \(entry.key)") else { continue }
          result.append(
            .init(
              kind: entry.key == "plan_contains" ? .planContains(text) : .planLacks(text),
              location: r.location(of: item)))
        }
      case "values":
        guard r.document.kind(entry.value) == .mapping else {
          r.error("values should be a mapping of names to values", at: entry.value)
          continue
        }
        for (nameNode, valueNode) in r.document.pairs(of: entry.value) {
          guard let name = r.string(nameNode, "a name in values") else { continue }
          guard isKnownName(name) else {
            let names =
              dialogue.steps.compactMap(\.question?.variable) + dialogue.computed.map(\.name)
              + dialogue.storedParameters.map(\.name)
            let guess = Suggestion.closest(to: name, among: names).map { "; did you mean '\($0)'?" }
            r.error(
              "no answer or computed value is named '\(name)'\(guess ?? "")", at: nameNode)
            continue
          }
          guard let expected = expectedValue(valueNode) else { continue }
          result.append(
            .init(kind: .value(name: name, expected), location: r.location(of: nameNode)))
        }
      case "ends":
        guard let text = r.string(entry.value, "ends") else { continue }
        let location = r.location(of: entry.value)
        if text == "finished" {
          result.append(.init(kind: .finished, location: location))
        } else if text.hasPrefix("at ") {
          let id = String(text.dropFirst(3)).trimmingCharacters(in: .whitespaces)
          guard dialogue.step(id) != nil else {
            r.error(unknownStep(id), at: entry.value)
            continue
          }
          result.append(.init(kind: .waitingAt(id), location: location))
        } else {
          r.error(
            "ends should be 'finished' or 'at STEP' (waiting at that step), not \(r.describe(entry.value))",
            at: entry.value)
        }
      default: break
      }
    }
    return result
  }

  /// A list's items, or a single scalar as a list of one.
  func listItems(_ node: NodeID) -> [NodeID] {
    r.document.kind(node) == .sequence ? r.document.items(of: node) : [node]
  }

  mutating func stepID(_ node: NodeID, _ what: String) -> String? {
    guard let id = r.string(node, "each of \(what)") else { return nil }
    guard dialogue.step(id) != nil else {
      r.error(unknownStep(id), at: node)
      return nil
    }
    return id
  }

  func unknownStep(_ id: String) -> String {
    let guess = Suggestion.closest(to: id, among: dialogue.steps.map(\.id))
    return "no step has the id '\(id)'" + (guess.map { "; did you mean '\($0)'?" } ?? "")
  }

  func isKnownName(_ name: String) -> Bool {
    name == "today" || dialogue.question(storing: name) != nil
      || dialogue.computedValue(name) != nil
      || dialogue.storedParameters.contains { $0.name == name }
  }

  mutating func expectedValue(_ node: NodeID) -> DialogueTestCase.ExpectedValue? {
    switch r.document.kind(node) {
    case .scalar:
      let scalar = r.document.nodes[node]
      if scalar.style == .plain, ["~", "null", ""].contains(scalar.value) { return .empty }
      return .scalar(scalar.value)
    case .sequence:
      let items = r.document.items(of: node).compactMap {
        r.string($0, "each item of an expected list")
      }
      return items.isEmpty ? .empty : .list(items)
    case .mapping:
      r.error("an expected value should be a value or a list, not \(r.describe(node))", at: node)
      return nil
    }
  }
}
