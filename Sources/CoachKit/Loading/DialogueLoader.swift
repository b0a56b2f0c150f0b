import Foundation

/// Reads a dialogue from a YAML file, or from a folder holding `dialogue.yaml`, into a typed
/// ``Dialogue`` whose every element knows where it was written.
///
///     let result = try DialogueLoader(source: .fileSystem).load(path: "Dialogues/examples/tour")
///     for finding in result.diagnostics { print(finding) }
///
/// The loader reports what does not fit the format (unknown keys, wrong types, missing keys,
/// YAML it refuses); ``DialogueChecker`` then looks at what the dialogue means.
public struct DialogueLoader: Sendable {
  public struct Result: Sendable {
    /// The dialogue, when it could be built (it may still have errors); nil when its main file
    /// or a file it includes could not be read.
    public var dialogue: Dialogue?
    public var diagnostics: [Diagnostic]
  }

  public enum Failure: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case notAFile(String)

    public var description: String {
      switch self {
      case .notFound(let path): "no dialogue at '\(path)': no such file or folder"
      case .notAFile(let path): "'\(path)' is not a regular file or a folder"
      }
    }
  }

  /// How much YAML is worth reading: bigger or deeper files are refused before they cost much.
  public struct Limits: Sendable, Equatable {
    /// The largest accepted file, in bytes.
    public var maxBytes: Int
    /// The most values (scalars, lists and mappings) a file may hold.
    public var maxNodes: Int
    /// The deepest nesting of lists and mappings.
    public var maxDepth: Int

    public init(maxBytes: Int = 16 * 1024 * 1024, maxNodes: Int = 2_000_000, maxDepth: Int = 200) {
      self.maxBytes = maxBytes
      self.maxNodes = maxNodes
      self.maxDepth = maxDepth
    }

    /// 16 MiB, 2,000,000 values, 200 levels.
    public static let standard = Limits()
  }

  public var source: DialogueSource
  public var limits: Limits
  /// Whether the dialogue was checked when `coach` was built (the dialogues under `Dialogues/`,
  /// see DialogueEmbedder): what only finds mistakes is skipped, and texts and expressions are
  /// parsed when first used, so that start-up does not pay for the whole dialogue.
  public var checkedWhenBuilt = false
  /// Set while loading a followed dialogue, whose own `follows` is not loaded.
  var following = false

  public init(source: DialogueSource = .none, limits: Limits = .standard) {
    self.source = source
    self.limits = limits
  }

  /// Loads the dialogue at `path`: a `.yaml` file, or a folder with a `dialogue.yaml`.
  public func load(path: String) throws(Failure) -> Result {
    var mainFile = path
    switch source.entry(path) {
    case .missing: throw .notFound(path)
    case .other: throw .notAFile(path)
    case .directory:
      let candidates = ["dialogue.yaml", "dialogue.yml"].map { Self.join(path, $0) }
      guard let found = candidates.first(where: { source.entry($0) == .file }) else {
        throw .notFound(candidates[0])
      }
      mainFile = found
    case .file: break
    }
    var assembly = Assembly(loader: self)
    return assembly.run(mainFile: mainFile)
  }

  /// Loads a dialogue from text, as if it were the file `name`.
  public func load(text: String, name: String) -> Result {
    var files = [name: text]
    files[name] = text
    var copy = self
    copy.source = .inMemory(files)
    var assembly = Assembly(loader: copy)
    return assembly.run(mainFile: name)
  }

  static func join(_ directory: String, _ name: String) -> String {
    if name.hasPrefix("/") { return normalize(name) }
    if directory.isEmpty || directory == "." { return normalize(name) }
    return normalize(directory.hasSuffix("/") ? directory + name : directory + "/" + name)
  }

  /// `a/b/../c/./d` → `a/c/d`, without asking the file system (files may be held in memory).
  static func normalize(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !path.hasPrefix("/") {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return path.hasPrefix("/") ? "/" + joined : (joined.isEmpty ? "." : joined)
  }

  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[..<slash])
  }
}

