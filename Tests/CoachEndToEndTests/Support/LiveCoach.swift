import Foundation

/// A running `coach` fed through a pipe one line at a time, for tests that must act between two
/// answers (kill it, say). Every prompt it prints ends in "> ", so the number of prompts seen
/// tells how many lines it has fully handled.
final class LiveCoach: @unchecked Sendable {
  private let process = Process()
  private let input = Pipe()
  private let output = Pipe()
  private let errorOutput = Pipe()
  private let lock = NSCondition()
  private var seen = Data()
  private var seenErrors = Data()
  private var ended = false
  private var errorsEnded = false

  init(_ arguments: [String], environment: [String: String], in directory: URL? = nil) throws {
    process.executableURL = try CoachProcess.executable()
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errorOutput
    errorOutput.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let chunk = handle.availableData
      guard let self else { return }
      self.lock.lock()
      if chunk.isEmpty { self.errorsEnded = true } else { self.seenErrors.append(chunk) }
      self.lock.broadcast()
      self.lock.unlock()
    }
    output.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let chunk = handle.availableData
      guard let self else { return }
      self.lock.lock()
      if chunk.isEmpty { self.ended = true } else { self.seen.append(chunk) }
      self.lock.broadcast()
      self.lock.unlock()
    }
    try process.run()
  }

  var text: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: seen, as: UTF8.self)
  }

  /// What it wrote on standard error so far.
  var errors: String {
    lock.lock()
    defer { lock.unlock() }
    return String(decoding: seenErrors, as: UTF8.self)
  }

  /// Waits for it to end by itself and for all it wrote; false after `timeout` seconds.
  func waitForExit(timeout: TimeInterval = 15) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    lock.lock()
    defer { lock.unlock() }
    while !(ended && errorsEnded) {
      if !lock.wait(until: deadline) { return false }
    }
    return true
  }

  /// Waits until `count` prompts have been printed; false after `timeout` seconds or at the end.
  func waitForPrompts(_ count: Int, timeout: TimeInterval = 15) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    lock.lock()
    defer { lock.unlock() }
    while prompts(in: seen) < count {
      if ended || !lock.wait(until: deadline) { return prompts(in: seen) >= count }
    }
    return true
  }

  func send(_ line: String) {
    input.fileHandleForWriting.write(Data((line + "\n").utf8))
  }

  /// Kills it the hard way: no chance to tidy up.
  func kill() {
    if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    output.fileHandleForReading.readabilityHandler = nil
    errorOutput.fileHandleForReading.readabilityHandler = nil
    try? input.fileHandleForWriting.close()
  }

  private func prompts(in data: Data) -> Int {
    var count = 0
    var previous: UInt8 = 0
    for byte in data {
      if previous == UInt8(ascii: ">") && byte == UInt8(ascii: " ") { count += 1 }
      previous = byte
    }
    return count
  }
}
