import CoachKit
import Foundation

/// What listing sessions reads of a log: its first line (the header) and its last few lines
/// (how the session stood, where its plan was saved), never the rest. However long a log, or
/// whatever file sits in the sessions folder, this reads at most ``window`` bytes at each end.
///
///     let head = SessionLogHead.read(path)
///     head.header?.dialogue   // "trust-first"
///     head.last?.after        // answered: 12, finished
struct SessionLogHead {
  var header: LogHeader?
  /// Why the header cannot be read.
  var problem: String?
  /// The last event that can be read in the tail.
  var last: LogEntry?
  var savedPlan: SavedPlan?
  /// The log's length in bytes.
  var size = 0

  /// The most read at each end of a log.
  static let window = 64 * 1024

  static func read(_ path: String) -> SessionLogHead {
    var head = SessionLogHead()
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      head.problem = "it cannot be opened (\(String(cString: strerror(errno))))"
      return head
    }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
      head.problem = "it is not a regular file"
      return head
    }
    let size = Int(info.st_size)
    head.size = size
    let first = readBytes(descriptor, at: 0, count: min(size, window))
    guard let newline = first.firstIndex(of: UInt8(ascii: "\n")) else {
      // The whole of a short log, or a first line longer than the window: read as a log would
      // be, for the reason.
      let contents = SessionLogContents.parse(first, name: path)
      head.problem =
        size > window
        ? "its first line is longer than \(window / 1024) KiB: it is not a session log"
        : contents.headerProblem
      return head
    }
    let contents = SessionLogContents.parse(Array(first[...newline]), name: path)
    guard let header = contents.header else {
      head.problem = contents.headerProblem
      return head
    }
    head.header = header
    // The tail: the whole lines after the header, at most a window's worth.
    let body = newline + 1
    let tailStart = max(body, size - window)
    var tail =
      size <= first.count
      ? Array(first[tailStart...]) : readBytes(descriptor, at: tailStart, count: size - tailStart)
    if tailStart > body, let cut = tail.firstIndex(of: UInt8(ascii: "\n")) {
      tail.removeFirst(cut + 1)
    }
    for line in tail.split(separator: UInt8(ascii: "\n")).reversed() {
      let data = Data(line)
      if head.last == nil, let entry = try? JSONDecoder.logLine.decode(LogEntry.self, from: data) {
        head.last = entry
        break
      }
      if head.savedPlan == nil,
        let plan = try? JSONDecoder.logLine.decode(SavedPlan.self, from: data),
        plan.kind == SavedPlan.kind
      {
        head.savedPlan = plan
      }
    }
    return head
  }

  private static func readBytes(_ descriptor: Int32, at offset: Int, count: Int) -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: max(count, 0))
    var filled = 0
    while filled < bytes.count {
      let got = bytes.withUnsafeMutableBytes {
        pread(descriptor, $0.baseAddress! + filled, $0.count - filled, off_t(offset + filled))
      }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { break }
      filled += got
    }
    return Array(bytes.prefix(filled))
  }

  /// The dialogue versions a session ran (the one it began with, and any it moved onto), found
  /// by reading its log a piece at a time: memory stays small however long the log is.
  static func dialogueVersions(of saved: SessionStore.Saved) -> [String] {
    var versions = saved.header.snapshot.map { [$0] } ?? []
    guard let handle = FileHandle(forReadingAtPath: saved.path) else { return versions }
    defer { try? handle.close() }
    let marker = Array(#""kind":"dialogue""#.utf8)
    var carried: [UInt8] = []
    var skippingLongLine = false
    while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      var bytes = carried + chunk
      carried = []
      var start = 0
      while let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) {
        defer { start = end + 1 }
        if skippingLongLine {
          skippingLongLine = false
          continue
        }
        let line = bytes[start..<end]
        guard line.firstRange(of: marker) != nil,
          let entry = try? JSONDecoder.logLine.decode(LogEntry.self, from: Data(line)),
          case .useDialogue(let id) = entry.event
        else { continue }
        versions.append(id)
      }
      bytes.removeFirst(start)
      // A line longer than a window is no dialogue change: skip it rather than hold it.
      if bytes.count > window {
        skippingLongLine = true
      } else {
        carried = bytes
      }
    }
    return versions
  }
}