/// The work of loading one dialogue: its files, in include order, and what was found in them.
struct Assembly {
  let loader: DialogueLoader
  /// Set when the main file is known: what `include` and `template_file` may read.
  var folder: DialogueFolder
  var diagnostics: [Diagnostic] = []
  var files: [String] = []
  var sections: [Section] = []
  var computed: [ComputedValue] = []
  var functions: [DialogueFunction] = []
  var flows: [Flow] = []
  var fingerprint = Fingerprint()
  /// Whether an included file could not be read: the steps and values it holds are missing.
  var incomplete = false

  init(loader: DialogueLoader) {
    self.loader = loader
    self.folder = DialogueFolder(mainFile: "", source: loader.source)
  }

  mutating func run(mainFile: String) -> DialogueLoader.Result {
    folder = DialogueFolder(mainFile: mainFile, source: loader.source)
    // The file's YAML is let go of before the dialogue is built: on a big dialogue the two
    // together would be the peak of memory.
    guard let main = readMain(mainFile) else {
      return .init(dialogue: nil, diagnostics: diagnostics)
    }
    var dialogue = Dialogue(
      id: main.id ?? "dialogue", title: main.title ?? "", version: main.version,
      duration: main.duration ?? 0, sections: sections, computed: computed, plan: main.plan,
      keepAnswersCondition: main.keepAnswers, follows: main.follows, profile: main.profile,
      location: main.location, startID: main.start, startLocation: main.startLocation,
      files: files, fingerprint: fingerprint.value, functions: functions, flows: flows)
    dialogue.durationLocation = main.durationLocation
    // Checking what is left of an incomplete dialogue would only report what the missing file holds.
    return .init(dialogue: incomplete ? nil : dialogue, diagnostics: diagnostics)
  }

  /// What the main file says about the dialogue as a whole.
  struct MainFile {
    var id: String?
    var title: String?
    var version = "1"
    var duration: Double?
    var durationLocation: SourceLocation?
    var start: String?
    var startLocation: SourceLocation?
    var plan: PlanTemplate?
    var profile: [ProfileEntry] = []
    var keepAnswers: Formula?
    var follows: FollowedDialogue?
    var location: SourceLocation
  }

  /// Reads the main file, and the files it includes into `sections` and `computed`.
  mutating func readMain(_ mainFile: String) -> MainFile? {
    guard var r = read(mainFile) else { return nil }
    defer { diagnostics += r.diagnostics }
    let root = r.document.root
    guard let entries = r.entries(of: root, "the dialogue", allowed: Schema.dialogue) else {
      return nil
    }
    var main = MainFile(location: r.location(of: root))
    for entry in entries {
      switch entry.key {
      case "format":
        if let format = r.integer(entry.value, "format"), format != Schema.formatVersion {
          r.error(
            "this dialogue is written in format \(format); this coach reads format \(Schema.formatVersion)",
            at: entry.value)
        }
      case "id": main.id = r.identifier(entry.value, "the dialogue's id")
      case "title": main.title = r.plainString(entry.value, "the dialogue's title")
      case "version": main.version = r.string(entry.value, "version") ?? main.version
      case "description": _ = r.plainString(entry.value, "the dialogue's description")
      case "duration":
        main.duration = r.number(entry.value, "duration")
        main.durationLocation = r.location(of: entry.keyNode)
        if let value = main.duration, value <= 0 {
          r.error("duration should be more than 0 minutes", at: entry.value)
        }
      case "start":
        main.start = r.identifier(entry.value, "start")
        main.startLocation = r.location(of: entry.value)
      case "plan": main.plan = readPlan(entry.value, &r, file: mainFile)
      case "profile": main.profile = readProfile(entry.value, &r)
      case "follows": main.follows = readFollowed(entry.value, &r, file: mainFile)
      case "keep_answers_if":
        main.keepAnswers =
          readFormula(entry.value, &r, "keep_answers_if")
          ?? Formula.never(at: r.location(of: entry.value))
      case "include": break
      default: readShared(entry, &r, file: mainFile, including: [mainFile])
      }
    }
    // Included files come after this file's own sections, in the order they are listed.
    if let include = entries.first(where: { $0.key == "include" }) {
      readShared(include, &r, file: mainFile, including: [mainFile])
    }
    for (key, value) in [
      ("id", main.id as Any?), ("title", main.title), ("duration", main.duration),
    ]
    where value == nil {
      if !entries.contains(where: { $0.key == key }) {
        r.error("the dialogue needs '\(key)'", at: main.location)
      }
    }
    if !entries.contains(where: { $0.key == "sections" }) {
      r.error("the dialogue needs 'sections': the agenda, each with its steps", at: main.location)
    }
    return main
  }

