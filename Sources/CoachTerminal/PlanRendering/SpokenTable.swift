import CoachKit
import CoachWording

/// A Markdown table read as sentences, for accessible mode: one sentence a row, its first cell
/// first, then each other cell with its column's name; charts drawn in block characters are
/// left out (the number beside them says the same), and a column whose name gives a range,
/// "Score (0–100)", reads its value as "56 of 100". Empty rows, left to fill in, are counted.
///
///     | Area     | Score (0–100) | Chart      | Band  |
///     | Yourself | 56            | `███░░…`   | build |
///
/// reads "Yourself: score 56 of 100, band build."
struct SpokenTable {
  /// The cells as plain text, header first.
  var header: [String]
  var rows: [[String]]

  func sentences() -> [String] {
    var lines: [String] = []
    let filled = rows.filter { row in row.contains { !Self.withoutBars($0).isEmpty } }
    let empty = rows.count - filled.count
    if filled.isEmpty {
      let names = Self.list(header.filter { !$0.isEmpty })
      return [
        "A table to fill in, with the columns \(names), and \(empty) empty row\(empty == 1 ? "" : "s")."
      ]
    }
    for row in filled { lines.append(sentence(row)) }
    if empty > 0 { lines.append("And \(empty) empty row\(empty == 1 ? "" : "s") to fill in.") }
    return lines
  }

  private func sentence(_ row: [String]) -> String {
    let cells = row.map(Self.withoutBars)
    var parts: [String] = []
    for (index, cell) in cells.enumerated().dropFirst() where !cell.isEmpty {
      let name = index < header.count ? header[index] : ""
      parts.append(Self.reading(cell, under: name))
    }
    let first = cells.first ?? ""
    let subject = first.isEmpty ? (header.first ?? "") : first
    return Self.ended(parts.isEmpty ? subject : subject + ": " + parts.joined(separator: ", "))
  }

  /// A cell with its column's name: "band build", "score 56 of 100".
  static func reading(_ cell: String, under name: String) -> String {
    var name = name
    var value = cell
    // "Score (0–100)": the range goes with the value.
    if let open = name.lastIndex(of: "("), name.hasSuffix(")") {
      let range = name[name.index(after: open)..<name.index(before: name.endIndex)]
      let ends = range.split(whereSeparator: { $0 == "–" || $0 == "-" })
      if ends.count == 2, Double(ends[0].trimmingCharacters(in: .whitespaces)) == 0,
        Double(value) != nil
      {
        value += " of " + ends[1].trimmingCharacters(in: .whitespaces)
        name = String(name[..<open]).trimmingCharacters(in: .whitespaces)
      }
    }
    guard !name.isEmpty else { return value }
    return lowercasedFirst(name) + " " + value
  }

  /// "Score" → "score", but "CPU" stays.
  static func lowercasedFirst(_ text: String) -> String {
    let letters = Array(text)
    guard letters.count > 1, letters[1].isLowercase || letters[1] == " " else { return text }
    return letters[0].lowercased() + String(letters.dropFirst())
  }

  /// A cell without a chart drawn in block characters, tidied.
  static func withoutBars(_ text: String) -> String {
    SpokenText.withoutBars(text).trimmingCharacters(in: .whitespaces)
  }

  /// "A, B and C".
  static func list(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  static func ended(_ text: String) -> String {
    guard let last = text.last else { return text }
    return ".!?:".contains(last) ? text : text + "."
  }
}
