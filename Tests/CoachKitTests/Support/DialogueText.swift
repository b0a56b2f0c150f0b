import XCTest

@testable import CoachKit

/// A tiny valid dialogue, and ways to load and check edited copies of it in memory.
enum DialogueText {
  /// Clean: loading and checking it finds nothing.
  static let retro = """
    format: 1
    id: retro
    title: A short retro check
    duration: 4
    start: hello

    sections:
      - id: opening
        title: Opening
        budget: 1
        steps:
          - id: hello
            say: Hello! Let's look at your last retro.
          - id: team_size
            ask:
              type: number
              prompt: How many people took part?
              min: 1
              max: 50
            next:
              - if: team_size > 8
                goto: big
              - goto: mood
          - id: big
            say: With {{team_size}} people, a retro needs a firm timebox.

      - id: feelings
        title: Feelings
        budget: 3
        steps:
          - id: mood
            ask:
              type: scale
              prompt: How did the retro feel?
              min: 1
              max: 5
          - id: done
            say: Thanks, that is all.
            final: true

    """

  /// A one-minute dialogue of one section holding `steps` (written as under `steps:`, without
  /// the indentation; their first line is line 9), then `rest` (top-level keys).
  static func oneSection(id: String, steps: String, rest: String = "") -> String {
    let indented = steps.split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
    return """
      id: \(id)
      title: \(id)
      duration: 1
      sections:
        - id: s
          title: S
          budget: 1
          steps:
      \(indented)
      \(rest)
      """
  }

  /// `retro` with each `old` replaced by its `new`; each `old` must appear exactly once.
  static func retro(
    _ edits: (old: String, new: String)..., file: StaticString = #filePath, line: UInt = #line
  ) -> String {
    var text = retro
    for edit in edits {
      let count = text.components(separatedBy: edit.old).count - 1
      XCTAssertEqual(count, 1, "'\(edit.old)' appears \(count) times", file: file, line: line)
      text = text.replacingOccurrences(of: edit.old, with: edit.new)
    }
    return text
  }

  /// What the loader alone finds in `text`, as `file:line:col: severity: message`.
  static func loaderFindings(_ text: String, name: String = "retro.yaml") -> [String] {
    DialogueLoader().load(text: text, name: name).diagnostics.map(\.description)
  }

  /// What `coach check` would print for `text`: the loader's and the checker's findings, in order.
  static func findings(_ text: String, name: String = "retro.yaml") -> [String] {
    findings(DialogueLoader().load(text: text, name: name))
  }

  /// The findings for a dialogue of several files held in memory, starting at `main`.
  static func findings(files: [String: String], main: String) throws -> [String] {
    findings(try DialogueLoader(source: .inMemory(files)).load(path: main))
  }

  static func findings(_ result: DialogueLoader.Result) -> [String] {
    var all = result.diagnostics
    if let dialogue = result.dialogue {
      all = DialogueChecker.ordered(all + DialogueChecker().check(dialogue), files: dialogue.files)
    }
    return all.map(\.description)
  }
}
