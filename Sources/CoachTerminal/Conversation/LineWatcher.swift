/// What a host wants to do while a person types a line at a terminal and nothing else happens:
/// a shared screen redraws its clock in place, counts ratings arriving from phones, and notices
/// a resized window. ``ReadlineLines`` asks it about ten times a second, from readline's event
/// hook; piped input never does.
///
///     final class Clock: LineWatcher {
///       func whileWaiting() -> LineWatch { redrawClockIfItChanged(); return .keepTyping }
///     }
public protocol LineWatcher: AnyObject {
  func whileWaiting() -> LineWatch
}

public enum LineWatch: Equatable, Sendable {
  /// Nothing to do, or it was done in place (the cursor saved and restored).
  case keepTyping
  /// Show this prompt instead, with the line typed so far.
  case prompt(String)
  /// Stop reading: the screen is drawn again, and the line typed so far put back
  /// (``LineRead/redraw(typedSoFar:)``).
  case redraw
}
