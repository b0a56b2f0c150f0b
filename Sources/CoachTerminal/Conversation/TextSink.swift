import Foundation

/// Where a conversation's text goes: standard output and standard error, or what a test captures.
/// It takes only ``TerminalText``, so whatever reaches a terminal has been sanitised (a `String`
/// is cleaned on the way in).
public protocol TextSink {
  func write(_ text: TerminalText)
  func writeError(_ text: TerminalText)
}
