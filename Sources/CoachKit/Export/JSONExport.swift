import Foundation

/// A transcript as JSON, described by `docs/transcript.schema.json`.
///
///     {"version": 2, "session": {...}, "sections": [...], "events": [...], "answers": {...}, "plan": "..."}
struct JSONExport: Sendable {
  init() {}

  static let version = 2

  struct Document: Encodable {
    let version: Int
    let session: SessionInfo
    let sections: [SectionTime]
    let events: [EventRecord]
    let answers: [String: AnswerValue]
    /// Facilitator mode: parked topics; absent when nothing was parked.
    let parkingLot: [String]?
    let plan: String?
    /// The check-ins that followed the session, each a document of its own.
    var checkins: [Document]?
    /// What is missing from a session exported from its log alone (see ``LogExport``).
    var problems: [String]?
  }

  struct SessionInfo: Encodable {
    let id: String
    let dialogue: String
    let dialogueVersion: String
    let title: String
    let startedAt: String
    let endedAt: String
    let timeZone: String
    let finished: Bool
    /// Minutes someone was there: from the start to the last event, without the time away.
    let activeMinutes: Double
    /// The days the session ran on, in its time zone.
    let dates: [String]
    /// Stretches of time away (a stop until the session went on), not counted.
    let breaks: [Break]
  }

  struct Break: Encodable {
    let from: String
    let to: String
  }

  struct SectionTime: Encodable {
    let id: String
    let title: String
    let plannedMinutes: Double
    let actualMinutes: Double
  }

  struct EventRecord: Encodable {
    let kind: String
    var at: String
    var step: String? = nil
    var section: String? = nil
    var title: String? = nil
    var question: String? = nil
    var answer: String? = nil
    var text: String? = nil
    /// How many rated a team question (ratings, team-summary).
    var count: Int? = nil
    /// The team's median rating, from three ratings on (team-summary).
    var median: Double? = nil
    var minutes: Double? = nil
  }

  /// An answer's value in JSON's own types.
  enum AnswerValue: Encodable {
    case value(Value)

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      guard case .value(let value) = self else { return }
      switch value {
      case .none: try container.encodeNil()
      case .bool(let flag): try container.encode(flag)
      case .number(let number): try container.encode(number)
      case .text(let text): try container.encode(Sanitizer.clean(text))
      case .list(let items): try container.encode(items.map { Sanitizer.clean($0) })
      case .date(let day): try container.encode(day.iso)
      }
    }
  }

  /// The session, with the check-ins that followed it.
  func render(_ transcript: Transcript, checkins: [Transcript] = []) -> String {
    var document = document(for: transcript)
    if !checkins.isEmpty { document.checkins = checkins.map(self.document(for:)) }
    return Self.encode(document)
  }

  static func encode(_ document: Document) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(document) else { return "{}" }
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  func document(for transcript: Transcript) -> Document {
    var events: [EventRecord] = []
    for item in transcript.items {
      switch item {
      case .section(let heading, let at):
        events.append(
          EventRecord(
            kind: "section", at: LogTime.format(at), section: clean(heading.id),
            title: Sanitizer.clean(heading.title)))
      case .said(let text, let stepID):
        events.append(
          EventRecord(kind: "say", at: "", step: clean(stepID), text: Sanitizer.clean(text)))
      case .answered(let answered):
        events.append(
          EventRecord(
            kind: answered.wasSkipped ? "skip" : "answer", at: LogTime.format(answered.at),
            step: clean(answered.stepID),
            section: clean(answered.sectionID), question: Sanitizer.clean(answered.question),
            answer: Sanitizer.clean(answered.text)))
      case .wentBack(let stepID, let at):
        events.append(EventRecord(kind: "back", at: LogTime.format(at), step: clean(stepID)))
      case .restarted(let at):
        events.append(EventRecord(kind: "restart", at: LogTime.format(at)))
      case .facilitation(let event, let at):
        var record = EventRecord(
          kind: event.kind, at: LogTime.format(at), text: Sanitizer.clean(event.description))
        switch event {
        case .extended(let sectionID, _, let minutes):
          record.section = clean(sectionID)
          record.minutes = minutes
        case .jumped(let sectionID, _): record.section = clean(sectionID)
        case .movedOn(let stepID), .roundReopened(let stepID):
          record.step = clean(stepID)
        case .teamSummary(let stepID, let summary):
          record.step = clean(stepID)
          record.count = summary.count
          record.median = summary.isShown ? summary.median : nil
        case .teamRatings(let stepID, let question, let count):
          record.step = clean(stepID)
          record.question = Sanitizer.clean(question)
          record.count = count
        case .paused, .resumed, .parked: break
        }
        events.append(record)
      case .dialogueChanged(let version, let withdrawn, let at):
        events.append(
          EventRecord(
            kind: "dialogue", at: LogTime.format(at),
            text: Sanitizer.clean(
              LocalTime.dialogueChange(version: version, withdrawn: withdrawn))))
      }
    }
    // "say" lines carry the time of the event that led to them.
    var lastTime = LogTime.format(transcript.header.startedAt)
    for index in events.indices {
      if events[index].at.isEmpty {
        events[index].at = lastTime
      } else {
        lastTime = events[index].at
      }
    }
    var answers: [String: AnswerValue] = [:]
    for answered in transcript.finalAnswers {
      if let variable = transcript.dialogue.step(answered.stepID)?.question?.variable {
        answers[clean(variable)] = .value(answered.value)
      }
    }
    let header = transcript.header
    return Document(
      version: Self.version,
      session: SessionInfo(
        id: clean(header.session), dialogue: clean(header.dialogue),
        dialogueVersion: clean(header.dialogueVersion),
        title: Sanitizer.clean(header.dialogueTitle), startedAt: LogTime.format(header.startedAt),
        endedAt: LogTime.format(transcript.endedAt), timeZone: clean(header.timeZone),
        finished: transcript.isFinished,
        activeMinutes: (transcript.activeTime / 60 * 100).rounded() / 100,
        dates: transcript.days.map(\.iso),
        breaks: transcript.breaks.map {
          Break(from: LogTime.format($0.from), to: LogTime.format($0.to))
        }),
      sections: transcript.sectionTimes.map {
        SectionTime(
          id: clean($0.heading.id), title: Sanitizer.clean($0.heading.title),
          plannedMinutes: $0.planned,
          actualMinutes: ($0.actual * 100).rounded() / 100)
      },
      events: events, answers: answers,
      parkingLot: transcript.parkingLot.isEmpty
        ? nil : transcript.parkingLot.map { Sanitizer.clean($0.text) },
      plan: transcript.plan.map { Sanitizer.clean($0) }, problems: nil)
  }

  /// Ids and names from the dialogue or the log: on one line, cleaned like any other text.
  private func clean(_ text: String) -> String { Sanitizer.oneLine(text) }
}
