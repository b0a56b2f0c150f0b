import Foundation
import XCTest

/// Checks that an HTML page's elements are properly nested and closed.
enum HTMLBalance {
  static let voidElements: Set<String> = [
    "meta", "br", "hr", "img", "input", "link", "rect", "path", "line", "circle",
  ]

  static func isWellFormed(_ html: String) throws -> Bool {
    var stack: [String] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      guard let close = rest[open...].firstIndex(of: ">") else { return false }
      let tag = rest[rest.index(after: open)..<close]
      rest = rest[rest.index(after: close)...]
      if tag.hasPrefix("!") { continue }
      let selfClosing = tag.hasSuffix("/")
      let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
      if tag.hasPrefix("/") {
        guard stack.popLast() == name else { return false }
      } else if !selfClosing && !voidElements.contains(name) {
        stack.append(name)
      }
    }
    return stack.isEmpty
  }
}

/// Validates JSON against a JSON Schema with Python's `jsonschema` (which `.ci/run` installs).
enum JSONSchemaCheck {
  static func validate(
    _ json: String, against schema: URL, file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let document = FileManager.default.temporaryDirectory.appendingPathComponent(
      "coach-export-\(UUID().uuidString).json")
    try json.write(to: document, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: document) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      """
      import json, sys
      import jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft202012Validator)
      """,
      schema.path, document.path,
    ]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    XCTAssertEqual(
      process.terminationStatus, 0, "the export does not fit the schema: \(message)", file: file,
      line: line)
  }
}
