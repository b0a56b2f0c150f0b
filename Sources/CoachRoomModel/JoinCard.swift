/// What the shared screen shows so the room can join: the QR code of the join link, the page's
/// address and the code to type, or, without libqrencode, the address and code alone with a
/// line on how to get the QR code. Plain lines, no escape sequences: the host places them.
///
///     let card = JoinCard(pageURL: room.pageURL, code: room.code)
///     for line in card.lines(width: 80) { print(line) }
public struct JoinCard: Hashable, Sendable {
  public var pageURL: String
  public var code: JoinCode
  /// The QR code of the join link (address and code together), if it could be made.
  public var qrCode: QRCode?

  public init(pageURL: String, code: JoinCode, qrCode: QRCode?) {
    self.pageURL = pageURL
    self.code = code
    self.qrCode = qrCode
  }

  /// The card for a room at `pageURL` with `code`, with a QR code of the join link (the code
  /// after `#`) when `library` can be loaded.
  public init(pageURL: String, code: JoinCode, library: String = QRCode.libraryName) {
    self.init(
      pageURL: pageURL, code: code,
      qrCode: QRCode(encoding: pageURL + "#" + code.text, library: library))
  }

  /// The words of the card, without the QR code.
  public var text: [String] {
    var lines = [
      "Rate from your phone, anonymously.",
      qrCode == nil ? "Open this address:" : "Scan the code, or open",
      "  \(pageURL)",
      "and type the code  \(code.text)",
      "Same Wi-Fi as this screen.",
      "No app, no names.",
    ]
    if qrCode == nil { lines.append(QRCode.installHint) }
    return lines
  }

  /// The card laid out for `width` columns: the words beside the QR code when they fit, under
  /// it when they do not. The code is drawn for a terminal with a dark background unless told.
  public func lines(width: Int, background: QRCode.Background = .darkBackground) -> [String] {
    guard let qrCode else { return text }
    let picture = qrCode.lines(for: background)
    let pictureWidth = picture.first?.count ?? 0
    let gap = 3
    let textWidth = text.map(\.count).max() ?? 0
    guard pictureWidth + gap + textWidth <= width else { return picture + [""] + text }
    // The words in the middle of the picture's height.
    let top = max(0, (picture.count - text.count) / 2)
    return picture.enumerated().map { index, row in
      let words = (top..<top + text.count).contains(index) ? text[index - top] : ""
      let line = row + String(repeating: " ", count: gap) + words
      return words.isEmpty ? row : line
    }
  }
}
