import CoachKit
import Foundation

/// Reads lines from wherever they come from.
public protocol LineSource {
  /// The next line, without its newline.
  mutating func readLine(prompt: String) -> LineRead
  /// Told before each read what the line is for: the words Tab may complete.
  mutating func expect(_ line: ExpectedLine)
  /// A line that may be kept in history: a command, or an accepted answer to a question with set
  /// answers (choice, multiple choice, scale, yes/no, number). Free-text answers never come here.
  mutating func remember(_ line: String)
}

extension LineSource {
  public mutating func expect(_ line: ExpectedLine) {}
  public mutating func remember(_ line: String) {}
}

/// What the next line is for, as far as a line source cares.
public struct ExpectedLine: Equatable, Sendable {
  /// Commands, and the current question's option labels (or yes and no).
  public var completions: [String]

  public init(completions: [String]) { self.completions = completions }
}

public enum LineRead: Equatable, Sendable {
  case line(String)
  case endOfInput
  /// Ctrl-C while a line was being typed: the line is dropped.
  case interrupted
  /// The person asked to stop (Ctrl-D twice at an empty prompt).
  case quit
}

/// Where a conversation's text goes.
public protocol TextSink {
  func write(_ text: String)
  func writeError(_ text: String)
}

/// One person working through a dialogue: reads their lines, hands answers and commands to the
/// engine, and shows what it says. The same loop serves piped input and the REPL; only the
/// ``LineSource`` and the ``Style`` differ.
///
///     var conversation = Conversation(engine: engine, style: .plain)
///     let status = conversation.run(reading: &stdinLines, to: StandardStreams())
public struct Conversation {
  public let engine: Engine
  public private(set) var session: Session
  public var style: Style
  private var pendingStart: Reply?

  /// How text is laid out.
  public struct Style: Sendable {
    /// Repeat each answer after the prompt, as a transcript would (input that is not typed on a
    /// terminal is not echoed by one).
    public var echoesAnswers: Bool
    /// Wrap width in columns; nil leaves lines as they are.
    public var width: (@Sendable () -> Int)?
    /// Show facilitator-only notes (never on a shared screen).
    public var showsNotes: Bool
    /// Colour headings, re-asks and the title (ANSI SGR). Every coloured line says its meaning in
    /// words too.
    public var colours: Bool
    /// Section headers that also give the step and the session clock, for a person at a terminal.
    public var showsProgress: Bool
    /// Facilitator mode: a shared screen (see `Conversation+Facilitation.swift`) and the
    /// facilitator's commands.
    public var facilitator = false
    /// On a shared screen at a terminal, clear it for each step; otherwise a separator line.
    public var clearsScreen = false
    /// At a terminal, the plan rendered (and paged); nil prints its Markdown.
    public var planView: PlanView?

    public static let plain = Style(echoesAnswers: true, width: nil, showsNotes: false)

    /// A person typing at a terminal: no echo (the terminal shows what they type), wrapped to
    /// the terminal's width as it is at each prompt.
    public static func interactive(colours: Bool, width: @escaping @Sendable () -> Int) -> Style {
      var style = Style(
        echoesAnswers: false, width: width, showsNotes: false, colours: colours, showsProgress: true
      )
      style.planView = PlanView(width: width, colours: colours, pager: .preferred())
      return style
    }

    public init(
      echoesAnswers: Bool, width: (@Sendable () -> Int)?, showsNotes: Bool, colours: Bool = false,
      showsProgress: Bool = false
    ) {
      self.echoesAnswers = echoesAnswers
      self.width = width
      self.showsNotes = showsNotes
      self.colours = colours
      self.showsProgress = showsProgress
    }
  }

  /// What a piece of shown text is, for colour.
  enum Role {
    case plain, title, heading, rejection
  }

  /// An accepted answer to a question with set answers, waiting to be remembered.
  private var lastAnswerAccepted = false

  /// Keeps every change to the session on disk before it is shown; nil keeps nothing.
  public var recorder: SessionRecorder?
  /// What the shared screen shows for the current step, drawn again after each event.
  var screen = SharedScreen()