  /// Keys a main file and an included file both accept.
  mutating func readShared(
    _ entry: NodeReader.Entry, _ r: inout NodeReader, file: String, including chain: [String]
  ) {
    switch entry.key {
    case "sections":
      guard let items = r.sequence(entry.value, "sections") else { return }
      for item in items {
        if let section = readSection(item, &r) { sections.append(section) }
      }
    case "computed":
      guard r.document.kind(entry.value) == .mapping else {
        r.error("computed should be a mapping of names to expressions", at: entry.value)
        return
      }
      for (nameNode, valueNode) in r.document.pairs(of: entry.value) {
        guard let name = r.variableName(nameNode, "the computed value") else { continue }
        guard let formula = readFormula(valueNode, &r, "the expression for '\(name)'") else {
          continue
        }
        computed.append(
          ComputedValue(name: name, formula: formula, location: r.location(of: nameNode)))
      }
    case "functions": readFunctions(entry.value, &r)
    case "flows":
      guard let items = r.sequence(entry.value, "flows") else { return }
      for item in items {
        if let flow = readFlow(item, &r) { flows.append(flow) }
      }
    case "include":
      var items = [entry.value]
      if r.document.kind(entry.value) == .sequence {
        items = r.sequence(entry.value, "include") ?? []
      }
      for item in items {
        guard let name = r.string(item, "each of include") else { continue }
        switch folder.locate(name, from: file) {
        case .failure(let refusal):
          r.error("cannot include \(NodeReader.quoted(name)): \(refusal.reason)", at: item)
          incomplete = true
        case .success(let path) where chain.contains(path) || files.contains(path):
          r.error("\(NodeReader.quoted(name)) is included twice (or includes itself)", at: item)
        case .success(let path):
          includeFile(path, chain: chain + [path])
        }
      }
    default:
      break
    }
  }

  mutating func includeFile(_ path: String, chain: [String]) {
    guard var r = read(path) else {
      incomplete = true
      return
    }
    let root = r.document.root
    if let entries = r.entries(of: root, "an included file", allowed: Schema.includedFile) {
      for entry in entries where entry.key != "include" {
        readShared(entry, &r, file: path, including: chain)
      }
      for entry in entries where entry.key == "include" {
        readShared(entry, &r, file: path, including: chain)
      }
    } else {
      incomplete = true
    }
    diagnostics += r.diagnostics
  }

  /// Reads one file's YAML, or records why it could not.
  mutating func read(_ path: String) -> NodeReader? {
    files.append(path)
    let start = SourceLocation(file: path, line: 1, column: 1)
    let bytes: [UInt8]
    do {
      bytes = try loader.source.read(path)
      fingerprint.add(bytes)
    } catch {
      diagnostics.append(.error("cannot read the file: \(Self.reason(error))", at: start))
      return nil
    }
    // Read ahead of time (a dialogue built into coach), or now.
    let prepared = loader.source.prepared(path).flatMap { PreparedYAML.decode($0, file: path) }
    switch prepared.map(Result.success)
      ?? YAMLEventReader(limits: loader.limits).read(bytes, file: path)
    {
    case .failure(let problem):
      diagnostics.append(.error(problem.message, at: problem.location(in: path)))
      return nil
    case .success(let document) where document.nodes.isEmpty:
      diagnostics.append(
        .error(
          "the file is empty; a dialogue needs at least an id, a title and sections", at: start))
      return nil
    case .success(let document):
      return NodeReader(document: document, checked: loader.checkedWhenBuilt)
    }
  }

  static func reason(_ error: any Error) -> String {
    if let cocoa = error as? CocoaError {
      switch cocoa.code {
      case .fileReadNoPermission: return "permission denied"
      case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file"
      default: break
      }
    }
    return "\(error.localizedDescription)"
  }

  // MARK: - Sections and steps

