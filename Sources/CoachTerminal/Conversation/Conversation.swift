import CoachKit
import CoachWording
import Foundation

/// One person working through a dialogue at a terminal or through pipes: reads their lines,
/// hands answers and commands to the session's ``SessionRuntime``, and shows what it says. The
/// same loop serves piped input and the REPL; only the ``LineSource`` and the ``Style`` differ.
///
///     var conversation = Conversation(runtime: runtime, opening: reply, clock: clock, style: .plain)
///     let status = conversation.run(reading: &stdinLines, to: StandardStreams())
public struct Conversation {
  public private(set) var runtime: SessionRuntime
  public let clock: any SessionClock
  public var style: Style
  /// Where `/export` writes transcripts; nil for the plans folder.
  public var exports: String?
  private var pendingStart: Reply?

  /// How text is laid out.
  public struct Style: Sendable {
    /// Repeat each answer after the prompt, as a transcript would (input that is not typed on a
    /// terminal is not echoed by one).
    public var echoesAnswers: Bool
    /// Wrap width in columns; nil leaves lines as they are.
    public var width: (@Sendable () -> Int)?
    /// The terminal's rows, for a shared screen that must fit them; nil when not a terminal.
    public var height: (@Sendable () -> Int)?
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
    /// Lines can be edited before they are sent: a refused answer, or the earlier one after
    /// `/back`, is put back on the line; a word like `exit` at a free-text question is asked
    /// about rather than taken.
    public var editsLines = false
    /// Accessible mode, for screen readers: every line a sentence (``SpokenText``), choices and
    /// charts read as words, answers read back, no bars, no redraws and no pager.
    public var accessible = false

    public static let plain = Style(echoesAnswers: true, width: nil, showsNotes: false)

    /// A person typing at a terminal: no echo (the terminal shows what they type), wrapped to
    /// the terminal's width as it is at each prompt.
    public static func interactive(colours: Bool, width: @escaping @Sendable () -> Int) -> Style {
      var style = Style(
        echoesAnswers: false, width: width, showsNotes: false, colours: colours, showsProgress: true
      )
      style.editsLines = true
      style.planView = PlanView(width: width, colours: colours, pager: .preferred())
      return style
    }

