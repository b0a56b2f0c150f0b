/// Reads a day and a time as people type them, in English, relative to the moment they are typed:
/// "tomorrow morning at 9", "next Monday 9:30", "Tue 9am", "on Tuesday at 9", "9:30 tomorrow",
/// "1 Dec 10:00", "Friday 14:00", "in two days at 8".
///
///     let reading = MomentReading(now: Moment(iso: "2026-11-30T10:00")!)   // a Monday
///     reading.read("tomorrow morning at 9")   // .success: Tuesday 1 December at 09:00
///     reading.read("Tue 99:99")               // .failure(.notATime("99:99"))
///
/// The grammar is small and table-driven: each word is looked up in ``words`` (weekdays, months,
/// today/tomorrow, parts of the day, `this`/`next`, am/pm, number words, fillers like `at` and
/// `on`), numbers and clock times are read by their shape, and the pieces are then put together
/// by a few rules, documented in docs/dialogue-format.md ("type: moment"):
///
/// - A weekday alone is the next such day; today's weekday means today while the time is still
///   to come. `this Friday` is this week's (from today on), `coming Friday` never today, and
///   `next Friday` the Friday of next week (weeks begin on Monday).
/// - A date without a year is the next one to come, unless it was in the last 31 days: then it
///   is that one (which has passed), so that a slip is caught rather than moved a year on.
/// - A time without am/pm from 1 to 6 is in the afternoon (`3` is 15:00), from 7 to 12 as it
///   stands (`9` is 09:00); a leading zero (`09`), an hour from 13, am/pm or a part of the day
///   (`morning`, `afternoon`, `evening`, `tonight`) says otherwise.
/// - A time without a day is today, while it is still to come.
/// - Words it does not know are refused, naming the word: the answer is a moment, nothing else.
public struct MomentReading: Sendable {
  /// The moment the answer is typed, in the session's time zone.
  public var now: Moment

  public init(now: Moment) { self.now = now }

  /// What was read, and another reading of the same words that a person may have meant.
  public struct Result: Hashable, Sendable {
    public var moment: Moment
    /// When "next Friday" was read as next week's: "this Friday" and the moment it gives.
    public var otherReading: OtherReading?
  }

  /// Another way to say what a person may have meant, and the moment it gives.
  public struct OtherReading: Hashable, Sendable {
    /// "this Friday".
    public var words: String
    public var moment: Moment
  }

  public func read(_ text: String) -> Swift.Result<Result, MomentProblem> {
    let tokens = Self.tokens(of: text)
    var assembly = Pieces()
    if let problem = assembly.take(tokens) { return .failure(problem) }
    return assembly.resolve(now: now)
  }

  // MARK: - Words

  /// The kinds of words and numbers the grammar knows.
  enum Token: Hashable, Sendable {
    case filler
    case now
    case relative(days: Int)
    case tonight
    case weekday(Int)
    case month(Int)
    case modifier(Modifier)
    case part(Part)
    case noon
    case midnight
    case meridiem(pm: Bool)
    /// Digits as typed: "9", "09", "2027".
    case number(Int, raw: String)
    /// "1st", "22nd".
    case ordinal(Int)
    /// "nine", "a" (as in "in a day").
    case numberWord(Int)
    case couple
    /// "9:30", "09.30": hour and minute as typed, not yet checked.
    case clock(hour: Int, minute: Int, raw: String)
    /// "2026-12-01", "25/12", "1/12/2026".
    case date(year: Int?, month: Int, day: Int)
    case ambiguousDate(String)
    case unit(Unit)
    case `in`
    case half, quarter, past, to
    case unknown(String)
  }

  enum Modifier: String, Hashable, Sendable { case this, next, coming }

  enum Unit: Hashable, Sendable { case minute, hour, day, week }

  /// A part of the day: it says whether a time without am/pm is in the morning or later, and is
  /// never a time by itself.
  enum Part: String, Hashable, Sendable {
    case morning, afternoon, evening, night, lunchtime
    case endOfDay = "end of the day"

    var isAfterNoon: Bool { self != .morning && self != .lunchtime }
  }

