import Foundation

/// A session that cannot be replayed (its first line is damaged, or the dialogue it ran is not
/// kept and no longer where it was), exported as what its log holds: the same JSON as a
/// transcript (`docs/transcript.schema.json`), with each event as it was logged (an answer as
/// typed, under its step's id) and `problems` saying what is missing. Nothing a person typed is
/// lost because a file was damaged or moved.
///
///     LogExport.json(id: "20261129-090000-3f2a", contents: contents, problems: ["…"])
public enum LogExport {
  public static func json(id: String, contents: SessionLogContents, problems: [String]) -> String {
    let header = contents.header
    let zone = header.flatMap { TimeZone(identifier: $0.timeZone) } ?? TimeZone(identifier: "UTC")!
    let entries = contents.entries
    let started = header?.startedAt ?? entries.first?.at ?? Date(timeIntervalSince1970: 0)
    let ended = entries.last?.at ?? started
    var events: [JSONExport.EventRecord] = []
    var breaks: [JSONExport.Break] = []
    var active: TimeInterval = 0
    var previous = started
    var stoppedAt: Date?
    var days: Set<String> = [Day(started, timeZone: zone).iso]
    for entry in entries {
      days.insert(Day(entry.at, timeZone: zone).iso)
      if let from = stoppedAt {
        breaks.append(.init(from: LogTime.format(from), to: LogTime.format(entry.at)))
      } else {
        active += max(entry.at.timeIntervalSince(previous), 0)
      }
      previous = entry.at
      stoppedAt = nil
      let at = LogTime.format(entry.at)
      let step = entry.step.map(clean)
      switch entry.event {
      case .answer(let text):
        events.append(.init(kind: "answer", at: at, step: step, answer: Sanitizer.clean(text)))
      case .skip: events.append(.init(kind: "skip", at: at, step: step))
      case .back: events.append(.init(kind: "back", at: at, step: step))
      case .restart: events.append(.init(kind: "restart", at: at))
      case .next: events.append(.init(kind: "next", at: at, step: step))
      case .teamRatings(let ratings):
        // How many rated, as in every export: never the ratings themselves.
        events.append(.init(kind: "ratings", at: at, step: step, count: ratings.count))
      case .extend(let minutes):
        events.append(.init(kind: "extend", at: at, minutes: minutes.isFinite ? minutes : nil))
      case .pause: events.append(.init(kind: "pause", at: at))
      case .resume: events.append(.init(kind: "resume", at: at))
      case .park(let text): events.append(.init(kind: "park", at: at, text: Sanitizer.clean(text)))
      case .jump(let section): events.append(.init(kind: "jump", at: at, section: clean(section)))
      case .useDialogue(let snapshot):
        events.append(
          .init(kind: "dialogue", at: at, text: "went on with dialogue version \(clean(snapshot))"))
      case .stop: stoppedAt = entry.at
      case .continue: break
      }
    }
    let document = JSONExport.Document(
      version: JSONExport.version,
      session: .init(
        id: clean(id), dialogue: clean(header?.dialogue ?? ""),
        dialogueVersion: clean(header?.dialogueVersion ?? ""),
        title: clean(header?.dialogueTitle ?? ""), startedAt: LogTime.format(started),
        endedAt: LogTime.format(ended), timeZone: zone.identifier,
        finished: entries.last?.after?.isFinished ?? false,
        activeMinutes: (active / 60 * 100).rounded() / 100, dates: days.sorted(), breaks: breaks),
      sections: [], events: events, answers: [:], parkingLot: nil, plan: nil,
      problems: (problems + contents.warnings).map { Sanitizer.clean($0) })
    return JSONExport.encode(document)
  }

  private static func clean(_ text: String) -> String { Sanitizer.oneLine(text) }
}
