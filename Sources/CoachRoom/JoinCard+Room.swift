import CoachRoomModel

extension JoinCard {
  /// The card for `room`, with a QR code when `library` can be loaded.
  public init(room: Room, library: String = QRCode.libraryName) {
    self.init(pageURL: room.pageURL, code: room.code, library: library)
  }
}
