/// Why a day and a time typed in answer to a `moment` question was not taken, with what it needs
/// to be said.
///
///     MomentProblem.noSuchDate(day: 30, month: 2, year: nil).reason
///     // "there is no 30 February"
public enum MomentProblem: Error, Hashable, Sendable {
  /// Nothing, or not all, of the text reads as a day and a time; `word` is the first part that
  /// does not, when one does not.
  case unreadable(word: String?)
  /// A time of day that cannot be: "99:99", "25:00", "13pm", "2027" (a year, or a time without
  /// its colon).
  case notATime(String)
  /// A date that does not exist: 30 February, 31 April.
  case noSuchDate(day: Int, month: Int, year: Int?)
  /// "3/4" could be 3 April or 4 March.
  case ambiguousDate(String)
  /// A day without a time ("Tuesday", "tomorrow morning"); `part` is the part of the day said.
  case timeNeeded(Day, part: String?)
  /// A time without a day, when that time today has passed.
  case dayNeeded(time: String)
  /// A week without its day: "next week".
  case weekdayNeeded(String)
  /// Two days that are not the same: "tomorrow Friday" on a Monday.
  case twoDays(Day, Day)
  /// A weekday said with a date that falls on another: "Tuesday 2 December" (a Wednesday).
  case weekdayMismatch(said: String, day: Day)
  /// "midnight" could be the start or the end of the day.
  case midnight
  /// A time and a part of the day that do not go together: "tomorrow morning at 3pm".
  case conflictingTime(time: String, part: String)
  /// Before the question's `earliest`; `hasPassed` when that is now.
  case tooEarly(Moment, earliest: MomentBound, hasPassed: Bool)
  /// After the question's `latest`. `otherReading` is another way to say what the person may have
  /// meant, which would fit: "this Friday" for "next Friday".
  case tooLate(Moment, latest: MomentBound, otherReading: MomentReading.OtherReading?)

  /// Why, in plain words, for "Sorry, <reason>.".
  public var reason: String {
    let examples = "like 'Tue 9:30', 'tomorrow at 14:00' or '3 Dec 10:00'"
    switch self {
    case .unreadable(let word?):
      return
        "I can't read '\(Sanitizer.clean(word, limit: 30))' as part of a day and a time; write them \(examples)"
    case .unreadable(nil):
      return "that is not a day and a time I can read; write them \(examples)"
    case .notATime(let text):
      let clean = Sanitizer.clean(text, limit: 20)
      if clean.count == 4, clean.allSatisfy(\.isNumber) {
        return
          "'\(clean)' is not a time I can read; write a time with a colon, like 09:30 or 14:00, or with am or pm"
      }
      return "'\(clean)' is not a time: hours go from 0 to 23 (or 1 to 12 with am or pm) and minutes from 00 to 59"
    case .noSuchDate(let day, let month, let year?):
      return "there is no \(day) \(Day.monthNames[month - 1]) in \(year)"
    case .noSuchDate(let day, let month, nil):
      return "there is no \(day) \(Day.monthNames[month - 1])"
    case .ambiguousDate(let text):
      let clean = Sanitizer.clean(text, limit: 20)
      return "'\(clean)' could be read two ways; write the month as a word, like '3 Dec' or 'Dec 3'"
    case .timeNeeded(let day, let part):
      let when = part.map { "\(day.weekday) \($0) (\(day.longText))" } ?? day.longText
      return "at what time on \(when)? Add a time, like '\(day.weekday) 9:30'"
    case .dayNeeded(let time):
      return "\(time) today has passed; which day? Like 'tomorrow \(time)'"
    case .weekdayNeeded(let week):
      return "which day \(week)? Like 'Tuesday \(week) 9:30'"
    case .twoDays(let first, let second):
      return "that names two different days, \(first.longText) and \(second.longText); say one"
    case .weekdayMismatch(let said, let day):
      return
        "\(day.day) \(Day.monthNames[day.month - 1]) \(day.year) is a \(day.weekday), not a \(said); which did you mean?"
    case .midnight:
      return "'midnight' could be the start or the end of a day; write 00:00 or 23:59 with the day"
    case .conflictingTime(let time, let part):
      return "\(time) is not in the \(part); say one or the other"
    case .tooEarly(let moment, let earliest, let hasPassed):
      if hasPassed { return "\(moment.text) has already passed; pick a time to come" }
      return "\(moment.text) is before the earliest possible, \(earliest.text(asLatest: false))"
    case .tooLate(let moment, let latest, let otherReading):
      let deadline = "\(moment.text) is after the deadline, \(latest.text(asLatest: true))"
      if let other = otherReading {
        return
          "\(deadline); for \(other.moment.text), type '\(other.words) \(other.moment.timeText)'"
      }
      return "\(deadline); pick a day and time by then"
    }
  }
}

/// The earliest or latest a `moment` question takes: a whole day (from its start, to its end) or
/// a day and time.
public enum MomentBound: Hashable, Sendable {
  case day(Day)
  case moment(Moment)

  /// The bound of an `earliest:`/`latest:` expression's value; nil for no bound.
  public init?(_ value: Value) {
    switch value {
    case .date(let day): self = .day(day)
    case .moment(let moment): self = .moment(moment)
    default: return nil
    }
  }

  /// Whether `moment` is on or after this bound, taken as the earliest.
  func admitsAsEarliest(_ moment: Moment) -> Bool {
    switch self {
    case .day(let day): moment.day >= day
    case .moment(let earliest): moment >= earliest
    }
  }

  /// Whether `moment` is on or before this bound, taken as the latest.
  func admitsAsLatest(_ moment: Moment) -> Bool {
    switch self {
    case .day(let day): moment.day <= day
    case .moment(let latest): moment <= latest
    }
  }

  /// As the latest: "the end of Wednesday 2 December 2026"; as the earliest: "Wednesday 2
  /// December 2026"; a day and time: "Wednesday 2 December at 17:00".
  public func text(asLatest: Bool) -> String {
    switch self {
    case .day(let day): asLatest ? "the end of \(day.longText)" : day.longText
    case .moment(let moment): moment.text
    }
  }
}
