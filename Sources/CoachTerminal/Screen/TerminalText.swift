import CoachKit

/// Text that is safe to write to a terminal: whatever came from a file, a log or a person has
/// been through ``Sanitizer``, and the only escape sequences in it are coach's own (colour, a
/// cleared screen). Every ``TextSink`` writes this and nothing else, so no command can forget to
/// sanitise: a plain `String` handed to a sink is cleaned on the way.
///
///     sink.write("Saved to \(path)\n")                  // cleaned: a String
///     sink.write(TerminalText(title).painted(.heading))  // cleaned, then coloured
///     sink.write(.clearScreen + TerminalText(screen))
public struct TerminalText: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible
{
  /// What goes to the terminal, byte for byte.
  public private(set) var rendered: String

  /// Untrusted text, cleaned: no control characters but line breaks, no escape sequences, nothing
  /// that reorders or hides text.
  public init(_ untrusted: String) {
    rendered = Sanitizer.clean(untrusted)
  }

  public init(stringLiteral literal: String) {
    self.init(literal)
  }

  /// Text coach has built itself, escape sequences included: only for this module's styles.
  init(composed: String) {
    rendered = composed
  }

  public var description: String { rendered }

  public var isEmpty: Bool { rendered.isEmpty }

  public static func + (left: TerminalText, right: TerminalText) -> TerminalText {
    TerminalText(composed: left.rendered + right.rendered)
  }

  public static func += (left: inout TerminalText, right: TerminalText) {
    left.rendered += right.rendered
  }

  /// Clears a terminal and puts the cursor at the top left.
  public static let clearScreen = TerminalText(composed: "\u{1B}[H\u{1B}[2J")

  /// A whole screen drawn over the one before, without clearing first (nothing flickers): the
  /// cursor home, each line cleaned and written over the old one (cleared to its end), then
  /// everything below the last line cleared.
  public static func redrawn(_ screen: String) -> TerminalText {
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    return TerminalText(
      composed: "\u{1B}[H"
        + lines.map { Sanitizer.oneLine(String($0)) + "\u{1B}[K" }.joined(separator: "\r\n")
        + "\u{1B}[J")
  }

  /// One row of the screen written again in place, the cursor saved before and restored after,
  /// so the line being typed is untouched.
  static func rewritten(row: Int, with text: String) -> TerminalText {
    TerminalText(composed: "\u{1B}7\u{1B}[\(row);1H\u{1B}[2K")
      + TerminalText(Sanitizer.oneLine(text)) + TerminalText(composed: "\u{1B}8")
  }

  /// A style of ANSI SGR parameters, such as "1" (bold) or "1;36" (bold cyan).
  public struct Style: Sendable, Equatable {
    let parameters: String
    public static let bold = Style(parameters: "1")
    public static let heading = Style(parameters: "1;36")
    public static let warning = Style(parameters: "33")
  }

  /// This text in `style`, line by line, so a line cut by a pager never leaks colour.
  public func painted(_ style: Style) -> TerminalText {
    TerminalText(
      composed: rendered.split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.isEmpty ? "" : "\u{1B}[\(style.parameters)m\($0)\u{1B}[0m" }
        .joined(separator: "\n"))
  }
}

extension TextSink {
  /// Writes untrusted text, cleaned.
  public func write(_ text: String) { write(TerminalText(text)) }
  /// Writes untrusted text to standard error, cleaned.
  public func writeError(_ text: String) { writeError(TerminalText(text)) }
}