  public init(engine: Engine, style: Style, recorder: SessionRecorder? = nil) {
    self.engine = engine
    self.style = style
    self.recorder = recorder
    let (session, reply) = engine.at(recorder?.header.startedAt ?? engine.clock.now()).start()
    self.session = session
    self.pendingStart = reply
  }

  /// Continues a saved session where it stopped.
  public init(engine: Engine, style: Style, resuming session: Session, recorder: SessionRecorder?) {
    self.engine = engine
    self.style = style
    self.recorder = recorder
    self.session = session
    var reply = Reply()
    reply.prompt = engine.currentPrompt(in: session)
    reply.notice = .resumed
    // Where the person is, as when the section began.
    if let prompt = reply.prompt, let heading = engine.heading(for: prompt.sectionID) {
      reply.lines.append(.section(heading))
    }
    self.pendingStart = reply
  }

  /// Runs until the dialogue ends, the person quits, or input ends.
  public mutating func run<Source: LineSource>(reading source: inout Source, to sink: some TextSink)
    -> ExitStatus
  {
    write([(engine.dialogue.title, .title), ("\n", .plain)], to: sink)
    if let reply = pendingStart {
      show(reply, to: sink)
      pendingStart = nil
    }
    while !session.isFinished {
      let prompt = engine.currentPrompt(in: session)
      source.expect(
        ExpectedLine(completions: Self.completions(for: prompt, facilitating: style.facilitator)))
      switch source.readLine(prompt: "> ") {
      case .endOfInput:
        if style.echoesAnswers { sink.write("\n") }
        let place =
          engine.currentPrompt(in: session).map {
            "step \($0.stepNumber) of \($0.stepCount), '\($0.stepID)'"
          } ?? "the start"
        sink.writeError("coach: input ended before the dialogue finished (at \(place))\n")
        tellWhereItIsSaved(sink)
        return .dataError
      case .interrupted:
        continue
      case .quit:
        if let status = handle(.command(.quit), sink: sink) { return status }
      case .line(let raw):
        let line = Sanitizer.clean(raw, limit: nil).replacingOccurrences(of: "\n", with: " ")
        if style.echoesAnswers { sink.write(echo(of: line, at: prompt) + "\n") }
        let input = Input(line)
        lastAnswerAccepted = false
        let status = handle(input, sink: sink)
        // The history file is kept only for a session whose answers may be kept.
        if recorder?.hasSaved == true, let kept = Self.historyEntry(
          for: input, line: line, prompt: prompt, accepted: lastAnswerAccepted)
        {
          source.remember(kept)
        }
        if let status { return status }
      }
    }
    finish(to: sink)
    if let recorder, recorder.hasSaved {
      sink.writeError(
        "This session is saved as \(recorder.sessionID). A transcript to print or share:\n  coach export \(recorder.sessionID) --format html -o transcript.html\n(Markdown, JSON and plain text too: coach export --help)\n"
      )
    }
    return .ok
  }

  /// Handles one line; returns an exit status when the conversation should stop.
  mutating func handle(_ input: Input, sink: some TextSink) -> ExitStatus? {
    switch input {
    case .answer(let text):
      lastAnswerAccepted = false
      return apply(.answer(text), sink: sink)
    case .unknownCommand(let word):
      sink.write(
        "Unknown command '/\(Sanitizer.clean(word, limit: 30))'. Type /help for the commands; to answer with a leading '/', type it twice (//…).\n"
      )
    case .command(let command, let argument) where command.isForFacilitators:
      return facilitate(command, argument: argument, sink: sink)
    case .command(let command, let argument):
      switch command {
      case .back: return apply(.back, sink: sink)
      case .skip: return apply(.skip, sink: sink)
      case .restart: return apply(.restart, sink: sink)
      case .quit:
        sink.write("Stopped. Nothing more will be asked.\n")
        tellWhereItIsSaved(sink)
        return .ok
      case .help:
        sink.write(
          "Commands:\n"
            + Command.available(facilitating: style.facilitator).map { "  " + $0.summary }.joined(
              separator: "\n") + "\n")
      case .questionHelp:
        let help = engine.currentPrompt(in: session)?.help
        sink.write(wrap(help ?? "There is no extra help for this question.") + "\n")
      case .where:
        sink.write(whereText() + "\n")
      case .time:
        sink.write((style.facilitator ? agendaText() : timeText()) + "\n")
      case .export:
        sink.write(wrap(export(as: argument)) + "\n")
      case .next, .extend, .pause, .resume, .park, .jump:
        break
      }
    }
    return nil
  }

