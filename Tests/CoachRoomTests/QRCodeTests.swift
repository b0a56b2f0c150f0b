import XCTest

@testable import CoachRoom
@testable import CoachRoomModel

/// The QR code on the shared screen, from libqrencode when it is installed, and the join card
/// with or without it.
final class QRCodeTests: XCTestCase {
  private let link = "http://192.168.100.200:54321/#K7QM3X"

  private func installedCode() throws -> QRCode {
    guard let code = QRCode(encoding: link) else {
      throw XCTSkip(
        "libqrencode is not installed (apt-get install libqrencode4): the QR code was not tested")
    }
    return code
  }

  func testTheLinkBecomesAQRCodeWithItsThreeFinderPatterns() throws {
    let code = try installedCode()
    // 37 bytes at error correction level M: version 3, 29 modules a side.
    XCTAssertEqual(code.size, 29)
    func isFinder(row: Int, column: Int) -> Bool {
      (0..<7).allSatisfy { r in
        (0..<7).allSatisfy { c in
          let ring = max(abs(r - 3), abs(c - 3))
          return code[row + r, column + c] == (ring != 2)
        }
      }
    }
    XCTAssertTrue(isFinder(row: 0, column: 0))
    XCTAssertTrue(isFinder(row: 0, column: code.size - 7))
    XCTAssertTrue(isFinder(row: code.size - 7, column: 0))
    XCTAssertFalse(isFinder(row: code.size - 7, column: code.size - 7))
    // The timing pattern between the finders alternates.
    for column in 8..<(code.size - 8) { XCTAssertEqual(code[6, column], column % 2 == 0) }
    XCTAssertEqual(QRCode(encoding: link), code, "the same link, the same code")
    XCTAssertNotEqual(QRCode(encoding: link + "A"), code)
  }

  func testHalfBlocksDrawTwoRowsALineWithALightQuietZone() throws {
    let code = try installedCode()
    let dark = code.lines(for: .darkBackground)
    XCTAssertEqual(dark.count, 17, "(29 + 2 × 2) / 2 rounded up")
    XCTAssertEqual(Set(dark.map(\.count)), [33])
    // On a dark background the light modules are drawn: the quiet zone is solid.
    XCTAssertEqual(dark[0], String(repeating: "█", count: 33))
    XCTAssertTrue(dark.dropLast().allSatisfy { $0.hasPrefix("██") && $0.hasSuffix("██") })
    // Line 1 holds module rows 0 and 1 of the code: the top finder's dark edge, then its ring,
    // light but for its ends.
    XCTAssertEqual(Array(dark[1])[2..<9].map(String.init).joined(), " ▄▄▄▄▄ ")
    // The last line's lower half is below the quiet zone: the terminal's own background.
    XCTAssertEqual(dark[16], String(repeating: "▀", count: 33))
    // On a light background the dark modules are drawn instead.
    let light = code.lines(for: .lightBackground)
    XCTAssertEqual(light[0], String(repeating: " ", count: 33))
    XCTAssertEqual(Array(light[1])[2..<9].map(String.init).joined(), "█▀▀▀▀▀█")
  }

  func testWithoutTheLibraryThereIsNoCodeAndTheCardSaysHowToGetOne() {
    XCTAssertNil(QRCode(encoding: link, library: "libqrencode-not-installed.so.4"))
    let card = JoinCard(
      pageURL: "http://192.168.100.200:54321/", code: JoinCode(typed: "K7QM3X")!, qrCode: nil)
    XCTAssertEqual(
      card.lines(width: 80),
      [
        "Rate from your phone, anonymously.",
        "Open this address:",
        "  http://192.168.100.200:54321/",
        "and type the code  K7QM3X",
        "Same Wi-Fi as this screen.",
        "No app, no names.",
        "For a QR code here: apt-get install libqrencode4",
      ])
  }

  func testTheCardFitsEightyByTwentyFour() throws {
    let code = try installedCode()
    let card = JoinCard(
      pageURL: "http://192.168.100.200:54321/", code: JoinCode(typed: "K7QM3X")!, qrCode: code)
    let wide = card.lines(width: 80)
    XCTAssertLessThanOrEqual(wide.count, 20, "room for a header above it")
    XCTAssertLessThanOrEqual(wide.map(\.count).max() ?? 0, 80)
    XCTAssertTrue(wide.contains { $0.hasSuffix("and type the code  K7QM3X") })
    XCTAssertTrue(wide.contains { $0.hasSuffix("Scan the code, or open") })
    // Too narrow for both side by side: the words go under the code.
    let narrow = card.lines(width: 60)
    XCTAssertEqual(Array(narrow.prefix(17)), code.lines(for: .darkBackground))
    XCTAssertEqual(narrow.last, "No app, no names.")
  }
}