  /// Every word the grammar knows, lower case. Multi-word phrases are in ``phrases``.
  static let words: [String: Token] = {
    var table: [String: Token] = [:]
    let weekdays = [
      ["monday", "mon"], ["tuesday", "tue", "tues"], ["wednesday", "wed", "weds"],
      ["thursday", "thu", "thur", "thurs"], ["friday", "fri"], ["saturday", "sat"],
      ["sunday", "sun"],
    ]
    for (index, names) in weekdays.enumerated() { for name in names { table[name] = .weekday(index) } }
    let months = [
      ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"],
      ["june", "jun"], ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"],
      ["october", "oct"], ["november", "nov"], ["december", "dec"],
    ]
    for (index, names) in months.enumerated() { for name in names { table[name] = .month(index + 1) } }
    for name in ["today", "tday"] { table[name] = .relative(days: 0) }
    for name in ["tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "tommorrow", "tomorrrow"] {
      table[name] = .relative(days: 1)
    }
    table["overmorrow"] = .relative(days: 2)
    table["yesterday"] = .relative(days: -1)
    table["tonight"] = .tonight
    table["now"] = .now
    for name in ["at", "on", "@", "around", "about", "approx", "approximately", "circa", "the",
      "of", "by", "from", "for", "oclock", "sharp", "ish", "-", "–", "and", "right", "starting"]
    {
      table[name] = .filler
    }
    table["this"] = .modifier(.this)
    table["next"] = .modifier(.next)
    table["following"] = .modifier(.next)
    table["coming"] = .modifier(.coming)
    table["upcoming"] = .modifier(.coming)
    for (name, part) in [
      ("morning", Part.morning), ("afternoon", .afternoon), ("evening", .evening),
      ("night", .night), ("lunch", .lunchtime), ("lunchtime", .lunchtime),
      ("eod", .endOfDay), ("cob", .endOfDay),
    ] {
      table[name] = .part(part)
    }
    table["noon"] = .noon
    table["midday"] = .noon
    table["midnight"] = .midnight
    table["am"] = .meridiem(pm: false)
    table["pm"] = .meridiem(pm: true)
    let numbers = [
      "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
      "twelve",
    ]
    for (index, name) in numbers.enumerated() { table[name] = .numberWord(index + 1) }
    table["a"] = .numberWord(1)
    table["an"] = .numberWord(1)
    table["couple"] = .couple
    for (names, unit) in [
      (["minute", "minutes", "min", "mins"], Unit.minute), (["hour", "hours", "hr", "hrs"], .hour),
      (["day", "days"], .day), (["week", "weeks", "wk", "wks"], .week),
    ] {
      for name in names { table[name] = .unit(unit) }
    }
    table["in"] = .in
    table["half"] = .half
    table["quarter"] = .quarter
    table["past"] = .past
    table["after"] = .past
    table["to"] = .to
    table["before"] = .to
    return table
  }()

  /// Phrases read as one word, longest first.
  static let phrases: [([String], Token)] = [
    (["the", "day", "after", "tomorrow"], .relative(days: 2)),
    (["day", "after", "tomorrow"], .relative(days: 2)),
    (["end", "of", "the", "day"], .part(.endOfDay)),
    (["end", "of", "day"], .part(.endOfDay)),
    (["close", "of", "business"], .part(.endOfDay)),
    (["first", "thing"], .part(.morning)),
  ]

  /// The text as tokens: lower case, punctuation dropped, "9am" split into "9" and "am", a
  /// trailing full stop dropped from words ("Tue."), phrases joined.
  static func tokens(of text: String) -> [Token] {
    var cleaned = text.lowercased()
    for (from, to) in [
      ("’", "'"), ("‘", "'"), ("a.m.", "am"), ("p.m.", "pm"), ("a.m", "am"), ("p.m", "pm"),
      ("o'clock", " oclock"), ("o’clock", " oclock"),
    ] {
      cleaned = cleaned.replacingOccurrences(of: from, with: to)
    }
    var pieces: [String] = []
    for chunk in cleaned.split(whereSeparator: { $0.isWhitespace || ",;!?()\"".contains($0) }) {
      pieces += split(String(chunk))
    }
    var tokens: [Token] = []
    var index = 0
    while index < pieces.count {
      if let (length, token) = phrase(at: index, in: pieces) {
        tokens.append(token)
        index += length
        continue
      }
      tokens.append(token(for: pieces[index]))
      index += 1
    }
    return tokens
  }