    /// Accessible mode on top of this style: sentences, no bars, no clearing, no pager; the
    /// plan read as sentences even when the output is piped.
    public func accessibly() -> Style {
      var style = self
      style.accessible = true
      style.clearsScreen = false
      var view =
        style.planView
        ?? PlanView(width: style.width ?? { 10_000 }, colours: style.colours, pager: nil)
      view.pager = nil
      view.accessible = true
      style.planView = view
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
  /// Text to put on the next line for editing (see ``Style/editsLines``).
  private var prefill = ""
  /// The text that was put on the line just read, if any.
  private var prefilled = ""
  /// A word like `exit` typed at a free-text question and asked about: typed again (Enter on
  /// the line it was put back on), it is the answer.
  private var askedAbout: String?
  /// The question last shown in full: a notice that leaves it waiting does not repeat it.
  private var shownStepID: String?
  /// Whether the hint on how to leave was given after a second Ctrl-C (it is given once).
  private var toldHowToLeave = false
  /// A read that came while something else was asked (a confirmation), to be taken as if it
  /// came at the question: the end of input, a signal.
  private var pendingRead: LineRead?

  /// Facilitator mode: the shared screen, the room and its open round.
  var facilitating = Facilitating()
  /// The signal that ended the conversation, if one did: the program should end by it too
  /// (``Terminal/end(bySignal:)``), once the stop is kept.
  public private(set) var endingSignal: Int32?

  /// A conversation over a session the runtime has started or resumed; `opening` is what the
  /// runtime said then.
  public init(
    runtime: SessionRuntime, opening: Reply, clock: any SessionClock, style: Style,
    exports: String? = nil
  ) {
    self.runtime = runtime
    self.clock = clock
    self.style = style
    self.exports = exports
    self.pendingStart = opening
  }

  var dialogue: Dialogue { runtime.dialogue }
  var session: Session { runtime.session }
  /// The engine at this instant, for what is shown now.
  var engine: Engine { runtime.engine(at: clock.now()) }

  /// What the prompt line shows: "> ", or words in accessible mode.
  var promptMarker: String { style.accessible ? "Answer: " : "> " }

  /// Runs until the dialogue ends, the person quits, or input ends.
  public mutating func run<Source: LineSource>(reading source: inout Source, to sink: some TextSink)
    -> ExitStatus
  {
    // The shared screen draws its own heading.
    if !style.facilitator { write([(dialogue.title, .title), ("\n", .plain)], to: sink) }
    if let reply = pendingStart {
      show(reply, to: sink)
      pendingStart = nil
    }
    while !session.isFinished {
      let prompt = engine.currentPrompt(in: session)
      let read: LineRead
      if let pending = pendingRead {
        read = pending
        pendingRead = nil
      } else {
        var expected = ExpectedLine(
          completions: Self.completions(for: prompt, facilitating: style.facilitator),
          prefill: prefill, prefillIsSelected: prompt.map(Self.isShortAnswer) ?? false)
        if style.facilitator,
          let status = prepareToRead(&expected, source: &source, sink: sink)
        {
          return status
        }
        source.expect(expected)
        prefilled = expected.prefill
        prefill = ""
        read = source.readLine(prompt: promptMarker)
      }
      switch read {
      case .endOfInput:
        if style.echoesAnswers { sink.write("\n") }
        let place = prompt.map { ClockText.where($0, in: dialogue) } ?? "the start"
        // The clock stops where the input ended; a failure to keep that is said, not fatal.
        _ = apply(.stop(.inputEnded), sink: sink, showing: false)
        sink.writeError("coach: input ended before the dialogue finished (at \(place))\n")
        tellWhereItIsSaved(sink)
        return .dataError
      case .signal(let number):
        _ = apply(.stop(.signal), sink: sink, showing: false)
        tellWhereItIsSaved(sink)
        endingSignal = number
        return .interrupted
      case .interrupted:
        continue
      case .redraw(let typedSoFar):
        // The window changed size, or something came from the room: drawn again, the line
        // typed so far put back.
        facilitating.typedSoFar = typedSoFar
        if style.facilitator { drawSharedScreen(sink) }
        continue
      case .interruptedAgain:
        if !toldHowToLeave {
          toldHowToLeave = true
          sink.write(wrap(LeavingText.howToLeave(isKept: runtime.isKept)) + "\n")
        }
      case .quitAsked:
        sink.write(wrap(LeavingText.quitQuestion(isKept: runtime.isKept)) + "\n")
      case .quit:
        if let status = handle(.command(.quit), reading: &source, sink: sink) { return status }
      case .line(let raw):
        let line = Self.withoutPrefill(
          Sanitizer.clean(raw, limit: nil).replacingOccurrences(of: "\n", with: " "),
          prefilled: prefilled)
        prefilled = ""
        if style.echoesAnswers { sink.write(echo(of: line, at: prompt) + "\n") }
        let input = Input(line)
        lastAnswerAccepted = false
        if let prompt, saysHowToLeave(for: input, at: prompt, sink: sink) { continue }
        askedAbout = nil
        let status = handle(input, reading: &source, sink: sink)
        // The history file is kept only for a session whose answers may be kept.
        if runtime.isKept,
          let kept = Self.historyEntry(
            for: input, line: line, prompt: prompt, accepted: lastAnswerAccepted)
        {
          source.remember(kept)
        }
        if let status { return status }
      }
    }
    source.watch(nil)
    facilitating.room?.beginStopping()
    finish(to: sink)
    if runtime.isKept {
      let id = runtime.sessionID
      sink.writeError(
        wrap("This session is saved as \(id). A transcript to print or share:") + "\n"
          + "  coach export \(id) --format html -o transcript.html\n"
          + wrap("(Markdown, JSON and plain text too: coach export --help)") + "\n")
    }
    return .ok
  }

  /// Whether answers to this question are short (a number, an option, yes or no): typed anew
  /// rather than edited, so text put back on the line is shown selected.
  static func isShortAnswer(_ prompt: Prompt) -> Bool {
    switch prompt.kind {
    case .text, .multipleChoice: false
    case .choice, .scale, .number, .yesNo: true
    }
  }

  /// A command typed after text that was put on the line (`?` or `/back` right after a refused
  /// answer, without clearing it first) is the command, not an answer.
  static func withoutPrefill(_ line: String, prefilled: String) -> String {
    guard !prefilled.isEmpty, line.hasPrefix(prefilled) else { return line }
    let typed = String(line.dropFirst(prefilled.count))
    if case .answer = Input(typed) { return line }
    return typed
  }

  /// A word like `quit`, `exit` or `help` typed as the answer to a question: at a question it
  /// is no answer to, says how to leave (or where help is) instead of "not one of the options";
  /// at a free-text question, where it could be the answer, asks, with the word back on the
  /// line so that Enter takes it. True when it was handled so.
  private mutating func saysHowToLeave(for input: Input, at prompt: Prompt, sink: some TextSink)
    -> Bool
  {
    guard case .answer(let text) = input, prompt.teamTurn == nil || prompt.teamTurn == .leader,
      let word = LeavingText.leaveWord(in: text)
    else { return false }
    if case .text = prompt.kind {
      guard style.editsLines, askedAbout != word else { return false }
      askedAbout = word
      prefill = text.trimmingCharacters(in: .whitespaces)
      sink.write(wrap(LeavingText.couldBeTheAnswer(word, isKept: runtime.isKept)) + "\n")
      return true
    }
    if case .success = AnswerParser.parse(text, for: prompt.kind) { return false }
    sink.write(wrap(LeavingText.notAnAnswer(word, isKept: runtime.isKept)) + "\n")
    return true
  }

  /// Handles one line; returns an exit status when the conversation should stop.
  mutating func handle<Source: LineSource>(
    _ input: Input, reading source: inout Source, sink: some TextSink
  ) -> ExitStatus? {
    if style.facilitator, case .handled(let status) = handleAtRound(input, sink: sink) {
      return status
    }
    switch input {
    case .answer(let text):
      lastAnswerAccepted = false
      return apply(.answer(text), sink: sink)
    case .unknownCommand(let word):
      sink.write(
        wrap(
          "Unknown command '/\(Sanitizer.clean(word, limit: 30))'. Type /help for the commands; to answer with a leading '/', type it twice (//…)."
        ) + "\n")
    case .command(let command, let argument) where command.isForFacilitators:
      return facilitate(command, argument: argument, sink: sink)
    case .command(let command, let argument):
      switch command {
      case .back: return apply(.back, sink: sink)
      case .skip: return apply(.skip, sink: sink)
      case .restart: return restart(reading: &source, sink: sink)
      case .quit:
        if let status = apply(.stop(.quit), sink: sink, showing: false) { return status }
        sink.write(ReplyText.notice(.stopped(.quit), dialogue: dialogue) + "\n")
        tellWhereItIsSaved(sink)
        return .ok
      case .help:
        sink.write(
          "Commands:\n"
            + Command.available(facilitating: style.facilitator).map { wrap("  " + $0.summary) }
            .joined(separator: "\n") + "\n")
      case .questionHelp:
        guard let prompt = engine.currentPrompt(in: session) else { break }
        sink.write(wrap(prompt.help ?? PromptText.withoutHelp(for: prompt)) + "\n")
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

  /// Hands one event to the runtime at this instant. A change is kept before it is shown; if it
  /// cannot be, it is not shown as taken and the conversation stops.
  mutating func apply(_ event: Event, sink: some TextSink, showing: Bool = true) -> ExitStatus? {
    let reply: Reply
    do {
      reply = try runtime.handle(event, at: clock.now())
    } catch {
      sink.writeError("coach: your last answer could not be saved, so it was not taken: \(error)\n")
      return (error as? StorageError)?.exitStatus ?? .ioError
    }
    if case .answer(let text) = event {
      lastAnswerAccepted = reply.takenAnswer != nil
      // A refused answer goes back on the line, to be mended rather than typed again (not a
      // participant's rating: that stays off a shared screen).
      if style.editsLines, let rejection = reply.rejection, rejection.code != .answerNeeded,
        reply.prompt?.teamTurn == nil || reply.prompt?.teamTurn == .leader
      {
        prefill = text.trimmingCharacters(in: .whitespaces)
      }
    }
    if let undone = reply.undone, let prompt = reply.prompt, style.editsLines {
      prefill = PromptText.typed(undone, for: prompt)
    }
    if showing { show(reply, to: sink) }
    return nil
  }

  /// `/restart`, once the person has said yes: it cannot be undone. Nothing to forget, nothing
  /// to ask.
  private mutating func restart<Source: LineSource>(
    reading source: inout Source, sink: some TextSink
  ) -> ExitStatus? {
    let answers = session.answers.count
    guard answers > 0 else { return apply(.restart, sink: sink) }
    sink.write(wrap(ConfirmationText.restart(answers: answers)) + "\n")
    // A shared screen's live rows are not drawn under a question asked in between.
    source.watch(nil)
    source.expect(ExpectedLine(completions: ["yes", "no"]))
    let read = source.readLine(prompt: ConfirmationText.restartPrompt)
    switch read {
    case .line(let raw):
      let reply = Sanitizer.clean(raw, limit: 20)
      if style.echoesAnswers { sink.write(reply + "\n") }
      if ConfirmationText.isYes(reply) { return apply(.restart, sink: sink) }
    case .endOfInput, .signal, .quit:
      // Taken as if at the question: the input ended, or the program is told to end.
      pendingRead = read
      return nil
    case .interrupted, .interruptedAgain, .quitAsked, .redraw:
      break
    }
    sink.write(wrap(ConfirmationText.restartDeclined) + "\n")
    return nil
  }

  /// Writes the transcript so far next to the plans, and says where; or why it cannot.
  func export(as name: String) -> String {
    let formatName = name.isEmpty ? "markdown" : name.lowercased()
    guard let format = TranscriptFormat(rawValue: formatName) else {
      return "Export as markdown, json, html or text, e.g. /export html."
    }
    guard runtime.isKept else {
      return "Nothing of this session is saved, so there is nothing to export."
    }
    guard let folder = exports else {
      return "There is no folder to export to: set HOME or XDG_DATA_HOME."
    }
    do {
      let path = try TranscriptFile.save(runtime.transcript, in: folder, as: format)
      return "Transcript saved to \(path)"
    } catch {
      return "The transcript could not be saved: \(error)"
    }
  }

  /// Says, on standard error, where an unfinished session is kept and how to go on with it.
  private func tellWhereItIsSaved(_ sink: some TextSink) {
    guard !session.isFinished else { return }
    if runtime.isKept {
      // The command on a line of its own, whole, to be copied.
      sink.writeError(
        "Your answers are saved. To go on later:\n  coach resume \(runtime.sessionID)\n")
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
    if style.accessible, let answer = reply.takenAnswer, !answer.wasSkipped {
      let kind = dialogue.step(answer.stepID)?.question?.kind
      text.append((wrap(SpokenText.taken(answer, kind: kind)) + "\n", .plain))
    }
    if let notice = reply.notice {
      let said =
        if case .wentBack = notice { ReplyText.wentBack(undoing: reply.undone) } else {
          ReplyText.notice(notice, dialogue: dialogue)
        }
      text.append((wrap(said) + "\n", .plain))
    }
    for line in reply.lines {
      switch line {
      case .section(let heading):
        text.append(("\n", .plain))
        text.append((header(heading), .heading))
        text.append(("\n", .plain))
      case .say(let said, _):
        let shown = style.accessible ? SpokenText.withoutBars(said) : said
        text.append(("\n" + wrap(shown.trimmingLineBreaks()) + "\n", .plain))
      case .notes(let notes, _) where style.showsNotes:
        text.append(("\n[notes] " + wrap(notes) + "\n", .plain))
      case .notes: break
      case .teamSummary(let summary, _):
        let lines =
          style.accessible
          ? SpokenText.teamSummary(summary) : TeamSummaryText.lines(for: summary)
        text.append(("\n" + lines.map(wrap).joined(separator: "\n") + "\n", .plain))
      }
    }
    if let rejection = reply.rejection {
      text.append((wrap(RejectionText.sentence(rejection)), .rejection))
      text.append(("\n", .plain))
      if let prompt = reply.prompt, RejectionText.isFollowedByInstruction(rejection) {
        text.append((wrap(instruction(for: prompt)) + "\n", .plain))
      }
      if style.accessible && !prefill.isEmpty {
        text.append(("Your answer is on the line again, to edit.\n", .plain))
      }
    } else if let prompt = reply.prompt {
      // A notice that leaves the same question waiting (it cannot be skipped, there is nothing
      // to undo) does not ask it all again.
      let unchanged =
        prompt.stepID == shownStepID && reply.lines.isEmpty
        && (reply.notice == .cannotSkip || reply.notice == .nothingToUndo)
      if !unchanged {
        let lines = style.accessible ? SpokenText.lines(for: prompt) : PromptText.lines(for: prompt)
        text.append(("\n" + lines.map(wrap).joined(separator: "\n") + "\n", .plain))
      }
      shownStepID = prompt.stepID
    }
    write(text, to: sink)
  }

  /// The line that says what to type, in the mode's words.
  private func instruction(for prompt: Prompt) -> String {
    style.accessible ? SpokenText.instruction(for: prompt) : PromptText.instruction(for: prompt)
  }

  /// A section's heading; at a terminal it also says where the session is (section k of n and
  /// a small bar) and the clock; in accessible mode, all of it as a sentence.
  private func header(_ heading: SectionHeading) -> String {
    let elapsed = runtime.clock(at: clock.now()).sessionElapsed
    let planned = dialogue.duration * 60
    if style.accessible {
      return wrap(SpokenText.header(heading, elapsed: elapsed, planned: planned))
    }
    guard style.showsProgress else { return ReplyText.heading(heading) }
    return wrap(
      ReplyText.header(
        heading, progress: ReplyText.progress(before: heading, in: dialogue), elapsed: elapsed,
        planned: planned))
  }

  /// Writes pieces of text, each sanitised (by ``TerminalText``) and then, in colour, painted
  /// for its role, line by line.
  func write(_ pieces: [(String, Role)], to sink: some TextSink) {
    guard style.colours else {
      sink.write(TerminalText(pieces.map(\.0).joined()))
      return
    }
    sink.write(pieces.reduce(TerminalText("")) { $0 + Self.paint($1.0, as: $1.1) })
  }

  static func paint(_ text: String, as role: Role) -> TerminalText {
    let cleaned = TerminalText(text)
    switch role {
    case .plain: return cleaned
    case .title: return cleaned.painted(.bold)
    case .heading: return cleaned.painted(.heading)
    case .rejection: return cleaned.painted(.warning)
    }
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
    if let plan = runtime.plan(at: clock.now()) {
      // Cleaned where it is shown (TerminalText, the plan view's wrapper).
      var markdown = plan.trimmingCharacters(in: .newlines)
      // The room sees the plan, not where this computer keeps its files.
      if style.facilitator { markdown = Self.withoutPaths(markdown) }
      if let planView = style.planView {
        planView.show(markdown, to: sink)
      } else {
        sink.write("\n" + wrapPlan(markdown) + "\n")
      }
    }
    sink.write("\nThe session is complete.\n")
  }

  /// Where the session is: the section (with a small bar of the planned time behind it, at a
  /// terminal), then the clocks.
  func whereText() -> String {
    let prompt = engine.currentPrompt(in: session)
    var place = ClockText.place(of: prompt, in: dialogue)
    guard let prompt, let heading = engine.heading(for: prompt.sectionID, in: session) else {
      return place
    }
    if style.showsProgress && !style.accessible {
      place += " " + ReplyText.bar(ReplyText.progress(before: heading, in: dialogue))
    }
    return wrap(place) + "\n" + wrap(timeText())
  }

  func timeText() -> String {
    ClockText.time(AgendaClock(at: clock.now(), session: session, dialogue: dialogue))
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
