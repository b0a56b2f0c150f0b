import CoachKit
import Foundation

/// What `coach check` prints: the findings, then a one-line summary; or the same as JSON.
struct CheckReport {
  let path: String
  let dialogue: Dialogue?
  let findings: [Diagnostic]

  var summary: String {
    let errors = findings.errors.count
    let warnings = findings.warnings.count
    var line = "\(path): \(plural(errors, "error")), \(plural(warnings, "warning"))"
    if let dialogue {
      let questions = dialogue.steps.count { $0.question != nil }
      line +=
        " (\(plural(dialogue.sections.count, "section")), \(plural(dialogue.steps.count, "step")), \(plural(questions, "question")))"
    }
    return line
  }

  var text: String {
    findings.map { "\($0)\n" }.joined() + summary + "\n"
  }

  var json: String {
    struct Output: Encodable {
      struct Finding: Encodable {
        let file: String
        let line: Int
        let column: Int
        let severity: String
        let message: String
      }
      let path: String
      let errors: Int
      let warnings: Int
      let findings: [Finding]
    }
    let output = Output(
      path: path, errors: findings.errors.count, warnings: findings.warnings.count,
      findings: findings.map {
        .init(
          file: $0.location.file, line: $0.location.line, column: $0.location.column,
          severity: $0.severity.rawValue, message: $0.message)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(output)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  private func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
  }
}
