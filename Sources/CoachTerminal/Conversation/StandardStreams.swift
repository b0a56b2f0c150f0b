import Foundation

/// Standard output and standard error, written through unbuffered so that a prompt shows before
/// the program waits. Output that cannot be written (standard output is a file on a full disk)
/// ends the program with a message saying so and status 74 (what was kept stays kept): never a
/// crash. A closed pipe ends it as for any command (SIGPIPE).
public struct StandardStreams: TextSink {
  public init() {}

  public func write(_ text: TerminalText) {
    let code = Self.write(text.rendered, to: STDOUT_FILENO)
    guard code != 0 else { return }
    _ = Self.write(
      "coach: cannot write to standard output: \(String(cString: strerror(code)))\n",
      to: STDERR_FILENO)
    exit(ExitStatus.ioError.rawValue)
  }

  public func writeError(_ text: TerminalText) {
    // Nowhere left to say that standard error failed.
    _ = Self.write(text.rendered, to: STDERR_FILENO)
  }

  /// Writes all of `text`; 0, or the errno of the write that failed.
  private static func write(_ text: String, to descriptor: Int32) -> Int32 {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes {
        Foundation.write(descriptor, $0.baseAddress! + offset, $0.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return 0
  }
}
