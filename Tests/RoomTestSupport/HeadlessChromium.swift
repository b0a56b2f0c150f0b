import Foundation
import XCTest

/// Debian's Chromium, headless, driven through the DevTools protocol over a pipe
/// (`--remote-debugging-pipe`: JSON messages ended by a NUL byte on file descriptors 3 and 4),
/// so no port and no WebSocket client are needed. Blocking reads run on its own queue, never on
/// the test's tasks, and every wait has a deadline.
final class HeadlessChromium: @unchecked Sendable {
  private let pid: pid_t
  private let toBrowser: Int32
  private let fromBrowser: Int32
  private let profile: URL
  private let queue = DispatchQueue(label: "chromium")
  private var nextID = 0
  private var pending = Data()
  /// Events the browser sent (console messages, exceptions), for checks at the end.
  private(set) var events: [[String: Any]] = []

  /// Starts Chromium with a phone-sized window, or skips the test with the reason.
  init() throws {
    // CHROMIUM, when set, names the browser (and only it: set it to a missing path to see the
    // skip); otherwise Debian's.
    let candidates =
      ProcessInfo.processInfo.environment["CHROMIUM"].map { [$0] }
      ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
    guard let path = candidates.first(where: FileManager.default.isExecutableFile) else {
      throw XCTSkip(
        "Chromium is not installed (apt-get install chromium): the page was not tested in a real browser"
      )
    }
    profile = FileManager.default.temporaryDirectory.appending(
      path: "coach-chromium-\(UUID().uuidString)")
    var down: [Int32] = [0, 0]
    var up: [Int32] = [0, 0]
    guard pipe(&down) == 0, pipe(&up) == 0 else { throw POSIXError(.EMFILE) }
    // Only the copies made for the browser (3 and 4) are passed on, not these.
    for end in down + up { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, down[0], 3)
    posix_spawn_file_actions_adddup2(&actions, up[1], 4)
    let arguments = [
      path, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
      "--user-data-dir=\(profile.path)", "--hide-scrollbars",
      "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--disable-extensions",
      "--disable-dev-shm-usage", "--mute-audio", "about:blank",
    ]
    var argv = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var child: pid_t = 0
    let status = posix_spawn(&child, path, &actions, nil, &argv, environ)
    close(down[0])
    close(up[1])
    guard status == 0 else {
      close(down[1])
      close(up[0])
      throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO)
    }
    pid = child
    toBrowser = down[1]
    fromBrowser = up[0]
  }

  deinit {
    close(toBrowser)
    close(fromBrowser)
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    try? FileManager.default.removeItem(at: profile)
  }

  /// Asks the browser to close; whatever is left is killed when this is released.
  func quit() async {
    _ = try? await send("Browser.close")
  }

  struct ProtocolError: Error, CustomStringConvertible {
    var description: String
  }

  /// Sends one command and returns its result.
  @discardableResult
  func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil) async throws
    -> [String: Any]
  {
    let message = try JSONSerialization.data(withJSONObject: params)
    return try await withCheckedThrowingContinuation { answer in
      queue.async {
        do {
          let params = try JSONSerialization.jsonObject(with: message)
          answer.resume(returning: try self.call(method, params, session: session))
        } catch {
          answer.resume(throwing: error)
        }
      }
    }
  }

  /// Opens `url` in a new tab, waits until it has loaded, and returns the tab.
  func open(_ url: String) async throws -> Tab {
    // A window each, as each phone shows its page: a tab behind another is hidden, and stops
    // asking.
    let created = try await send("Target.createTarget", ["url": "about:blank", "newWindow": true])
    let target = try XCTUnwrap(created["targetId"] as? String)
    let attached = try await send("Target.attachToTarget", ["targetId": target, "flatten": true])
    let session = try XCTUnwrap(attached["sessionId"] as? String)
    for domain in ["Page", "Runtime", "Log"] {
      try await send("\(domain).enable", session: session)
    }
    // A phone's screen: 390 × 844 CSS pixels, a mobile viewport, touch.
    try await send(
      "Emulation.setDeviceMetricsOverride",
      ["width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": true], session: session)
    try await send("Emulation.setTouchEmulationEnabled", ["enabled": true], session: session)
    let since = await eventCount()
    try await send("Page.navigate", ["url": url], session: session)
    try await waitForEvent("Page.loadEventFired", session: session, after: since)
    return Tab(browser: self, session: session)
  }

  private func eventCount() async -> Int {
    await withCheckedContinuation { answer in
      queue.async { answer.resume(returning: self.events.count) }
    }
  }

  /// Waits (at most 30 s) for an event of `method` from `session` after the first `after` events.
  private func waitForEvent(_ method: String, session: String, after: Int) async throws {
    try await withCheckedThrowingContinuation { (answer: CheckedContinuation<Void, any Error>) in
      queue.async {
        let deadline = Date().addingTimeInterval(30)
        var index = after
        do {
          while true {
            while index < self.events.count {
              let event = self.events[index]
              if event["method"] as? String == method, event["sessionId"] as? String == session {
                return answer.resume()
              }
              index += 1
            }
            let message = try self.nextMessage(before: deadline)
            if message["method"] != nil { self.events.append(message) }
          }
        } catch {
          answer.resume(throwing: error)
        }
      }
    }
  }

  /// One page, through its DevTools session.
  struct Tab: Sendable {
    let browser: HeadlessChromium
    let session: String

    /// Evaluates `expression` (awaiting a promise) and returns its value.
    @discardableResult
    func evaluate(_ expression: String) async throws -> Any? {
      let result = try await browser.send(
        "Runtime.evaluate",
        ["expression": expression, "awaitPromise": true, "returnByValue": true], session: session)
      if let exception = result["exceptionDetails"] as? [String: Any] {
        let text =
          ((exception["exception"] as? [String: Any])?["description"] as? String)
          ?? (exception["text"] as? String) ?? "\(exception)"
        throw ProtocolError(description: "\(expression): \(text)")
      }
      return (result["result"] as? [String: Any])?["value"]
    }

    /// Waits, inside the page, until `condition` (JavaScript) is true: checked every 50 ms, for
    /// at most `seconds`; the error names the condition and what the page's status said.
    func waitUntil(_ condition: String, seconds: Int = 20) async throws {
      try await evaluate(
        """
        new Promise((resolve, reject) => {
          const until = Date.now() + \(seconds * 1000);
          (function check() {
            let ok = false;
            try { ok = (\(condition)); } catch (e) {}
            if (ok) resolve(true);
            else if (Date.now() > until) reject(new Error("not true in \(seconds) s: " + \(Self.quoted(condition)) + "; status: " + document.getElementById("status").textContent));
            else setTimeout(check, 50);
          })();
        })
        """)
    }

    /// Types `text` into the element with `id`, as a keyboard would insert it.
    func type(_ text: String, into id: String) async throws {
      try await evaluate("document.getElementById(\(Self.quoted(id))).focus()")
      try await browser.send("Input.insertText", ["text": text], session: session)
    }

    func click(_ selector: String) async throws {
      try await evaluate("document.querySelector(\(Self.quoted(selector))).click()")
    }

    func text(of id: String) async throws -> String {
      try await evaluate("document.getElementById(\(Self.quoted(id))).textContent") as? String ?? ""
    }

    /// A PNG of the page as shown.
    func screenshot() async throws -> Data {
      let shot = try await browser.send(
        "Page.captureScreenshot", ["format": "png"], session: session)
      return try XCTUnwrap(Data(base64Encoded: shot["data"] as? String ?? ""))
    }

    static func quoted(_ text: String) -> String {
      let data = try! JSONSerialization.data(withJSONObject: [text])
      return String(decoding: data, as: UTF8.self).dropFirst().dropLast().description
    }
  }

  // MARK: The pipe (on `queue` only)

  private func call(_ method: String, _ params: Any, session: String?) throws -> [String: Any] {
    nextID += 1
    let id = nextID
    var message: [String: Any] = ["id": id, "method": method, "params": params]
    if let session { message["sessionId"] = session }
    var bytes = try JSONSerialization.data(withJSONObject: message)
    bytes.append(0)
    try bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(toBrowser, buffer.baseAddress! + offset, buffer.count - offset)
        guard written > 0 else { throw ProtocolError(description: "the browser went away") }
        offset += written
      }
    }
    let deadline = Date().addingTimeInterval(60)
    while true {
      let reply = try nextMessage(before: deadline)
      if reply["id"] as? Int == id {
        if let error = reply["error"] as? [String: Any] {
          throw ProtocolError(description: "\(method): \(error["message"] ?? error)")
        }
        return reply["result"] as? [String: Any] ?? [:]
      }
      if reply["method"] != nil { events.append(reply) }
    }
  }

  private func nextMessage(before deadline: Date) throws -> [String: Any] {
    while true {
      if let end = pending.firstIndex(of: 0) {
        let message = pending[pending.startIndex..<end]
        pending = Data(pending[(end + 1)...])
        return (try JSONSerialization.jsonObject(with: message)) as? [String: Any] ?? [:]
      }
      let left = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
      guard left > 0 else { throw ProtocolError(description: "no answer from the browser in time") }
      var waiting = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
      guard poll(&waiting, 1, left) > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 65_536)
      let count = read(fromBrowser, &buffer, buffer.count)
      guard count > 0 else { throw ProtocolError(description: "the browser closed the pipe") }
      pending.append(contentsOf: buffer[0..<count])
    }
  }
}
