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
  /// Shown as '*', never the characters typed: ratings typed in front of a room.
  public var isMasked: Bool
  /// Text the line starts with, as if typed: what was typed before the screen was redrawn.
  public var initialText: String

  public init(completions: [String], isMasked: Bool = false, initialText: String = "") {
    self.completions = completions
    self.isMasked = isMasked
    self.initialText = initialText
  }
}

public enum LineRead: Equatable, Sendable {
  case line(String)
  case endOfInput
  /// Ctrl-C while a line was being typed: the line is dropped.
  case interrupted
  /// The person asked to stop (Ctrl-D twice at an empty prompt).
  case quit
  /// The program was told to end by this signal (SIGTERM, SIGHUP; SIGINT for piped input).
  case signal(Int32)
  /// A ``LineWatcher`` asked for the screen to be drawn again (it was resized, something came
  /// from the room): the line typed so far, not taken, to be put back.
  case redraw(typedSoFar: String)
}
