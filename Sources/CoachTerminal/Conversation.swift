import CoachKit
import Foundation

/// Reads lines from wherever they come from.
public protocol LineSource {
  /// The next line, without its newline.
  mutating func readLine(prompt: String) -> LineRead
}

public enum LineRead: Equatable, Sendable {
  case line(String)
  case endOfInput
  /// Ctrl-C while a line was being typed: the line is dropped.
  case interrupted
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

    public static let plain = Style(echoesAnswers: true, width: nil, showsNotes: false)

    public init(echoesAnswers: Bool, width: (@Sendable () -> Int)?, showsNotes: Bool) {
      self.echoesAnswers = echoesAnswers
      self.width = width
      self.showsNotes = showsNotes
    }
  }

  public init(engine: Engine, style: Style) {
    self.engine = engine
    self.style = style
    let (session, reply) = engine.start()
    self.session = session
    self.pendingStart = reply
  }

  /// Runs until the dialogue ends, the person quits, or input ends.
  public mutating func run<Source: LineSource>(reading source: inout Source, to sink: some TextSink)
    -> ExitStatus
  {
    sink.write(Sanitizer.clean(engine.dialogue.title) + "\n")
    if let reply = pendingStart {
      show(reply, to: sink)
      pendingStart = nil
    }
    while !session.isFinished {
      switch source.readLine(prompt: "> ") {
      case .endOfInput:
        if style.echoesAnswers { sink.write("\n") }
        let place =
          engine.currentPrompt(in: session).map {
            "question \($0.stepNumber) of \($0.stepCount), step '\($0.stepID)'"
          } ?? "the start"
        sink.writeError("coach: input ended before the dialogue finished (at \(place))\n")
        return .dataError
      case .interrupted:
        continue
      case .line(let raw):
        let line = Sanitizer.clean(raw, limit: nil).replacingOccurrences(of: "\n", with: " ")
        if style.echoesAnswers { sink.write(line + "\n") }
        if let status = handle(Input(line), sink: sink) { return status }
      }
    }
    finish(to: sink)
    return .ok
  }

  /// Handles one line; returns an exit status when the conversation should stop.
  mutating func handle(_ input: Input, sink: some TextSink) -> ExitStatus? {
    switch input {
    case .answer(let text):
      show(engine.handle(.answer(text), in: &session), to: sink)
    case .unknownCommand(let word):
      sink.write(
        "Unknown command '/\(Sanitizer.clean(word, limit: 30))'. Type /help for the commands; to answer with a leading '/', type it twice (//…).\n"
      )
    case .command(let command):
      switch command {
      case .back: show(engine.handle(.back, in: &session), to: sink)
      case .skip: show(engine.handle(.skip, in: &session), to: sink)
      case .restart: show(engine.handle(.restart, in: &session), to: sink)
      case .quit:
        sink.write("Stopped. Nothing more will be asked.\n")
        return .ok
      case .help:
        sink.write(
          "Commands:\n" + Command.allCases.map { "  " + $0.summary }.joined(separator: "\n") + "\n")
      case .questionHelp:
        let help = engine.currentPrompt(in: session)?.help
        sink.write(wrap(help ?? "There is no extra help for this question.") + "\n")
      case .where:
        sink.write(whereText() + "\n")
      case .time:
        sink.write(timeText() + "\n")
      }
    }
    return nil
  }

  private func show(_ reply: Reply, to sink: some TextSink) {
    var text = ""
    if let notice = reply.notice {
      text += ReplyText.notice(notice, dialogue: engine.dialogue) + "\n"
    }
    for line in reply.lines {
      switch line {
      case .section(let heading): text += "\n" + ReplyText.heading(heading) + "\n"
      case .say(let said, _): text += "\n" + wrap(said.trimmingCharacters(in: .newlines)) + "\n"
      case .notes(let notes, _) where style.showsNotes: text += "\n[notes] " + wrap(notes) + "\n"
      case .notes: break
      }
    }
    if let rejection = reply.rejection {
      text += wrap(ReplyText.rejection(rejection)) + "\n"
      if let prompt = reply.prompt { text += wrap(PromptText.instruction(for: prompt)) + "\n" }
    } else if let prompt = reply.prompt {
      text += "\n" + PromptText.lines(for: prompt).map(wrap).joined(separator: "\n") + "\n"
    }
    sink.write(Sanitizer.clean(text))
  }

  private func finish(to sink: some TextSink) {
    if let plan = engine.dialogue.plan {
      sink.write(
        "\n"
          + Sanitizer.clean(engine.render(plan.text, in: session)).trimmingCharacters(in: .newlines)
          + "\n")
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
    return TextWrapper.wrap(text, width: width)
  }
}
