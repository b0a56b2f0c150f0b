import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Runs a program on a pseudo-terminal that is its controlling terminal, so that Ctrl-C sends
/// SIGINT, a resize sends SIGWINCH and readline behaves as it does for a person.
///
///     let pty = try PseudoTerminal(arguments: ["run", fixture], environment: env)
///     try pty.waitFor("> ")
///     pty.send("Tigers\r")
///     let status = try pty.waitForExit()
///
/// Every wait has a deadline, so a hang fails the test instead of blocking the run. Output is
/// matched with `contains` from where the last wait stopped (it holds escape sequences).
final class PseudoTerminal {
  let pid: pid_t
  private let master: Int32
  /// Everything the program wrote, as raw bytes.
  private(set) var output: [UInt8] = []
  /// Where the next wait starts looking.
  private var cursor = 0
  private var closed = false
  let timeout: TimeInterval

  /// pty creation and spawning are serialized: tests run in parallel, and a child spawned in
  /// between would inherit another test's descriptors before they are made close-on-exec.
  private static let spawnLock = NSLock()

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  init(
    executable: String = PseudoTerminal.coachPath, arguments: [String],
    environment: [String: String],
    columns: UInt16 = 80, rows: UInt16 = 24, timeout: TimeInterval = 15
  ) throws {
    self.timeout = timeout
    var master: Int32 = -1
    var slave: Int32 = -1
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    var spawned: pid_t = 0
    Self.spawnLock.lock()
    defer { Self.spawnLock.unlock() }
    guard openpty(&master, &slave, nil, nil, &size) == 0 else {
      throw Failure(description: "openpty failed: \(errno)")
    }
    _ = fcntl(master, F_SETFD, FD_CLOEXEC)
    _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
    var nameBuffer = [CChar](repeating: 0, count: 128)
    guard ttyname_r(slave, &nameBuffer, nameBuffer.count) == 0 else {
      close(master)
      close(slave)
      throw Failure(description: "ttyname_r failed")
    }
    let slavePath = String(
      decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // In the new session, opening the terminal by path makes it the controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGQUIT] {
      sigaddset(&defaults, signal)
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    let setSession: Int32 = 0x80  // POSIX_SPAWN_SETSID on glibc; not visible to Swift
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | setSession))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    let result = posix_spawn(&spawned, executable, &actions, &attributes, argv, envp)
    close(slave)
    guard result == 0 else {
      close(master)
      throw Failure(description: "posix_spawn failed: \(result)")
    }
    self.pid = spawned
    self.master = master
  }

  deinit {
    if !closed {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// The `coach` binary built next to the test bundle.
  static var coachPath: String {
    #if os(Linux)
      // The test bundle is an executable in .build/<triple>/debug/, next to coach.
      let tests = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    #else
      let tests = Bundle(for: PseudoTerminal.self).bundleURL
    #endif
    return tests.deletingLastPathComponent().appendingPathComponent("coach").path
  }

  /// Types bytes (keys) at the terminal.
  func send(_ text: String) {
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeMutableBytes {
        write(master, $0.baseAddress, $0.count)
      }
      if written > 0 {
        offset += written
      } else if errno != EINTR {
        return
      }
    }
    bytes.removeAll()
  }

  /// Output as text (invalid UTF-8 replaced).
  var text: String { String(decoding: output, as: UTF8.self) }

  /// Waits until `expected` appears after the point where the last wait stopped; returns what
  /// came before it.
  @discardableResult
  func waitFor(_ expected: String, file: StaticString = #filePath, line: UInt = #line) throws
    -> String
  {
    let needle = Array(expected.utf8)
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      if let range = find(needle, from: cursor) {
        let before = String(decoding: output[cursor..<range.lowerBound], as: UTF8.self)
        cursor = range.upperBound
        return before
      }
      let remaining = deadline.timeIntervalSinceNow
      let read = remaining > 0 ? readMore(waitingAtMost: remaining) : .closed
      guard read != .closed else {
        let tail = String(decoding: output[cursor...], as: UTF8.self)
        let failure = Failure(
          description:
            "waited \(Int(timeout)) s for \(expected.debugDescription); got since last match: \(tail.debugDescription)"
        )
        XCTFail(failure.description, file: file, line: line)
        throw failure
      }
    }
  }

  /// Like ``waitFor(_:file:line:)``, for a sentence the program may have wrapped to the
  /// terminal's width: line breaks count as spaces, and escape sequences as nothing.
  func waitForWords(_ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let needle = Array(Self.words(expected).utf8)
    let deadline = Date().addingTimeInterval(timeout)
    while true {
      // The output since the cursor as words, each byte with where it came from.
      var words: [UInt8] = []
      var origins: [Int] = []
      var index = cursor
      while index < output.count {
        let byte = output[index]
        if byte == 0x1B {
          // An escape sequence: ESC [ … final byte, or ESC and one byte.
          var end = index + 1
          if end < output.count, output[end] == UInt8(ascii: "[") {
            end += 1
            while end < output.count, !(0x40...0x7E).contains(output[end]) { end += 1 }
          }
          index = end + 1
          continue
        }
        let shown: UInt8? =
          byte == UInt8(ascii: "\r") ? nil : byte == UInt8(ascii: "\n") ? UInt8(ascii: " ") : byte
        if let shown, !(shown == UInt8(ascii: " ") && words.last == UInt8(ascii: " ")) {
          words.append(shown)
          origins.append(index)
        }
        index += 1
      }
      if let found = Self.range(of: needle, in: words) {
        cursor = origins[found.upperBound - 1] + 1
        return
      }
      let remaining = deadline.timeIntervalSinceNow
      let read = remaining > 0 ? readMore(waitingAtMost: remaining) : .closed
      guard read != .closed else {
        let tail = String(decoding: words, as: UTF8.self)
        let failure = Failure(
          description:
            "waited \(Int(timeout)) s for the words \(expected.debugDescription); got: \(tail.debugDescription)"
        )
        XCTFail(failure.description, file: file, line: line)
        throw failure
      }
    }
  }

  /// Text with every run of spaces and line breaks as one space.
  private static func words(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
  }

  private static func range(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    for start in 0...(haystack.count - needle.count)
    where haystack[start] == needle[0] && Array(haystack[start..<start + needle.count]) == needle {
      return start..<start + needle.count
    }
    return nil
  }

  /// Reads until the program closes the terminal, then reaps it. Returns the wait status.
  func waitForExit(file: StaticString = #filePath, line: UInt = #line) throws -> Int32 {
    let deadline = Date().addingTimeInterval(timeout)
    while deadline.timeIntervalSinceNow > 0 {
      var status: Int32 = 0
      let reaped = waitpid(pid, &status, WNOHANG)
      if reaped == pid {
        while readMore(waitingAtMost: 0) == .data {}
        closed = true
        return status
      }
      _ = readMore(waitingAtMost: 0.05)
    }
    let failure = Failure(description: "the program did not exit within \(Int(timeout)) s")
    XCTFail(failure.description, file: file, line: line)
    throw failure
  }

  /// Changes the terminal's size and tells the program (the kernel signals the foreground
  /// group too; the explicit SIGWINCH makes sure).
  func resize(columns: UInt16, rows: UInt16 = 24) {
    var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    kill(pid, SIGWINCH)
  }

  /// The terminal's current modes (the master reports the slave's).
  func modes() -> termios {
    var modes = termios()
    tcgetattr(master, &modes)
    return modes
  }

  func signal(_ number: Int32) { kill(pid, number) }

  private enum ReadResult { case data, nothing, closed }

  /// Reads what is there, waiting at most a second.
  private func readMore(waitingAtMost seconds: TimeInterval) -> ReadResult {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, Int32(max(0, min(seconds, 1)) * 1000))
    if ready == 0 || (ready < 0 && errno == EINTR) { return .nothing }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &buffer, buffer.count)
    if count < 0 && errno == EINTR { return .nothing }
    guard count > 0 else { return .closed }  // EIO: every copy of the slave is closed
    output += buffer[..<count]
    return .data
  }

  private func find(_ needle: [UInt8], from start: Int) -> Range<Int>? {
    guard !needle.isEmpty, output.count - start >= needle.count else { return nil }
    var index = start
    while index + needle.count <= output.count {
      if output[index] == needle[0] && Array(output[index..<index + needle.count]) == needle {
        return index..<index + needle.count
      }
      index += 1
    }
    return nil
  }
}