  private static func phrase(at index: Int, in pieces: [String]) -> (Int, Token)? {
    for (words, token) in phrases where index + words.count <= pieces.count {
      if Array(pieces[index..<index + words.count]) == words { return (words.count, token) }
    }
    return nil
  }

  /// A chunk split where letters meet digits ("9am", "tue9:30", "@9"), keeping ordinals
  /// ("1st") and ISO dates with a time ("2026-12-01t09:30") whole.
  private static func split(_ chunk: String) -> [String] {
    var chunk = chunk
    while chunk.count > 1, chunk.hasSuffix(".") { chunk.removeLast() }
    if chunk.hasPrefix("@"), chunk.count > 1 { return ["@"] + split(String(chunk.dropFirst())) }
    if isISODateTime(chunk) {
      let parts = chunk.split(separator: "t", maxSplits: 1).map(String.init)
      return parts
    }
    var pieces: [String] = []
    var current = ""
    var currentIsDigits: Bool?
    for character in chunk {
      let isDigit = character.isASCII && character.isNumber
      let isLetter = character.isLetter
      let kind: Bool? = isDigit ? true : (isLetter ? false : currentIsDigits)
      if let previous = currentIsDigits, let kind, previous != kind, !current.isEmpty {
        pieces.append(current)
        current = ""
      }
      current.append(character)
      if isDigit || isLetter { currentIsDigits = kind }
    }
    if !current.isEmpty { pieces.append(current) }
    // "1" + "st" is an ordinal again.
    var joined: [String] = []
    for piece in pieces {
      if let last = joined.last, ["st", "nd", "rd", "th"].contains(piece),
        last.allSatisfy({ $0.isASCII && $0.isNumber })
      {
        joined[joined.count - 1] = last + piece
      } else {
        joined.append(piece)
      }
    }
    return joined
  }

  private static func isISODateTime(_ chunk: String) -> Bool {
    let parts = chunk.split(separator: "t", maxSplits: 1)
    return parts.count == 2 && Day(iso: String(parts[0])) != nil
  }

  /// One piece as a token: a word from the table, or a number, clock time or date by its shape.
  static func token(for piece: String) -> Token {
    if let known = words[piece] { return known }
    let digits = piece.allSatisfy { $0.isASCII && $0.isNumber }
    if digits, !piece.isEmpty {
      return piece.count <= 6 ? .number(Int(piece)!, raw: piece) : .unknown(piece)
    }
    for suffix in ["st", "nd", "rd", "th"] where piece.hasSuffix(suffix) {
      let number = piece.dropLast(2)
      if !number.isEmpty, number.count <= 2, number.allSatisfy({ $0.isASCII && $0.isNumber }) {
        return .ordinal(Int(number)!)
      }
    }
    if let clock = clock(piece) { return clock }
    if let date = date(piece) { return date }
    return .unknown(piece)
  }

  /// "9:30", "09:30", "9.30" (two digits after the separator).
  private static func clock(_ piece: String) -> Token? {
    for separator in [":", "."] {
      let parts = piece.split(separator: Character(separator), omittingEmptySubsequences: false)
      guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
        parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
        let hour = Int(parts[0]), let minute = Int(parts[1])
      else { continue }
      return .clock(hour: hour, minute: minute, raw: piece)
    }
    return nil
  }

  /// "2026-12-01"; "25/12", "12/25", "1/12/2026", "1/12/26". Day and month both 12 or under and
  /// different: ambiguous.
  private static func date(_ piece: String) -> Token? {
    if let day = Day(iso: piece) { return .date(year: day.year, month: day.month, day: day.day) }
    let parts = piece.split(separator: "/", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count),
      parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      parts[0].count <= 2, parts[1].count <= 2
    else { return nil }
    let a = Int(parts[0])!
    let b = Int(parts[1])!
    var year: Int?
    if parts.count == 3 {
      let written = Int(parts[2])!
      guard parts[2].count == 2 || parts[2].count == 4 else { return .unknown(piece) }
      year = parts[2].count == 2 ? 2000 + written : written
    }
    switch (a, b) {
    case (1...12, 1...12) where a != b: return .ambiguousDate(piece)
    case (1...31, 1...12): return .date(year: year, month: b, day: a)
    case (1...12, 13...31): return .date(year: year, month: a, day: b)
    default: return .unknown(piece)
    }
  }

