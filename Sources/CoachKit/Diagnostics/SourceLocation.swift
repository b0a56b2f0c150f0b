/// Where something was written: a file, a line and a column, both counted from 1.
///
/// Every element of a loaded dialogue keeps its location so that a message can point an
/// author at the exact place, in the form editors understand:
///
///     Dialogues/examples/tour.yaml:12:9
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// The same file and line, `count` columns further to the right.
  func movedRight(by count: Int) -> SourceLocation {
    SourceLocation(file: file, line: line, column: column + count)
  }

  public var description: String { "\(file):\(line):\(column)" }
}

extension SourceLocation: Comparable {
  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}
