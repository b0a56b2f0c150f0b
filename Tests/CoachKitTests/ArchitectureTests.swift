import Foundation
import XCTest

/// The core's folders depend on each other without cycles, so each can be read (and changed)
/// knowing only those below it. A folder depends on another when it names a type declared there,
/// or a member an extension in that folder adds to a type of another folder.
final class ArchitectureTests: XCTestCase {
  static let core = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/CoachKit")

  func testTheCoreFoldersFormNoCycle() throws {
    let graph = try FolderGraph(root: Self.core)
    XCTAssertGreaterThanOrEqual(graph.edges.count, 8, "the graph was read: \(graph.edges)")
    XCTAssertNil(graph.cycle(), "a cycle: \(graph.cycle() ?? [])")
  }

  /// The check sees a cycle when there is one.
  func testACycleIsFound() {
    let graph = FolderGraph(edges: ["Model": ["Engine"], "Engine": ["Model"], "Text": []])
    XCTAssertNotNil(graph.cycle())
    XCTAssertNil(FolderGraph(edges: ["Engine": ["Model"], "Model": []]).cycle())
  }

  /// A type named in another folder is seen, and a member an extension there adds; a comment
  /// or a string naming them is not.
  func testDependenciesAreReadFromCode() {
    let graph = FolderGraph(files: [
      ("Model", "public struct Dialogue {}"),
      ("Authoring", "extension Dialogue {\n  public var edges: [Int] { [] }\n}"),
      ("Engine", "struct Engine { let d: Dialogue }\n// Sessions say \"Transcript\""),
      ("Sessions", "struct Transcript { let s = \"Engine\"\n let e = d.edges }"),
    ])
    XCTAssertEqual(graph.edges["Engine"], ["Model"])
    XCTAssertEqual(graph.edges["Sessions"], ["Authoring"])
    XCTAssertEqual(graph.edges["Authoring"], ["Model"])
    XCTAssertEqual(graph.edges["Model"], [])
  }
}

/// Which folder of a module names what another declares.
struct FolderGraph {
  var edges: [String: Set<String>]

  init(edges: [String: Set<String>]) { self.edges = edges }

  init(root: URL) throws {
    var files: [(folder: String, text: String)] = []
    let walker = FileManager.default.enumerator(atPath: root.path)
    while let path = walker?.nextObject() as? String {
      guard path.hasSuffix(".swift"), let folder = path.split(separator: "/").first,
        path.contains("/")
      else { continue }
      files.append(
        (String(folder), try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)))
    }
    self.init(files: files)
  }

  init(files: [(folder: String, text: String)]) {
    let code = files.map { ($0.folder, Self.code($0.text)) }
    // Who declares what: top-level types, and members that extensions add to other folders'
    // types (only names declared once, so a common name like `description` proves nothing).
    var typeOwners: [String: String] = [:]
    for (folder, text) in code {
      for match in text.matches(of: #/(?m)^(?:public |internal |final |indirect )*(?:struct|enum|class|protocol|typealias|actor) +([A-Za-z_][A-Za-z0-9_]*)/#) {
        typeOwners[String(match.1)] = folder
      }
    }
    var memberOwners: [String: String] = [:]
    var declaredTwice: Set<String> = []
    for (folder, text) in code {
      for block in text.matches(of: #/(?ms)^(?:public )?extension +([A-Za-z_][A-Za-z0-9_.]*)[^\n]*\{\n(.*?)^\}/#) {
        let extended = String(block.1.split(separator: ".").first ?? "")
        guard let owner = typeOwners[extended], owner != folder else { continue }
        for member in block.2.matches(of: #/(?m)^  (?:public |static |mutating |nonisolated )*(?:func|var|let) +([A-Za-z_][A-Za-z0-9_]*)/#) {
          let name = String(member.1)
          if memberOwners[name] != nil { declaredTwice.insert(name) }
          memberOwners[name] = folder
        }
      }
    }
    for name in declaredTwice { memberOwners[name] = nil }
    var edges: [String: Set<String>] = [:]
    for (folder, text) in code {
      edges[folder, default: []].formUnion([])
      for word in text.matches(of: #/[A-Za-z_][A-Za-z0-9_]*/#) {
        let name = String(word.0)
        if let owner = typeOwners[name], owner != folder { edges[folder, default: []].insert(owner) }
      }
      for member in text.matches(of: #/\.([a-z_][A-Za-z0-9_]*)/#) {
        if let owner = memberOwners[String(member.1)], owner != folder {
          edges[folder, default: []].insert(owner)
        }
      }
    }
    self.edges = edges
  }

  /// Swift source without comments and string literals.
  static func code(_ text: String) -> String {
    text.replacing(#/(?s)"""(.*?)"""/#, with: "\"\"")
      .replacing(#/(?s)/\*.*?\*//#, with: "")
      .replacing(#/"(?:\\.|[^"\\\n])*"/#, with: "\"\"")
      .replacing(#///[^\n]*/#, with: "")
  }

  /// A path of folders that leads back to where it began, or nil.
  func cycle() -> [String]? {
    var state: [String: Bool] = [:]  // false: on the path, true: done
    var path: [String] = []
    func visit(_ folder: String) -> [String]? {
      if state[folder] == true { return nil }
      if state[folder] == false { return Array(path.drop { $0 != folder }) + [folder] }
      state[folder] = false
      path.append(folder)
      for next in (edges[folder] ?? []).sorted() {
        if let found = visit(next) { return found }
      }
      path.removeLast()
      state[folder] = true
      return nil
    }
    for folder in edges.keys.sorted() {
      if let found = visit(folder) { return found }
    }
    return nil
  }
}