  // MARK: - Putting the pieces together

  /// A day as said, before it is worked out against today.
  enum DaySaid: Hashable, Sendable {
    case offset(Int)
    case weekday(Int, Modifier?)
    /// A weekday of this week (0) or next week (1): "Tuesday next week".
    case weekdayOfWeek(Int, week: Int)
    case date(year: Int?, month: Int, day: Int)
    case dayOfMonth(Int)
  }

  /// A time of day as said, before am/pm and the part of the day are applied.
  struct TimeSaid: Hashable, Sendable {
    var hour: Int
    var minute: Int
    var raw: String
    var pm: Bool?
    /// A leading zero ("09") or a clock time from 13 on: 24-hour time.
    var isTwentyFourHour: Bool
  }

  struct Pieces {
    var days: [DaySaid] = []
    var time: TimeSaid?
    var part: Part?
    var isNow = false
    /// "in two hours": minutes from now.
    var minutesFromNow: Int?
    /// "next week" / "this week" waiting for its weekday.
    var week: Int?
    var weekWord: String?

    /// Takes the tokens in order; a problem when they cannot be read.
    mutating func take(_ tokens: [Token]) -> MomentProblem? {
      var index = 0
      func peek(_ offset: Int = 1) -> Token? {
        index + offset < tokens.count ? tokens[index + offset] : nil
      }
      // The day of a month at `index`, when a month follows (after "of"), and a year of four
      // digits after it: taken, and true.
      func takeDate(day: Int) -> Bool {
        var ahead = 1
        while case .filler? = peek(ahead) { ahead += 1 }
        guard case .month(let month)? = peek(ahead) else { return false }
        index += ahead + 1
        var year: Int?
        if case .number(let written, let yearRaw)? = index < tokens.count ? tokens[index] : nil,
          yearRaw.count == 4
        {
          year = written
          index += 1
        }
        days.append(.date(year: year, month: month, day: day))
        return true
      }
      while index < tokens.count {
        let token = tokens[index]
        switch token {
        case .filler:
          index += 1
        case .now:
          isNow = true
          index += 1
        case .relative(let days):
          self.days.append(.offset(days))
          index += 1
        case .tonight:
          self.days.append(.offset(0))
          if let problem = setPart(.night) { return problem }
          index += 1
        case .weekday(let weekday):
          self.days.append(.weekday(weekday, nil))
          index += 1
        case .modifier(let modifier):
          switch peek() {
          case .weekday(let weekday)?:
            self.days.append(.weekday(weekday, modifier))
            index += 2
          case .unit(.week)?:
            week = modifier == .this ? 0 : 1
            weekWord = "\(modifier.rawValue) week"
            index += 2
          case .part(let part)? where modifier == .this:
            self.days.append(.offset(0))
            if let problem = setPart(part) { return problem }
            index += 2
          default:
            return .unreadable(word: modifier.rawValue)
          }
        case .month(let month):
          // "Dec 1", "December 1st", "Dec 1 2026".
          var day: Int?
          switch peek() {
          case .number(let number, let raw)? where raw.count <= 2: day = number
          case .ordinal(let number)?: day = number
          default: break
          }
          guard let day else { return .unreadable(word: nil) }
          index += 2
          var year: Int?
          if case .number(let number, let raw)? = index < tokens.count ? tokens[index] : nil,
            raw.count == 4
          {
            year = number
            index += 1
          }
          self.days.append(.date(year: year, month: month, day: day))
        case .number(let number, let raw):
          // "1 Dec", "1st of December": a day of a month.
          if raw.count <= 2, takeDate(day: number) { continue }
          guard raw.count <= 2 else { return .notATime(raw) }
          if let problem = setTime(
            TimeSaid(
              hour: number, minute: 0, raw: raw, isTwentyFourHour: raw.hasPrefix("0") || number >= 13
            ))
          {
            return problem
          }
          index += 1
          if let problem = takeMeridiem(peekAt: index, tokens) { return problem }
          if case .meridiem? = index < tokens.count ? tokens[index] : nil { index += 1 }
        case .ordinal(let number):
          if takeDate(day: number) { continue }
          self.days.append(.dayOfMonth(number))
          index += 1
        case .numberWord(let number):
          if let problem = setTime(
            TimeSaid(hour: number, minute: 0, raw: String(number), isTwentyFourHour: false))
          {
            return problem
          }
          index += 1
          if let problem = takeMeridiem(peekAt: index, tokens) { return problem }
          if case .meridiem? = index < tokens.count ? tokens[index] : nil { index += 1 }
        case .clock(let hour, let minute, let raw):
          if let problem = setTime(
            TimeSaid(
              hour: hour, minute: minute, raw: raw,
              isTwentyFourHour: raw.hasPrefix("0") || hour >= 13))
          {
            return problem
          }
          index += 1
          if let problem = takeMeridiem(peekAt: index, tokens) { return problem }
          if case .meridiem? = index < tokens.count ? tokens[index] : nil { index += 1 }
        case .date(let year, let month, let day):
          self.days.append(.date(year: year, month: month, day: day))
          index += 1
        case .ambiguousDate(let text):
          return .ambiguousDate(text)
        case .in:
          // "in two days", "in an hour", "in a couple of days", "in the morning".
          var ahead = 1
          while case .filler? = peek(ahead) { ahead += 1 }
          if case .part(let part)? = peek(ahead) {
            if let problem = setPart(part) { return problem }
            index += ahead + 1
            continue
          }
          var count: Int?
          switch peek(ahead) {
          case .number(let number, let raw)? where raw.count <= 3: count = number
          case .numberWord(let number)?:
            count = number
            if case .couple? = peek(ahead + 1) {
              count = 2
              ahead += 1
            }
          case .couple?: count = 2
          default: break
          }
          while case .filler? = peek(ahead + 1) { ahead += 1 }
          guard let count, case .unit(let unit)? = peek(ahead + 1) else {
            return .unreadable(word: "in")
          }
          switch unit {
          case .day: self.days.append(.offset(count))
          case .week: self.days.append(.offset(count * 7))
          case .hour: minutesFromNow = (minutesFromNow ?? 0) + count * 60
          case .minute: minutesFromNow = (minutesFromNow ?? 0) + count
          }
          index += ahead + 2
        case .half, .quarter:
          // "half past 9", "quarter past 9", "quarter to 10", "half 9" (9:30).
          let minutes = token == .half ? 30 : 15
          var hour: Int?
          var after = true
          var used = 1
          switch (peek(), peek(2)) {
          case (.past?, let next?), (.to?, let next?):
            after = peek() == .past
            hour = Self.hour(of: next)
            used = 3
          case (let next?, _) where token == .half:
            hour = Self.hour(of: next)
            used = 2
          default: break
          }
          guard let hour else { return .unreadable(word: token == .half ? "half" : "quarter") }
          let total = hour * 60 + (after ? minutes : -minutes)
          let shown = String(hour) + (after ? " + \(minutes) min" : " - \(minutes) min")
          if let problem = setTime(
            TimeSaid(
              hour: total / 60, minute: total % 60, raw: shown, isTwentyFourHour: hour >= 13))
          {
            return problem
          }
          index += used
          if let problem = takeMeridiem(peekAt: index, tokens) { return problem }
          if case .meridiem? = index < tokens.count ? tokens[index] : nil { index += 1 }
        case .part(let part):
          if let problem = setPart(part) { return problem }
          index += 1
        case .noon:
          if let problem = setTime(
            TimeSaid(hour: 12, minute: 0, raw: "noon", pm: nil, isTwentyFourHour: true))
          {
            return problem
          }
          index += 1
        case .midnight:
          return .midnight
        case .meridiem(let pm):
          return .unreadable(word: pm ? "pm" : "am")
        case .couple, .unit, .past, .to:
          return .unreadable(word: nil)
        case .unknown(let word):
          return .unreadable(word: word)
        }
      }
      return nil
    }

