import Foundation

/// Standard output and standard error, written through unbuffered so that a prompt shows before
/// the program waits.
public struct StandardStreams: TextSink {
  public init() {}
  public func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
  public func writeError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
