#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A QR code's modules, made by libqrencode when it is installed (Debian: `libqrencode4`). The
/// library is loaded at run time, so building `coach` needs nothing of it and a machine without
/// it shows the address and code alone.
///
///     if let qr = QRCode(encoding: room.joinURL) {
///       print(qr.lines(for: .darkBackground).joined(separator: "\n"))
///     }
public struct QRCode: Hashable, Sendable {
  /// Modules per side (21 for version 1, 4 more for each version after).
  public let size: Int
  /// Row by row, true for a dark module.
  public let modules: [Bool]

  /// The library's name as the loader finds it; Debian's package `libqrencode4` installs it.
  public static let libraryName = "libqrencode.so.4"
  /// What to tell a person who has no QR code.
  public static let installHint = "For a QR code here: apt-get install libqrencode4"

  public init(size: Int, modules: [Bool]) {
    precondition(modules.count == size * size, "a QR code is square")
    self.size = size
    self.modules = modules
  }

  /// Encodes `text` (bytes, error correction level M: a projected code may be partly washed
  /// out), or nil when the library is not installed or cannot encode it (longer than a QR code
  /// holds).
  public init?(encoding text: String, library: String = QRCode.libraryName) {
    guard let made = Self.encode(text, library: library) else { return nil }
    self = made
  }

  public subscript(row: Int, column: Int) -> Bool { modules[row * size + column] }

  // libqrencode's C interface (qrencode.h), reached through dlsym:
  //   QRcode *QRcode_encodeString8bit(const char *string, int version, QRecLevel level);
  //   void QRcode_free(QRcode *qrcode);
  //   typedef struct { int version; int width; unsigned char *data; } QRcode;
  // In `data`, bit 0 of each byte is set for a dark module.
  private typealias Encode =
    @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutableRawPointer?
  private typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void
  private static let levelM: Int32 = 1
  /// Where `data` sits in the struct: after two ints, at the next pointer boundary.
  private static let dataOffset =
    (2 * MemoryLayout<Int32>.size + MemoryLayout<UnsafeRawPointer>.alignment - 1)
    / MemoryLayout<UnsafeRawPointer>.alignment * MemoryLayout<UnsafeRawPointer>.alignment

  private static func encode(_ text: String, library: String) -> QRCode? {
    guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else { return nil }
    defer { dlclose(handle) }
    guard let encodeSymbol = dlsym(handle, "QRcode_encodeString8bit"),
      let freeSymbol = dlsym(handle, "QRcode_free")
    else { return nil }
    let encode = unsafeBitCast(encodeSymbol, to: Encode.self)
    let free = unsafeBitCast(freeSymbol, to: Free.self)
    guard let made = text.withCString({ encode($0, 0, levelM) }) else { return nil }
    defer { free(made) }
    let width = Int(made.load(fromByteOffset: MemoryLayout<Int32>.size, as: Int32.self))
    guard (21...177).contains(width),
      let data = made.load(fromByteOffset: dataOffset, as: UnsafePointer<UInt8>?.self)
    else { return nil }
    let modules = (0..<width * width).map { data[$0] & 1 == 1 }
    return QRCode(size: width, modules: modules)
  }

  /// Which terminal the code is drawn for: a block character is drawn in the text colour, so on
  /// a dark background blocks are the light modules, on a light one the dark modules. Either way
  /// the phone sees dark modules on a light ground, as every scanner expects.
  public enum Background: Sendable {
    case darkBackground, lightBackground
  }

  /// The code in half-block characters, two rows of modules per line, with a light quiet zone
  /// of `quietZone` modules around it: 33 columns and 17 lines for a 29-module code.
  public func lines(for background: Background, quietZone: Int = 2) -> [String] {
    let side = size + 2 * quietZone
    func isLight(_ row: Int, _ column: Int) -> Bool {
      let (r, c) = (row - quietZone, column - quietZone)
      guard (0..<size).contains(r), (0..<size).contains(c) else { return row < side }
      return !self[r, c]
    }
    // A block is drawn where the module's colour is the terminal's text colour.
    let inked: (Int, Int) -> Bool =
      background == .darkBackground
      ? isLight : { row, column in row < side && !isLight(row, column) }
    return stride(from: 0, to: side, by: 2).map { row in
      String(
        (0..<side).map { column -> Character in
          switch (inked(row, column), inked(row + 1, column)) {
          case (true, true): "█"
          case (true, false): "▀"
          case (false, true): "▄"
          case (false, false): " "
          }
        })
    }
  }
}