    /// The hour a token after "half past"/"quarter to" names.
    private static func hour(of token: Token) -> Int? {
      switch token {
      case .number(let number, let raw) where raw.count <= 2: number
      case .numberWord(let number): number
      default: nil
      }
    }

    /// An am/pm after a time.
    private mutating func takeMeridiem(peekAt index: Int, _ tokens: [Token]) -> MomentProblem? {
      guard index < tokens.count, case .meridiem(let pm) = tokens[index], var said = time else {
        return nil
      }
      said.pm = pm
      said.raw += pm ? "pm" : "am"
      time = said
      return nil
    }

    private mutating func setTime(_ said: TimeSaid) -> MomentProblem? {
      if let time {
        // "12 noon": the same time twice is fine.
        if time.hour == said.hour && time.minute == said.minute { return nil }
        return .unreadable(word: said.raw)
      }
      time = said
      return nil
    }

    private mutating func setPart(_ said: Part) -> MomentProblem? {
      if let part, part != said { return .unreadable(word: said.rawValue) }
      part = said
      return nil
    }

    // MARK: Resolving against now

    func resolve(now: Moment) -> Swift.Result<MomentReading.Result, MomentProblem> {
      if isNow {
        guard days.isEmpty, time == nil, minutesFromNow == nil else {
          return .failure(.unreadable(word: "now"))
        }
        return .success(.init(moment: now))
      }
      if let minutesFromNow {
        guard days.isEmpty, time == nil else { return .failure(.unreadable(word: "in")) }
        return .success(.init(moment: now.adding(minutes: minutesFromNow)))
      }
      var minuteOfDay: Int?
      if let time {
        switch resolveTime(time) {
        case .success(let minutes): minuteOfDay = minutes
        case .failure(let problem): return .failure(problem)
        }
      }
      var saidDays = days
      if let week {
        // "Tuesday next week": the weekday said joins the week.
        guard let index = saidDays.firstIndex(where: {
          if case .weekday(_, nil) = $0 { true } else { false }
        }), case .weekday(let weekday, _) = saidDays[index]
        else { return .failure(.weekdayNeeded(weekWord ?? "next week")) }
        saidDays[index] = .weekdayOfWeek(weekday, week: week)
      }
      var resolved: [(said: DaySaid, day: Day)] = []
      for said in saidDays {
        switch Self.day(said, now: now, minuteOfDay: minuteOfDay) {
        case .success(let day): resolved.append((said, day))
        case .failure(let problem): return .failure(problem)
        }
      }
      // A weekday said with another day only checks it: "Tuesday 1 December", "tomorrow Tue".
      let weekdays = resolved.filter {
        if case .weekday = $0.said { true } else { false }
      }
      let others = resolved.filter {
        if case .weekday = $0.said { false } else { true }
      }
      var day: Day?
      for other in others {
        if let known = day, known != other.day { return .failure(.twoDays(known, other.day)) }
        day = other.day
      }
      if let known = day {
        for weekday in weekdays {
          guard case .weekday(let index, _) = weekday.said else { continue }
          if Day.weekdayNames[index] != known.weekday {
            return .failure(.weekdayMismatch(said: Day.weekdayNames[index], day: known))
          }
        }
      } else if let first = weekdays.first {
        for other in weekdays.dropFirst() where other.day != first.day {
          return .failure(.twoDays(first.day, other.day))
        }
        day = first.day
      }
      switch (day, minuteOfDay) {
      case (nil, nil):
        if let part { return .failure(.timeNeeded(now.day, part: part.rawValue)) }
        return .failure(.unreadable(word: nil))
      case (let day?, nil):
        return .failure(.timeNeeded(day, part: part?.rawValue))
      case (nil, let minutes?):
        let moment = Moment(day: now.day, minutes: minutes)
        guard moment > now else { return .failure(.dayNeeded(time: moment.timeText)) }
        return .success(.init(moment: moment))
      case (let day?, let minutes?):
        var other: OtherReading?
        if let first = weekdays.first, case .weekday(let index, .next?) = first.said,
          index > Self.weekdayIndex(now.day)
        {
          let thisWeek = now.day.adding(days: index - Self.weekdayIndex(now.day))
          other = OtherReading(
            words: "this \(Day.weekdayNames[index])", moment: Moment(day: thisWeek, minutes: minutes))
        }
        return .success(.init(moment: Moment(day: day, minutes: minutes), otherReading: other))
      }
    }