  mutating func readSection(_ node: NodeReader.NodeID, _ r: inout NodeReader) -> Section? {
    guard let entries = r.entries(of: node, "a section", allowed: Schema.section) else {
      return nil
    }
    var id: String?
    var title: String?
    var budget: Double?
    var stepNodes: [NodeReader.NodeID] = []
    for entry in entries {
      switch entry.key {
      case "id": id = r.identifier(entry.value, "the section's id")
      case "title": title = r.string(entry.value, "the section's title")
      case "budget":
        budget = r.number(entry.value, "budget (minutes)")
        if let value = budget, value < 0 {
          r.error("budget should be 0 minutes or more", at: entry.value)
          budget = nil
        }
      case "steps": stepNodes = r.sequence(entry.value, "steps") ?? []
      default: break
      }
    }
    let location = r.location(of: node)
    for key in ["id", "title", "budget", "steps"] where !entries.contains(where: { $0.key == key })
    {
      r.error("this section needs '\(key)'", at: location)
    }
    // A section whose id or budget is missing or wrong is still read, so that its steps are
    // known and the budgets are not also reported as not adding up.
    let sectionID = id ?? "section-at-line-\(location.line)"
    var steps: [Step] = []
    steps.reserveCapacity(stepNodes.count)
    for node in stepNodes {
      if let step = readStep(node, sectionID: sectionID, &r) { steps.append(step) }
    }
    return Section(
      id: sectionID, title: title ?? sectionID, budget: budget ?? .nan, steps: steps,
      location: location)
  }

  mutating func readStep(_ node: NodeReader.NodeID, sectionID: String, _ r: inout NodeReader)
    -> Step?
  {
    guard let entries = r.entries(of: node, "a step", allowed: Schema.step) else { return nil }
    let location = r.location(of: node)
    guard let idEntry = entries.first(where: { $0.key == "id" }) else {
      r.error("this step needs an 'id'", at: location)
      return nil
    }
    guard let id = r.identifier(idEntry.value, "the step's id") else { return nil }
    var say: Text?
    var question: Question?
    var notes: Text?
    var next = Transition.following
    var isFinal = false
    var condition: Formula?
    var estimate: Double?
    var likelihood: Double?
    var call: Call?
    var returns = false
    for entry in entries {
      switch entry.key {
      case "likely":
        likelihood = r.number(entry.value, "likely (from 0 to 1)")
        if let value = likelihood, !(0...1).contains(value) {
          r.error(
            "likely should be from 0 (hardly anyone) to 1 (everyone), like 0.3", at: entry.value)
          likelihood = nil
        }
        if !entries.contains(where: { $0.key == "when" }) {
          r.error(
            "likely says how often the step's 'when' holds; this step has no 'when'",
            at: entry.keyNode)
        }
      case "call":
        guard let flowID = r.identifier(entry.value, "call") else { continue }
        call = Call(flowID: flowID, arguments: [], location: r.location(of: entry.value))
      case "return": returns = r.bool(entry.value, "return") ?? false
      case "estimate":
        estimate = r.number(entry.value, "estimate (seconds)")
        if let value = estimate, value < 0 {
          r.error("estimate should be 0 seconds or more", at: entry.value)
          estimate = nil
        }
      case "when":
        // A condition that does not parse is reported and treated as never true.
        condition =
          readFormula(entry.value, &r, "the condition")
          ?? Formula.never(at: r.location(of: entry.value))
      case "say": say = r.text(entry.value, "say")
      case "notes": notes = r.text(entry.value, "notes")
      case "ask": question = QuestionReader.read(entry.value, stepID: id, &r)
      case "next": next = readTransition(entry.value, &r) ?? .following
      case "final": isFinal = r.bool(entry.value, "final") ?? false
      default: break
      }
    }
    if var found = call {
      if let withEntry = entries.first(where: { $0.key == "with" }) {
        (found.arguments, found.hasUnreadArguments) = readArguments(withEntry.value, &r)
        found.argumentsLocation = r.location(of: withEntry.keyNode)
      }
      call = found
      if let askEntry = entries.first(where: { $0.key == "ask" }) {
        r.error(
          "step '\(id)' calls a flow, so it cannot also 'ask'; put the question in a step of its own",
          at: askEntry.keyNode)
        question = nil
      }
    } else if let withEntry = entries.first(where: { $0.key == "with" }) {
      r.error(
        "'with' gives the parameters of a flow's call; this step has no 'call'",
        at: withEntry.keyNode)
    } else if say == nil && !entries.contains(where: { $0.key == "ask" }) {
      r.error(
        "step '\(id)' says nothing and asks nothing; give it 'say', 'ask', 'call' or more",
        at: location)
    }
    if isFinal, call != nil, let finalEntry = entries.first(where: { $0.key == "final" }) {
      r.error(
        "step '\(id)' calls a flow, so it cannot be final; add a final step after it",
        at: finalEntry.keyNode)
    }
    if isFinal, let nextEntry = entries.first(where: { $0.key == "next" }) {
      r.error("step '\(id)' is final, so it cannot have 'next'", at: nextEntry.keyNode)
    }
    return Step(
      id: id, sectionID: sectionID, say: say, question: question, notes: notes, next: next,
      isFinal: isFinal, condition: condition, estimate: estimate, likelihood: likelihood,
      call: call, returns: returns,
      location: location)
  }

