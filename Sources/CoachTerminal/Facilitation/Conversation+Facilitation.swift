import CoachKit
import CoachRoomModel
import CoachWording
import Foundation

/// Facilitator mode: the shared screen, the room's rounds, and the facilitator's commands.
///
/// The shared screen is drawn whole after every event, fitted to the window (``SharedScreen``):
/// cleared at a terminal (a separator line when the output is not one), the section and both
/// clocks at the top, then what the step says, the team's last result and the question.
/// Facilitator-only notes are never part of it: they are in the presenter view (`coach notes`).
///
/// At a team question the room rates first: on their phones when the session has a room
/// (`--room`), or typed at the keyboard, shown as `*` and never echoed. Only the count is shown
/// while the round is open ("4 of 6 rated"); Enter closes it once everyone has rated, `/next`
/// at any time, and the session is given one anonymous ``TeamRatings``, kept before anything of
/// it is shown. Then the leader rates, and the room sees what the ratings add up to.
extension Conversation {

  /// Everything facilitator mode keeps between events.
  struct Facilitating {
    /// The room, when the session has one.
    var room: RoomLink?
    /// The team question's round open now, on the host's side.
    var round: OpenRound?
    /// What stays on the shared screen while a step is asked.
    var stepID: String?
    var said: [String] = []
    var summary: TeamSummary?
    var notice: String?
    var rejection: String?
    /// The last layout drawn, for the watcher's rows and a redraw.
    var layout: SharedScreen.Layout?
    /// The line being typed when the screen was drawn again, to put back.
    var typedSoFar = ""
    /// While nothing of the session may be kept yet: the file `coach notes` follows until then.
    var pending: PendingSessionFile?
  }

  /// What became of a line typed while the room rates.
  enum RoundLine {
    /// It was not for the round (a command such as /pause): handle it as usual.
    case notForTheRound
    case handled(ExitStatus?)
  }

  // MARK: - Before each line

  /// Before each line is read in facilitator mode: the round follows the question, what was
  /// parked from phones comes in, and the screen's live rows are watched.
  mutating func prepareToRead(
    _ expected: inout ExpectedLine, source: inout some LineSource, sink: some TextSink
  ) -> ExitStatus? {
    if let status = takeParkedFromPhones(sink: sink) { return status }
    syncRound(with: engine.currentPrompt(in: session))
    expected.isMasked = facilitating.round != nil
    if !facilitating.typedSoFar.isEmpty {
      // What was typed before the screen was drawn again, to go on with.
      expected.prefill = facilitating.typedSoFar
      expected.prefillIsSelected = false
    }
    facilitating.typedSoFar = ""
    if style.clearsScreen { source.watch(watcher(sink: sink)) }
    return nil
  }

  /// Opens the room's round when the question waits for the room, and lets go of one the
  /// session has moved away from (`/back`, `/jump`).
  mutating func syncRound(with prompt: Prompt?) {
    if let round = facilitating.round {
      if prompt?.stepID == round.stepID, case .room? = prompt?.teamTurn { return }
      round.abandon()
      facilitating.round = nil
    }
    guard let prompt else { return }
    facilitating.round = OpenRound(prompt, room: facilitating.room)
  }

  /// Parked questions and topics from phones, each kept as an anonymous event. The room sees
  /// that something was parked, not what: the facilitator reads it in the presenter view.
  private mutating func takeParkedFromPhones(sink: some TextSink) -> ExitStatus? {
    guard let room = facilitating.room else { return nil }
    let parked = room.takeParked()
    guard !parked.isEmpty else { return nil }
    for text in parked {
      if let status = apply(.park(text), sink: sink, showing: false) { return status }
    }
    facilitating.notice =
      parked.count == 1
      ? "A question was parked from a phone; it is in the parking lot."
      : "\(parked.count) questions were parked from phones; they are in the parking lot."
    facilitating.rejection = nil
    drawSharedScreen(sink)
    return nil
  }