    /// The minute of the day a time said stands for, with am/pm and the part of the day.
    private func resolveTime(_ said: TimeSaid) -> Swift.Result<Int, MomentProblem> {
      var hour = said.hour
      guard (0...59).contains(said.minute) else { return .failure(.notATime(said.raw)) }
      if let pm = said.pm {
        guard (1...12).contains(hour) else { return .failure(.notATime(said.raw)) }
        if let part, part.isAfterNoon != pm, part != .lunchtime {
          return .failure(.conflictingTime(time: said.raw, part: part.rawValue))
        }
        hour = pm ? (hour == 12 ? 12 : hour + 12) : (hour == 12 ? 0 : hour)
        return .success(hour * 60 + said.minute)
      }
      guard (0...23).contains(hour) else { return .failure(.notATime(said.raw)) }
      if said.isTwentyFourHour || hour == 0 {
        if part == .morning, hour >= 12 {
          return .failure(.conflictingTime(time: said.raw, part: "morning"))
        }
        return .success(hour * 60 + said.minute)
      }
      switch part {
      case .morning?:
        if hour == 12 { return .failure(.conflictingTime(time: said.raw, part: "morning")) }
      case .lunchtime?:
        if hour <= 3 { hour += 12 }
      case .night? where hour == 12:
        return .failure(.midnight)
      case let part? where part.isAfterNoon:
        if hour < 12 { hour += 12 }
      default:
        // Working hours: 1 to 6 in the afternoon, 7 to 12 as they stand.
        if (1...6).contains(hour) { hour += 12 }
      }
      return .success(hour * 60 + said.minute)
    }