  /// Hands one event to the engine at this instant. A change is on disk before it is shown; if it
  /// cannot be saved, it is not shown as taken and the conversation stops.
  mutating func apply(_ event: Event, sink: some TextSink) -> ExitStatus? {
    let now = engine.clock.now()
    let stepEngine = engine.at(now)
    var next = session
    let reply = stepEngine.handle(event, in: &next)
    if next != session, let recorder {
      do {
        try recorder.record(
          LogEntry(at: now, event: event, step: session.currentStepID),
          consent: stepEngine.storageConsent(in: next))
      } catch {
        sink.writeError(
          "coach: your last answer could not be saved, so it was not taken: \(error)\n")
        return (error as? StorageError)?.exitStatus ?? .ioError
      }
    }
    session = next
    if case .answer = event { lastAnswerAccepted = reply.rejection == nil }
    show(reply, to: sink)
    return nil
  }

  /// Writes the transcript so far next to the plans, and says where; or why it cannot.
  func export(as name: String) -> String {
    let formatName = name.isEmpty ? "markdown" : name.lowercased()
    guard let format = TranscriptFormat(rawValue: formatName) else {
      return "Export as markdown, json, html or text, e.g. /export html."
    }
    guard let recorder, recorder.hasSaved else {
      return "Nothing of this session is saved, so there is nothing to export."
    }
    do {
      return "Transcript saved to \(try TranscriptFile.save(recorder, engine: engine, as: format))"
    } catch {
      return "The transcript could not be saved: \(error)"
    }
  }

  /// Says, on standard error, where an unfinished session is kept and how to go on with it.
  private func tellWhereItIsSaved(_ sink: some TextSink) {
    guard let recorder, !session.isFinished else { return }
    if recorder.hasSaved {
      sink.writeError(
        "Your answers are saved. To go on later: coach resume \(recorder.sessionID)\n")
    } else {
      sink.writeError("Nothing was saved.\n")
    }
  }

  mutating func show(_ reply: Reply, to sink: some TextSink) {
    if style.facilitator {
      showSharedScreen(reply, to: sink)
      return
    }
    var text: [(String, Role)] = []
    if let notice = reply.notice {
      text.append((ReplyText.notice(notice, dialogue: engine.dialogue) + "\n", .plain))
    }
    for line in reply.lines {
      switch line {
      case .section(let heading):
        text.append(("\n", .plain))
        text.append((header(heading, prompt: reply.prompt), .heading))
        text.append(("\n", .plain))
      case .say(let said, _):
        text.append(("\n" + wrap(said.trimmingCharacters(in: .newlines)) + "\n", .plain))
      case .notes(let notes, _) where style.showsNotes:
        text.append(("\n[notes] " + wrap(notes) + "\n", .plain))
      case .notes: break
      case .teamSummary(let summary, _):
        text.append(
          ("\n" + TeamSummaryText.lines(for: summary).joined(separator: "\n") + "\n", .plain))
      }
    }
    if let rejection = reply.rejection {
      text.append((wrap(ReplyText.rejection(rejection)), .rejection))
      text.append(("\n", .plain))
      // The instruction again, unless the reason already says what is expected.
      if let prompt = reply.prompt, !rejection.reason.hasPrefix("expected") {
        text.append((wrap(PromptText.instruction(for: prompt)) + "\n", .plain))
      }
    } else if let prompt = reply.prompt {
      text.append(
        ("\n" + PromptText.lines(for: prompt).map(wrap).joined(separator: "\n") + "\n", .plain))
    }
    write(text, to: sink)
  }

  /// A section's heading; at a terminal it also says the step and the clock.
  private func header(_ heading: SectionHeading, prompt: Prompt?) -> String {
    guard style.showsProgress else { return ReplyText.heading(heading) }
    let elapsed = engine.clock.now().timeIntervalSince(session.startedAt)
    return wrap(
      ReplyText.header(
        heading, step: prompt.map { ($0.stepNumber, $0.stepCount) }, elapsed: elapsed,
        planned: engine.dialogue.duration * 60))
  }

