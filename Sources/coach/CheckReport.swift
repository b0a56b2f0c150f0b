import CoachKit
import Foundation

/// What `coach check` prints: the findings, then a one-line summary; or the same as JSON.
struct CheckReport {
  let path: String
  let dialogue: Dialogue?
  let findings: [Diagnostic]
  /// How long the paths take; nil when the dialogue has errors or no final step can be reached.
  let timing: PathTiming?

  var summary: String {
    let errors = findings.errors.count
    let warnings = findings.warnings.count
    var line = "\(path): \(plural(errors, "error")), \(plural(warnings, "warning"))"
    if let dialogue {
      let questions = dialogue.steps.count { $0.question != nil }
      line +=
        " (\(plural(dialogue.sections.count, "section")), \(plural(dialogue.steps.count, "step")), \(plural(questions, "question")))"
      if !findings.hasErrors, let timing {
        line += "; paths take \(timing.summary)"
      }
    }
    return line
  }

  var text: String {
    findings.map { "\($0)\n" }.joined() + summary + "\n"
  }

  /// The expected path section by section, against each section's budget (`--timing`):
  ///
  ///     section            budget  expected
  ///     Welcome               1.0       1.2
  ///     …
  ///     total                20.0      19.4
  var timingTable: String? {
    guard !findings.hasErrors, let dialogue, let timing else { return nil }
    let width = max(7, timing.sections.map(\.title.count).max() ?? 0)
    func row(_ name: String, _ budget: Double, _ expected: Double) -> String {
      let pad = String(repeating: " ", count: max(0, width - name.count))
      return name + pad + "  " + Self.column(budget) + "  " + Self.column(expected)
    }
    var lines = [
      "section" + String(repeating: " ", count: width - 7) + "  budget  expected"
    ]
    for section in timing.sections {
      lines.append(row(section.title, section.budget, section.expected / 60))
    }
    lines.append(row("total", dialogue.duration, timing.expected / 60))
    return lines.joined(separator: "\n") + "\n"
  }

  /// A number of minutes to a tenth, right-aligned in 6 columns.
  private static func column(_ minutes: Double) -> String {
    let text = String(format: "%.1f", tenths(minutes))
    return String(repeating: " ", count: max(0, 6 - text.count)) + text
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
      /// Minutes, to a tenth; nil when the dialogue has errors or no final step can be reached.
      struct Timing: Encodable {
        let shortest: Double
        let expected: Double
        let longest: Double
        let duration: Double
        /// Each section's budget and its time on the expected path.
        let sections: [Section]
      }
      struct Section: Encodable {
        let id: String
        let budget: Double
        let expected: Double
      }
      let path: String
      let errors: Int
      let warnings: Int
      let timing: Timing?
      let findings: [Finding]
    }
    let timing =
      findings.hasErrors
      ? nil
      : dialogue.flatMap { dialogue in
        self.timing.map {
          Output.Timing(
            shortest: Self.tenths($0.shortest / 60), expected: Self.tenths($0.expected / 60),
            longest: Self.tenths($0.longest / 60), duration: dialogue.duration,
            sections: $0.sections.map {
              .init(id: $0.id, budget: $0.budget, expected: Self.tenths($0.expected / 60))
            })
        }
      }
    let output = Output(
      path: Sanitizer.oneLine(path), errors: findings.errors.count,
      warnings: findings.warnings.count, timing: timing,
      findings: findings.map {
        // An editor shows these decoded: cleaned like any text from a file.
        .init(
          file: Sanitizer.oneLine($0.location.file), line: $0.location.line,
          column: $0.location.column, severity: $0.severity.rawValue,
          message: Sanitizer.clean($0.message))
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(output)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  private static func tenths(_ value: Double) -> Double { (value * 10).rounded() / 10 }

  private func plural(_ count: Int, _ word: String) -> String {
    "\(count) \(word)\(count == 1 ? "" : "s")"
  }
}