  /// `with:` of a call: each parameter's expression, evaluated when the call starts.
  /// With whether some of it could not be read.
  mutating func readArguments(_ node: NodeReader.NodeID, _ r: inout NodeReader)
    -> ([Call.Argument], Bool)
  {
    guard r.document.kind(node) == .mapping else {
      r.error(
        "with should be a mapping of the flow's parameters to expressions, like {number: 1}",
        at: node)
      return ([], true)
    }
    var arguments: [Call.Argument] = []
    var unread = false
    var cutShort = false
    for (nameNode, valueNode) in r.document.pairs(of: node) {
      // After an expression cut at a comma, keys that are no names are the rest of it.
      if cutShort, let key = r.document.string(nameNode), !NodeReader.isVariableName(key) {
        continue
      }
      cutShort = false
      guard let name = r.variableName(nameNode, "a parameter's name") else {
        unread = true
        continue
      }
      if arguments.contains(where: { $0.name == name }) {
        r.error("the parameter '\(name)' is given twice", at: nameNode)
        continue
      }
      if let text = r.document.string(valueNode),
        text.utf8.count(where: { $0 == UInt8(ascii: "(") })
          > text.utf8.count(where: { $0 == UInt8(ascii: ")") })
      {
        // `with: {n: max(1, count(picks))}`: YAML ends the value at the comma.
        r.error(
          "the expression for '\(name)' is cut short at a comma: inside {…} a comma ends a value; write each parameter on its own line under 'with:', or put the expression in quotes",
          at: valueNode)
        unread = true
        cutShort = true
        continue
      }
      guard let value = readFormula(valueNode, &r, "the value of '\(name)'") else {
        unread = true
        continue
      }
      arguments.append(Call.Argument(name: name, value: value, location: r.location(of: nameNode)))
    }
    return (arguments, unread)
  }

  // MARK: - Functions and flows

  /// `functions:`, a mapping of `name(param, …)` to the expression it stands for.
  mutating func readFunctions(_ node: NodeReader.NodeID, _ r: inout NodeReader) {
    guard r.document.kind(node) == .mapping else {
      r.error(
        "functions should be a mapping like 'band(score): if(score >= 75, \"strength\", \"build\")'",
        at: node)
      return
    }
    for (keyNode, valueNode) in r.document.pairs(of: node) {
      guard let key = r.string(keyNode, "a function's name") else { continue }
      let start = r.location(of: keyNode)
      guard let header = FunctionHeader(key) else {
        r.error(
          "\(NodeReader.quoted(key)) is not a function's name and parameters; write it like 'band(score)' or 'bar(score, width)'",
          at: keyNode)
        continue
      }
      if let problem = header.problem {
        r.error(problem.message, at: start.movedRight(by: problem.offset))
        continue
      }
      guard let body = readFormula(valueNode, &r, "the body of '\(header.name)'") else { continue }
      functions.append(
        DialogueFunction(
          name: header.name,
          parameters: header.parameters.map {
            .init(name: $0.name, location: start.movedRight(by: $0.offset))
          },
          body: body, location: start))
    }
  }