  /// The watcher that keeps the clock, the count and the phones joined current.
  private func watcher(sink: some TextSink) -> SharedScreenWatcher? {
    guard let layout = facilitating.layout else { return nil }
    var rows: [SharedScreenWatcher.LiveRow] = []
    // Each row starts as it was drawn, so that the first change is written at once.
    func row(_ number: Int?, _ text: @escaping () -> String) {
      guard let number, number <= layout.lines.count else { return }
      let drawn = String(layout.lines[number - 1].text.dropFirst(layout.margin.count))
      rows.append(.init(row: number, text: text, shown: drawn))
    }
    let runtime = runtime
    let clock = clock
    let inner = max(layout.width - 2 * layout.margin.count, 20)
    row(layout.clockRow) {
      let agenda = runtime.clock(at: clock.now())
      return SharedScreen.clockLine(
        ClockText.agenda(agenda), ClockText.agenda(agenda, form: .compact), inner)
    }
    let link = facilitating.room
    if let link { row(layout.joinRow) { SharedScreen.cut(link.joinLine(), to: inner) } }
    if let round = facilitating.round { row(layout.countRow) { Self.countLine(round) } }
    let columns = style.width
    let height = style.height
    let size = (layout.width, layout.height)
    return SharedScreenWatcher(
      rows: rows, margin: layout.margin,
      redrawNeeded: {
        if (link?.progress.parkedWaiting ?? 0) > 0 { return true }
        return (columns?() ?? size.0) != size.0 || (height?() ?? size.1 ?? 0) != (size.1 ?? 0)
      },
      write: { sink.write($0) })
  }

  // MARK: - Lines typed while the room rates

  /// A line typed while the room rates: ratings from someone at the keyboard (never shown),
  /// Enter to close the round once everyone has rated, `/next` to close it now.
  mutating func handleAtRound(_ input: Input, sink: some TextSink) -> RoundLine {
    guard var round = facilitating.round else { return .notForTheRound }
    facilitating.rejection = nil
    switch input {
    case .answer(let text) where text.trimmingCharacters(in: .whitespaces).isEmpty:
      if round.isComplete { return .handled(closeRound(sink: sink)) }
      facilitating.notice =
        round.rated == 0
        ? "Nobody has rated yet. /next closes the round without ratings."
        : "\(PromptText.ratedCount(round.rated, of: round.everyone)) so far: wait for the others, or /next to close the round now."
    case .answer(let text):
      switch round.addTyped(text) {
      case .success(let count):
        facilitating.notice =
          "Rating taken, not shown: \(PromptText.ratedCount(count, of: round.everyone))."
      case .failure(let rejection):
        // Said without what was typed: the room must not learn it from a mistake either.
        facilitating.rejection =
          if case .tooManyRatings = rejection.code {
            RejectionText.sentence(rejection)
          } else {
            "Sorry, that was not taken: \(Rejection.Expected(.scale(round.scale)).instruction)."
          }
        facilitating.notice = nil
      }
      facilitating.round = round
    case .command(.next, _):
      return .handled(closeRound(sink: sink))
    case .command(.skip, _):
      facilitating.notice =
        "Ratings are anonymous, so nobody is skipped: whoever does not rate simply does not. /next closes the round."
    default:
      return .notForTheRound
    }
    drawSharedScreen(sink)
    return .handled(nil)
  }

  /// Closes the open round and hands the session its anonymous ratings, kept before they are
  /// shown.
  private mutating func closeRound(sink: some TextSink) -> ExitStatus? {
    guard let round = facilitating.round else { return nil }
    let ratings = round.close()
    facilitating.round = nil
    return apply(.teamRatings(ratings), sink: sink)
  }

  /// "4 of 6 rated", with the phones at a room.
  static func countLine(_ round: OpenRound) -> String {
    PromptText.ratedCount(round.rated, of: round.everyone)
  }

  // MARK: - Commands

  /// Maps a facilitator's command to an event and applies it.
  mutating func facilitate(_ command: Command, argument: String, sink: some TextSink) -> ExitStatus?
  {
    guard style.facilitator else {
      sink.write(
        "/\(command.rawValue) is a facilitator's command: start the session with 'coach run --facilitator'.\n"
      )
      return nil
    }
    let event: Event
    switch command {
    case .next: event = .next
    case .pause: event = .pause
    case .resume: event = .resume
    case .extend:
      // The engine says why a number does not fit; text that is no number is not one.
      event = .extend(minutes: Double(argument.replacingOccurrences(of: ",", with: ".")) ?? .nan)
    case .park:
      event = .park(argument)
    case .jump:
      guard !argument.isEmpty else {
        sink.write("Say which section, by number, id or title, like /jump 3.\n")
        return nil
      }
      event = .jump(section: Self.section(named: argument, in: dialogue) ?? argument)
    default:
      return nil
    }
    return apply(event, sink: sink)
  }

  /// The id of the section a person means: its number, its id, or the start of its title.
  static func section(named name: String, in dialogue: Dialogue) -> String? {
    let sections = dialogue.sections
    if let number = Int(name), (1...sections.count).contains(number) {
      return sections[number - 1].id
    }
    let lowered = name.lowercased()
    if let exact = sections.first(where: { $0.id.lowercased() == lowered }) { return exact.id }
    let byTitle = sections.filter { $0.title.lowercased().hasPrefix(lowered) }
    return byTitle.count == 1 ? byTitle[0].id : nil
  }

