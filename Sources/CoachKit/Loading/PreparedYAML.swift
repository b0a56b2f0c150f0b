/// A YAML file read ahead of time, in a compact form that loads without a YAML parser: what the
/// dialogues built into `coach` are embedded as (next to their text), so that start-up does not
/// parse them again.
///
/// The form is the ``YAMLDocument`` the file reads as, in bytes: every node's kind, style, place
/// and value. It is made when the binary is built, from files that passed `coach check`.
///
///     let prepared = PreparedYAML.prepare(Array(text.utf8), file: "tour.yaml")  // at build time
///     DialogueSource.inMemory(files, prepared: ["tour.yaml": prepared!])        // at run time
public enum PreparedYAML {
  /// The prepared form of a YAML file, or nil if it does not read.
  public static func prepare(_ bytes: [UInt8], file: String) -> [UInt8]? {
    guard case .success(let document) = YAMLEventReader().read(bytes, file: file) else {
      return nil
    }
    return encode(document)
  }

  private static let magic: [UInt8] = Array("coachyaml1".utf8)

  static func encode(_ document: YAMLDocument) -> [UInt8] {
    var out = magic
    func put(_ value: Int) {
      var number = UInt32(truncatingIfNeeded: value)
      for _ in 0..<4 {
        out.append(UInt8(number & 0xFF))
        number >>= 8
      }
    }
    func put(_ text: String) {
      put(text.utf8.count)
      out.append(contentsOf: text.utf8)
    }
    put(document.nodes.count)
    for node in document.nodes {
      out.append(node.kind.rawValue)
      out.append(node.style.rawValue)
      put(Int(node.line))
      put(Int(node.column))
      put(Int(node.end))
      put(Int(node.written))
      put(node.value)
    }
    put(document.written.count)
    for text in document.written { put(text) }
    return out
  }

  /// The document in `bytes`, or nil if they are not a prepared form.
  static func decode(_ bytes: [UInt8], file: String) -> YAMLDocument? {
    bytes.withUnsafeBufferPointer { buffer -> YAMLDocument? in
      var position = 0
      func byte() -> UInt8? {
        guard position < buffer.count else { return nil }
        defer { position += 1 }
        return buffer[position]
      }
      func number() -> Int? {
        guard position + 4 <= buffer.count else { return nil }
        var value: UInt32 = 0
        for shift in stride(from: 0, to: 32, by: 8) {
          value |= UInt32(buffer[position]) << UInt32(shift)
          position += 1
        }
        return Int(Int32(bitPattern: value))
      }
      func text() -> String? {
        guard let count = number(), count >= 0, position + count <= buffer.count else { return nil }
        defer { position += count }
        return String(
          decoding: UnsafeBufferPointer(rebasing: buffer[position..<position + count]),
          as: UTF8.self)
      }
      guard buffer.count >= magic.count, Array(buffer[0..<magic.count]) == magic else { return nil }
      position = magic.count
      var document = YAMLDocument(file: file)
      guard let count = number(), count >= 0 else { return nil }
      document.nodes.reserveCapacity(count)
      for _ in 0..<count {
        guard let kind = byte().flatMap(YAMLDocument.Kind.init(rawValue:)),
          let style = byte().flatMap(YAMLDocument.Style.init(rawValue:)),
          let line = number(), let column = number(), let end = number(),
          let written = number(), let value = text()
        else { return nil }
        document.nodes.append(
          YAMLDocument.Node(
            kind: kind, style: style, line: Int32(line), column: Int32(column), end: Int32(end),
            written: Int32(written), value: value))
      }
      guard let writtenCount = number(), writtenCount >= 0 else { return nil }
      for _ in 0..<writtenCount {
        guard let text = text() else { return nil }
        document.written.append(text)
      }
      return document
    }
  }
}