  /// One of `flows:`.
  mutating func readFlow(_ node: NodeReader.NodeID, _ r: inout NodeReader) -> Flow? {
    guard let entries = r.entries(of: node, "a flow", allowed: Schema.flow) else { return nil }
    let location = r.location(of: node)
    guard let idEntry = entries.first(where: { $0.key == "id" }) else {
      r.error("this flow needs an 'id': the name steps 'call' it by", at: location)
      return nil
    }
    guard let id = r.identifier(idEntry.value, "the flow's id") else { return nil }
    var parameters: [Flow.Parameter] = []
    if let paramsEntry = entries.first(where: { $0.key == "params" }) {
      if r.document.kind(paramsEntry.value) == .mapping {
        for (nameNode, typeNode) in r.document.pairs(of: paramsEntry.value) {
          guard let name = r.variableName(nameNode, "a parameter's name") else { continue }
          guard let typeName = r.string(typeNode, "the type of '\(name)'") else { continue }
          let types = ["text", "number", "yesno", "date", "list"]
          let type: ValueType? =
            switch typeName {
            case "text": .text
            case "number": .number
            case "yesno": .bool
            case "date": .date
            case "list": .list
            default: nil
            }
          guard let type else {
            let guess = Suggestion.closest(to: typeName, among: types)
            r.error(
              "unknown type \(NodeReader.quoted(typeName)) for the parameter '\(name)'"
                + (guess.map { "; did you mean '\($0)'?" }
                  ?? "; use one of: \(types.joined(separator: ", "))"),
              at: typeNode)
            // Read on as the type it most likely means (else text), so that the parameter is
            // still known and nothing else is reported because of it.
            let meant: ValueType =
              switch guess {
              case "number": .number
              case "yesno": .bool
              case "date": .date
              case "list": .list
              default: .text
              }
            parameters.append(.init(name: name, type: meant, location: r.location(of: nameNode)))
            continue
          }
          if parameters.contains(where: { $0.name == name }) {
            r.error("the parameter '\(name)' is listed twice", at: nameNode)
            continue
          }
          parameters.append(.init(name: name, type: type, location: r.location(of: nameNode)))
        }
      } else {
        r.error(
          "params should be a mapping of names to types, like {number: number, menu: text}",
          at: paramsEntry.value)
      }
    }
    guard let stepsEntry = entries.first(where: { $0.key == "steps" }) else {
      r.error("flow '\(id)' needs 'steps': what it says and asks", at: location)
      return nil
    }
    var steps: [Step] = []
    for item in r.sequence(stepsEntry.value, "steps") ?? [] {
      guard var step = readStep(item, sectionID: "", &r) else { continue }
      if step.isFinal {
        r.error(
          "step '\(step.id)' of flow '\(id)' cannot be final: a flow ends by going back to the step that called it; write 'return: true' instead",
          at: step.location)
        // Read as meant, so that the flow is not also reported as never ending.
        step.isFinal = false
        step.returns = true
      }
      steps.append(step)
    }
    if steps.isEmpty {
      r.error("flow '\(id)' has no steps", at: stepsEntry.value)
      return nil
    }
    return Flow(id: id, parameters: parameters, steps: steps, location: location)
  }

  mutating func readTransition(_ node: NodeReader.NodeID, _ r: inout NodeReader) -> Transition? {
    if r.document.kind(node) == .scalar {
      guard let target = r.identifier(node, "next") else { return nil }
      return .goTo(.init(stepID: target, location: r.location(of: node)))
    }
    guard let items = r.sequence(node, "next") else { return nil }
    var branches: [Transition.Branch] = []
    for item in items {
      guard let entries = r.entries(of: item, "a branch of 'next'", allowed: Schema.branch) else {
        continue
      }
      guard let gotoEntry = entries.first(where: { $0.key == "goto" }) else {
        r.error("this branch needs 'goto': the step to go to", at: item)
        continue
      }
      guard let target = r.identifier(gotoEntry.value, "goto") else { continue }
      var condition: Formula?
      if let ifEntry = entries.first(where: { $0.key == "if" }) {
        // A condition that does not parse is reported and treated as never true.
        condition =
          readFormula(ifEntry.value, &r, "the condition")
          ?? Formula.never(at: r.location(of: ifEntry.value))
      }
      branches.append(
        .init(
          condition: condition,
          target: .init(stepID: target, location: r.location(of: gotoEntry.value))))
    }
    return .branches(branches)
  }

