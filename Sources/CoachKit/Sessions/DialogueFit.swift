import Foundation

/// How a session's events fit a changed version of its dialogue: how many still fit, from the
/// first, and why the next one does not. A session that goes on with the changed version keeps
/// those events and asks the rest again, so this is what the person is told before they choose.
///
///     let fit = DialogueFit(header: header, entries: entries, from: before, to: after)
///     fit.misfit      // .rejected(answer, rejection): "6 is more than 5; …"
///     fit.askedAgain  // the answers the session loses, with the questions as they were asked
public struct DialogueFit: Sendable {
  /// How many events, from the first, still fit.
  public var kept: Int
  /// Why the next event does not fit; nil when every event does.
  public var misfit: Misfit?
  /// The answers that stand after the events kept, as they were given.
  public var keptAnswers: [Answer]
  /// The answers that stood before and do not now, whose question the changed dialogue still
  /// has: it asks them again when the session comes to them.
  public var askedAgain: [Answer]
  /// The answers that stood before and do not now, whose question the changed dialogue no
  /// longer has.
  public var noLongerAsked: [Answer]

  public var fitsWhole: Bool { misfit == nil }

  public enum Misfit: Sendable, Hashable {
    /// The event came at a step the changed dialogue does not have.
    case stepGone(String)
    /// At that point the changed dialogue is at another step (or has ended: nil).
    case leadsElsewhere(logged: String, now: String?)
    /// The answer given then does not fit its question now.
    case rejected(Answer, Rejection)
    /// The same words give another answer now (the options were changed, say).
    case meansOther(Answer, now: Answer)
  }

  /// Replays `entries` (without dialogue changes among them) through both versions, side by side.
  public init(
    header: LogHeader, entries: [LogEntry], from before: Dialogue, to after: Dialogue,
    earlier: EarlierSession = .none
  ) {
    let old = header.engine(for: before, at: header.startedAt, earlier: earlier)
    let new = header.engine(for: after, at: header.startedAt, earlier: earlier)
    var (oldSession, _) = old.start()
    var (newSession, _) = new.start()
    var kept = 0
    var misfit: Misfit?
    for entry in entries {
      if let logged = entry.step, logged != newSession.currentStepID {
        misfit =
          after.step(logged) == nil
          ? .stepGone(logged) : .leadsElsewhere(logged: logged, now: newSession.currentStepID)
        break
      }
      let was = old.at(entry.at).handle(entry.event, in: &oldSession)
      let now = new.at(entry.at).handle(entry.event, in: &newSession)
      if let answer = was.takenAnswer {
        if let rejection = now.rejection {
          misfit = .rejected(answer, rejection)
          break
        }
        if let taken = now.takenAnswer, taken.value != answer.value {
          misfit = .meansOther(answer, now: taken)
          break
        }
      }
      kept += 1
    }
    self.kept = kept
    self.misfit = misfit
    let before = Transcript.replay(
      header: header, entries: entries, dialogue: before, earlier: earlier
    ).finalAnswers
    keptAnswers =
      Transcript.replay(
        header: header, entries: Array(entries.prefix(kept)), dialogue: after, earlier: earlier
      ).finalAnswers
    let standing = Set(keptAnswers.map(\.stepID))
    let lost = before.filter { !standing.contains($0.stepID) }
    askedAgain = lost.filter { after.step($0.stepID)?.question != nil }
    noLongerAsked = lost.filter { after.step($0.stepID)?.question == nil }
  }
}