  /// What piped input echoes: a rating typed while the room rates stays off the shared screen.
  func echo(of line: String, at prompt: Prompt?) -> String {
    guard style.facilitator, facilitating.round != nil, case .answer(let text) = Input(line),
      !text.trimmingCharacters(in: .whitespaces).isEmpty
    else { return line }
    return "(rating taken, not shown)"
  }

  /// "Baseline: 0:42 of 1:00 · session 3:10 of 20:00 (clock paused)"
  func agendaText() -> String {
    ClockText.agenda(AgendaClock(at: clock.now(), session: session, dialogue: dialogue))
  }

  // MARK: - The shared screen

  /// Draws the whole shared screen for this reply.
  mutating func showSharedScreen(_ reply: Reply, to sink: some TextSink) {
    if let pending = facilitating.pending, !runtime.isBeforeConsent {
      // Saved now (the presenter view follows the log), or never to be: either way, gone.
      pending.remove()
      facilitating.pending = nil
    }
    let stepID = reply.prompt?.stepID ?? session.currentStepID
    var said: [String] = []
    var summary: TeamSummary?
    for line in reply.lines {
      switch line {
      case .say(let text, _): said.append(text)
      case .teamSummary(let result, _): summary = result
      case .section, .notes: break
      }
    }
    if stepID != facilitating.stepID || !said.isEmpty {
      facilitating.stepID = stepID
      facilitating.said = said
      facilitating.summary = summary
    } else if let summary {
      facilitating.summary = summary
    }
    facilitating.notice = reply.notice.map { ReplyText.notice($0, dialogue: dialogue) }
    facilitating.rejection = reply.rejection.map { RejectionText.sentence($0) }
    syncRound(with: reply.prompt)
    drawSharedScreen(sink)
  }

  /// Draws the shared screen from what it holds now: after an event, and again after a resize.
  mutating func drawSharedScreen(_ sink: some TextSink) {
    let prompt = engine.currentPrompt(in: session)
    let agenda = AgendaClock(at: clock.now(), session: session, dialogue: dialogue)
    var content = SharedScreen.Content()
    if let title = agenda.sectionTitle, let number = agenda.sectionNumber {
      content.heading = "\(title) · section \(number) of \(agenda.sectionCount)"
    } else {
      content.heading = dialogue.title
    }
    content.clock = ClockText.agenda(agenda)
    content.compactClock = ClockText.agenda(agenda, form: .compact)
    content.nudge = ClockText.nudge(agenda.nudge)
    content.join = facilitating.room?.joinLine()
    // Accessible mode reads sentences: no bars of a chart, no histogram.
    content.said =
      style.accessible ? facilitating.said.map(SpokenText.withoutBars) : facilitating.said
    if let summary = facilitating.summary {
      content.summary =
        style.accessible ? SpokenText.teamSummary(summary) : TeamSummaryText.lines(for: summary)
    }
    let accessible = style.accessible
    func questionLines(_ prompt: Prompt) -> [String] {
      accessible ? SpokenText.lines(for: prompt) : PromptText.lines(for: prompt)
    }
    content.notice = facilitating.notice
    content.rejection = facilitating.rejection
    if let prompt {
      switch prompt.teamTurn {
      case .room?:
        content.question = [prompt.text] + PromptText.scaleEnds(for: prompt)
        if let round = facilitating.round {
          content.round = [
            round.isOnPhones ? PromptText.roomRound : PromptText.typedRound,
            PromptText.closingRound(),
          ]
          content.roundCount = Self.countLine(round)
        }
      case .leader?:
        content.question = [PromptText.leadersTurn] + questionLines(prompt)
      case nil:
        content.question = questionLines(prompt)
      }
    }
    let width = style.width?() ?? 80
    let layout = SharedScreen.layout(
      content, width: width, height: style.clearsScreen ? style.height?() : nil)
    facilitating.layout = layout
    if style.clearsScreen {
      sink.write(TerminalText.clearScreen)
    } else if style.accessible {
      sink.write("\n")  // a line of dashes is read out, dash by dash
    } else {
      sink.write("\n" + String(repeating: "-", count: min(width, 72)) + "\n")
    }
    write(layout.lines.map { ($0.text + "\n", $0.role) }, to: sink)
  }

  /// The plan as the room may see it: without the paths of files on this computer.
  static func withoutPaths(_ text: String) -> String {
    text.replacing(
      #/(^|[\s(\[`'"])(?:~|/)[^\s/`'")\]]*(?:/[^\s/`'")\]]+)+/?/#.anchorsMatchLineEndings()
    ) {
      match in match.output.1 + "(a file on this computer)"
    }
  }
}
