import Foundation

/// Standard output and standard error, written through unbuffered so that a prompt shows before
/// the program waits.
public struct StandardStreams: TextSink {
  public init() {}
  public func write(_ text: TerminalText) {
    FileHandle.standardOutput.write(Data(text.rendered.utf8))
  }
  public func writeError(_ text: TerminalText) {
    FileHandle.standardError.write(Data(text.rendered.utf8))
  }
}
