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
  /// Told what may change on the screen while a line is typed (a shared screen's clock, the
  /// count of ratings from phones): a terminal looks at it about ten times a second; other
  /// sources ignore it. Nil stops watching.
  mutating func watch(_ watcher: (any LineWatcher)?)
}

extension LineSource {
  public mutating func expect(_ line: ExpectedLine) {}
  public mutating func remember(_ line: String) {}
  public mutating func watch(_ watcher: (any LineWatcher)?) {}
}

/// What the next line is for, as far as a line source cares.
public struct ExpectedLine: Equatable, Sendable {
  /// Commands, and the current question's option labels (or yes and no).
  public var completions: [String]
  /// Text already on the line when it is read, for the person to edit: an answer that was
  /// refused, or the earlier answer after `/back`. A line source that cannot edit ignores it.
  /// It never enters the history.
  public var prefill: String
  /// The prefill is shown selected: typing a character first replaces it, while moving or
  /// deleting first edits it. For short answers (a number, an option), where typing anew is the
  /// common case; free text and lists of picks are edited.
  public var prefillIsSelected: Bool
  /// Shown as '*', never the characters typed: ratings typed in front of a room.
  public var isMasked: Bool

  public init(
    completions: [String], prefill: String = "", prefillIsSelected: Bool = false,
    isMasked: Bool = false
  ) {
    self.completions = completions
    self.prefill = prefill
    self.prefillIsSelected = prefillIsSelected
    self.isMasked = isMasked
  }
}

public enum LineRead: Equatable, Sendable {
  case line(String)
  case endOfInput
  /// Ctrl-C while a line was being typed: the line is dropped.
  case interrupted
  /// Ctrl-C a second time, on an empty line: the person may be trying to leave.
  case interruptedAgain
  /// Ctrl-D once on an empty line: the person may want to quit; the next read returns
  /// ``quit`` when they press it again at once.
  case quitAsked
  /// The person asked to stop (Ctrl-D twice at an empty prompt).
  case quit
  /// The program was told to end by this signal (SIGTERM, SIGHUP; SIGINT for piped input).
  case signal(Int32)
  /// A ``LineWatcher`` asked for the screen to be drawn again (it was resized, something came
  /// from the room): the line typed so far, not taken, to be put back.
  case redraw(typedSoFar: String)
}