    static func weekdayIndex(_ day: Day) -> Int {
      Day.weekdayNames.firstIndex(of: day.weekday) ?? 0
    }

    /// The day a day said stands for, from `now` (with the time said, when there is one).
    static func day(_ said: DaySaid, now: Moment, minuteOfDay: Int?) -> Swift.Result<
      Day, MomentProblem
    > {
      let today = now.day
      let todayIndex = weekdayIndex(today)
      switch said {
      case .offset(let days):
        return .success(today.adding(days: days))
      case .weekday(let index, let modifier):
        var delta = (index - todayIndex + 7) % 7
        switch modifier {
        case .next?:
          // Next week's: from this week's Monday, a week on.
          delta = 7 - todayIndex + index
        case .coming?:
          if delta == 0 { delta = 7 }
        case .this?:
          break
        case nil:
          // Today's weekday is today while the time is still to come.
          if delta == 0, let minuteOfDay, minuteOfDay <= now.minuteOfDay { delta = 7 }
        }
        return .success(today.adding(days: delta))
      case .weekdayOfWeek(let index, let week):
        return .success(today.adding(days: 7 * week - todayIndex + index))
      case .date(let year?, let month, let day):
        guard let date = Day(year: year, month: month, day: day) else {
          return .failure(.noSuchDate(day: day, month: month, year: year))
        }
        return .success(date)
      case .date(nil, let month, let day):
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: 2000)
        else {
          return .failure(.noSuchDate(day: day, month: (1...12).contains(month) ? month : 1, year: nil))
        }
        if let date = Day(year: today.year, month: month, day: day),
          date >= today || today.daysSince1970 - date.daysSince1970 <= 31
        {
          return .success(date)
        }
        // The next year that has it (29 February: the next leap year).
        for year in (today.year + 1)...(today.year + 8) {
          if let date = Day(year: year, month: month, day: day) { return .success(date) }
        }
        return .failure(.noSuchDate(day: day, month: month, year: nil))
      case .dayOfMonth(let number):
        guard (1...31).contains(number) else {
          return .failure(.unreadable(word: String(number)))
        }
        if let date = Day(year: today.year, month: today.month, day: number), date >= today {
          return .success(date)
        }
        let nextMonth = today.month == 12 ? 1 : today.month + 1
        let year = today.month == 12 ? today.year + 1 : today.year
        if let date = Day(year: year, month: nextMonth, day: number) { return .success(date) }
        return .failure(.noSuchDate(day: number, month: nextMonth, year: year))
      }
    }
  }
}
