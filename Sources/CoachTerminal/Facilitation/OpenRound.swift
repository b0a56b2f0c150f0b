import CoachKit
import CoachRoomModel
import Foundation

/// A team question's round on the host's side, while the room rates it: on the phones of a
/// room, or typed at the keyboard unseen (``TypedRatings``). Only counts are shown while it is
/// open; when it closes, the session is given one anonymous ``TeamRatings``.
struct OpenRound {
  let stepID: String
  let scale: AnswerKind.Scale
  /// How many people rate, from `--participants`; nil when the room counts its phones.
  let expected: Int?
  private let room: RoomLink?
  private var typed: TypedRatings
  /// Ratings typed at the keyboard into a room's round: people without a phone, who rate
  /// besides the phones that joined.
  private var typedBesidePhones = 0

  /// Opens the round for `prompt` (a team question at the room's turn): on the room's phones
  /// when there is a room.
  init?(_ prompt: Prompt, room: RoomLink?) {
    guard case .room(let expected)? = prompt.teamTurn, case .scale(let scale) = prompt.kind else {
      return nil
    }
    stepID = prompt.stepID
    self.scale = scale
    self.expected = expected
    self.room = room
    typed = TypedRatings(scale: scale, expected: room == nil ? expected : nil)
    room?.openRound(RoomQuestion(id: prompt.stepID, text: prompt.text, scale: scale))
  }

  /// How many have rated so far.
  var rated: Int { room?.progress.round?.rated ?? typed.count }

  /// Everyone expected: `--participants`, or at a room the phones that joined and those who
  /// typed their rating at the keyboard.
  var everyone: Int? {
    if let expected { return expected }
    guard let joined = room?.progress.joined, joined + typedBesidePhones > 0 else { return nil }
    return joined + typedBesidePhones
  }

  var isComplete: Bool {
    guard let everyone else { return rated > 0 }
    return rated > 0 && rated >= everyone
  }

  var isOnPhones: Bool { room != nil }

  /// Takes ratings typed at the keyboard: into the room's round (someone without a phone), or
  /// into the typed ones.
  mutating func addTyped(_ text: String) -> Result<Int, Rejection> {
    guard let room else { return typed.add(text) }
    // People without a phone may rate here too; only `--participants` sets how many rate.
    let before = rated
    let remaining = expected.map { max($0 - before, 0) }
    switch TypedRatings.parse(text, on: scale, remaining: remaining) {
    case .failure(let rejection): return .failure(rejection)
    case .success(let values):
      for value in values { room.addRating(Int(value)) }
      typedBesidePhones += values.count
      // The room counts them once its report comes back; until then, counted here.
      return .success(before + values.count)
    }
  }

  /// Closes the round: what the session keeps of it.
  func close() -> TeamRatings {
    guard let room else { return typed.ratings }
    guard let closed = room.closeRound() else { return .none }
    return TeamRatings(count: closed.count, values: closed.values?.map(Double.init))
  }

  /// Forgets the round without keeping anything (the session moved away from it).
  func abandon() { _ = room?.closeRound() }
}