  mutating func readFormula(
    _ node: NodeReader.NodeID, _ r: inout NodeReader, _ what: @autoclosure () -> String
  ) -> Formula? {
    r.formula(node, what())
  }

  /// The dialogue named by `follows`, loaded with the same source; its own `follows` is not
  /// followed further.
  mutating func readFollowed(_ node: NodeReader.NodeID, _ r: inout NodeReader, file: String)
    -> FollowedDialogue?
  {
    guard let path = r.string(node, "follows") else { return nil }
    let full = DialogueLoader.join(DialogueLoader.directory(of: file), path)
    guard !loader.following else {
      return nil
    }
    var inner = loader
    inner.following = true
    do {
      let result = try inner.load(path: full)
      diagnostics += result.diagnostics
      guard let dialogue = result.dialogue else {
        r.error("the dialogue '\(path)' that this one follows has errors", at: node)
        return nil
      }
      return FollowedDialogue(dialogue: dialogue, path: path, location: r.location(of: node))
    } catch {
      r.error("follows: \(error)", at: node)
      return nil
    }
  }

  mutating func readProfile(_ node: NodeReader.NodeID, _ r: inout NodeReader) -> [ProfileEntry] {
    guard let items = r.sequence(node, "profile") else { return [] }
    return items.compactMap { item in
      guard let entries = r.entries(of: item, "a profile entry", allowed: Schema.profileEntry)
      else {
        return nil
      }
      guard let valueEntry = entries.first(where: { $0.key == "value" }) else {
        r.error("this profile entry needs 'value': the name of a score from 0 to 100", at: item)
        return nil
      }
      guard let name = r.variableName(valueEntry.value, "value") else { return nil }
      let label =
        entries.first(where: { $0.key == "label" }).flatMap {
          r.plainString($0.value, "a profile entry's label")
        } ?? name
      let teamEntry = entries.first(where: { $0.key == "team" })
      return ProfileEntry(
        name: name, team: teamEntry.flatMap { r.variableName($0.value, "team") }, label: label,
        location: r.location(of: valueEntry.value),
        teamLocation: teamEntry.map { r.location(of: $0.value) })
    }
  }

  mutating func readPlan(_ node: NodeReader.NodeID, _ r: inout NodeReader, file: String)
    -> PlanTemplate?
  {
    guard let entries = r.entries(of: node, "plan", allowed: Schema.plan) else { return nil }
    var text: Text?
    var fileName = "plan.md"
    var fileNameLocation: SourceLocation?
    var saveCondition: Formula?
    var calendar: [CalendarTemplate] = []
    for entry in entries {
      switch entry.key {
      case "template": text = r.text(entry.value, "template")
      case "save_if":
        saveCondition =
          readFormula(entry.value, &r, "save_if") ?? Formula.never(at: r.location(of: entry.value))
      case "calendar": calendar = readCalendar(entry.value, &r)
      case "file_name":
        fileName = r.plainString(entry.value, "file_name") ?? fileName
        fileNameLocation = r.span(of: entry.value).start
      case "template_file":
        guard let name = r.string(entry.value, "template_file") else { continue }
        let what = "the template file \(NodeReader.quoted(name))"
        let path: String
        switch folder.locate(name, from: file) {
        case .failure(let refusal):
          r.error("cannot read \(what): \(refusal.reason)", at: entry.value)
          continue
        case .success(let found):
          path = found
        }
        let bytes: [UInt8]
        do {
          bytes = try loader.source.read(path)
        } catch {
          r.error("cannot read \(what): \(Self.reason(error))", at: entry.value)
          continue
        }
        if bytes.count > loader.limits.maxBytes {
          r.error(
            "\(what) is \(Counting.size(bytes.count)); files are limited to \(Counting.size(loader.limits.maxBytes))",
            at: entry.value)
          continue
        }
        guard let content = String(validating: bytes, as: UTF8.self) else {
          r.error("\(what) is not valid UTF-8; save it as UTF-8", at: entry.value)
          continue
        }
        files.append(path)
        fingerprint.add(bytes)
        let start = SourceLocation(file: path, line: 1, column: 1)
        text =
          loader.checkedWhenBuilt
          ? Text(checked: content, location: start, span: SourceSpan(start: start))
          : Text(source: content, location: start)
      default: break
      }
    }
    let hasTemplate = entries.contains { $0.key == "template" || $0.key == "template_file" }
    if entries.contains(where: { $0.key == "template" })
      && entries.contains(where: { $0.key == "template_file" })
    {
      r.error("plan takes 'template' or 'template_file', not both", at: node)
    } else if !hasTemplate {
      r.error(
        "plan needs 'template' (the text) or 'template_file' (a file next to the dialogue)",
        at: node)
    }
    guard let text else { return nil }
    return PlanTemplate(
      text: text, fileName: fileName, fileNameLocation: fileNameLocation,
      saveCondition: saveCondition, calendar: calendar,
      location: r.location(of: node))
  }