  /// Writes pieces of text, sanitized; in colour each piece is cleaned on its own and then
  /// painted, line by line.
  func write(_ pieces: [(String, Role)], to sink: some TextSink) {
    guard style.colours else {
      sink.write(Sanitizer.clean(pieces.map(\.0).joined()))
      return
    }
    sink.write(pieces.map { Self.paint(Sanitizer.clean($0.0), as: $0.1) }.joined())
  }

  static func paint(_ text: String, as role: Role) -> String {
    let code: String
    switch role {
    case .plain: return text
    case .title: code = "1"
    case .heading: code = "1;36"
    case .rejection: code = "33"
    }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "\u{1B}[\(code)m\($0)\u{1B}[0m" }
      .joined(separator: "\n")
  }

  /// What Tab may complete at a prompt: the commands, and the question's option labels (or yes
  /// and no).
  static func completions(for prompt: Prompt?, facilitating: Bool = false) -> [String] {
    var words = Command.typedNames(facilitating: facilitating)
    if let prompt {
      if prompt.kind.isYesNo { words += ["yes", "no"] }
      words += prompt.options.map { Sanitizer.clean($0.label, limit: nil) }
    }
    return words
  }

  /// The history entry a line makes, if any: a known command (just its name, so nothing typed
  /// after it is kept) or an accepted answer to a question with set answers. Never free text.
  static func historyEntry(for input: Input, line: String, prompt: Prompt?, accepted: Bool)
    -> String?
  {
    switch input {
    case .command(.questionHelp, _): return "?"
    case .command(let command, _): return "/" + command.rawValue
    case .unknownCommand: return nil
    case .answer(let text):
      guard accepted, let prompt, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
        return nil
      }
      if case .text = prompt.kind { return nil }
      return line.trimmingCharacters(in: .whitespaces)
    }
  }

  private func finish(to sink: some TextSink) {
    if let plan = engine.dialogue.plan {
      let markdown = Sanitizer.clean(engine.render(plan.text, in: session))
        .trimmingCharacters(in: .newlines)
      if let planView = style.planView {
        planView.show(markdown, to: sink)
      } else {
        sink.write("\n" + wrapPlan(markdown) + "\n")
      }
    }
    sink.write("\nThe session is complete.\n")
  }

  func whereText() -> String {
    guard let prompt = engine.currentPrompt(in: session),
      let index = engine.dialogue.sections.firstIndex(where: { $0.id == prompt.sectionID })
    else { return "The session has ended." }
    let section = engine.dialogue.sections[index]
    return
      "Section \(index + 1) of \(engine.dialogue.sections.count): \(section.title). Step \(prompt.stepNumber) of \(prompt.stepCount)."
  }

  func timeText() -> String {
    let now = engine.clock.now()
    let total = now.timeIntervalSince(session.startedAt)
    var text =
      "Session: \(ReplyText.clock(total)) of \(ReplyText.clock(engine.dialogue.duration * 60))."
    if let prompt = engine.currentPrompt(in: session),
      let section = engine.dialogue.section(prompt.sectionID),
      let started = session.sectionStarts[section.id]
    {
      text =
        "\(section.title): \(ReplyText.clock(now.timeIntervalSince(started))) of \(ReplyText.clock(section.budget * 60)). "
        + text
    }
    return text
  }

  func wrap(_ text: String) -> String {
    guard let width = style.width?() else { return text }
    return TextWrapper.wrap(TextWrapper.reflow(text), width: width)
  }

  /// The plan at a terminal: long lines wrapped, but table rows and code blocks left whole.
  func wrapPlan(_ text: String) -> String {
    guard let width = style.width?() else { return text }
    var inCode = false
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      if line.hasPrefix("```") { inCode.toggle() }
      if inCode || line.hasPrefix("```") || line.hasPrefix("|") { return String(line) }
      return TextWrapper.wrap(String(line), width: width)
    }.joined(separator: "\n")
  }
}