  /// `calendar:` one event (a mapping) or a list of them, each with an id unique among them.
  mutating func readCalendar(_ node: NodeReader.NodeID, _ r: inout NodeReader)
    -> [CalendarTemplate]
  {
    if r.document.kind(node) != .sequence {
      return readEvent(node, &r, needsID: false).map { [$0] } ?? []
    }
    guard let items = r.sequence(node, "calendar") else { return [] }
    var events: [CalendarTemplate] = []
    for item in items {
      guard let event = readEvent(item, &r, needsID: true) else { continue }
      if let first = events.first(where: { $0.id == event.id }) {
        r.error(
          "the event id \(NodeReader.quoted(event.id)) is used twice (first at line \(first.location.line)); an event's id makes its calendar UID, so each needs its own",
          at: item)
        continue
      }
      events.append(event)
    }
    return events
  }

  /// One event: `date` (all day) or `at` (a day and time), `summary`, and optionally `id`,
  /// `minutes`, `when`, `description`.
  mutating func readEvent(_ node: NodeReader.NodeID, _ r: inout NodeReader, needsID: Bool)
    -> CalendarTemplate?
  {
    guard let entries = r.entries(of: node, "a calendar event", allowed: Schema.calendar) else {
      return nil
    }
    var id = CalendarTemplate.defaultID
    var start: Formula?
    var isTimed = false
    var minutes: Double?
    var condition: Formula?
    var summary: Text?
    var description: Text?
    for entry in entries {
      switch entry.key {
      case "id": id = r.identifier(entry.value, "the event's id") ?? id
      case "date": start = readFormula(entry.value, &r, "the event's date")
      case "at":
        start = readFormula(entry.value, &r, "the event's day and time")
        isTimed = true
      case "minutes":
        minutes = r.number(entry.value, "minutes")
        if let value = minutes, !(value > 0 && value <= 24 * 60) {
          r.error("minutes should be more than 0 and at most a day (1440)", at: entry.value)
          minutes = nil
        }
      case "when":
        condition =
          readFormula(entry.value, &r, "the event's condition")
          ?? Formula.never(at: r.location(of: entry.value))
      case "summary": summary = r.text(entry.value, "summary")
      case "description": description = r.text(entry.value, "description")
      default: break
      }
    }
    let has = { (key: String) in entries.contains { $0.key == key } }
    if needsID, !has("id") {
      r.error("each event in a calendar list needs 'id': a name that makes its UID", at: node)
    }
    if has("date"), has("at") {
      r.error(
        "an event takes 'date' (all day) or 'at' (a day and time), not both", at: node)
    } else if !has("date"), !has("at") {
      r.error("a calendar event needs 'date' (all day) or 'at' (a day and time)", at: node)
    }
    if has("minutes"), !has("at"), let entry = entries.first(where: { $0.key == "minutes" }) {
      r.error("minutes is for an event 'at' a day and time; an event on a 'date' lasts all day",
        at: entry.keyNode)
    }
    if !has("summary") { r.error("a calendar event needs 'summary'", at: node) }
    guard let start, let summary, !(has("date") && has("at")) else { return nil }
    return CalendarTemplate(
      id: id, start: start, isTimed: isTimed, minutes: minutes, condition: condition,
      summary: summary, description: description, location: r.location(of: node))
  }
}

extension Formula {
  /// A stand-in for a condition that did not parse: never true.
  static func never(at location: SourceLocation) -> Formula {
    // "false" always parses.
    Formula(expression: try! Expression.parse("false"), location: location)
  }
}
