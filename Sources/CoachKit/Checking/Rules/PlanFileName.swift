/// The plan's `file_name` is the name of one file: no folders (`/`), nothing that cannot be a
/// file name, short enough for the date coach puts in front. A `/` passed `check`, then every
/// session failed at its end (exit 73) and its plan was lost.
///
///     plan:
///       file_name: plans/trust.md     # error: file_name is the name of one file, …
struct PlanFileName: CheckRule {
  init() {}

  /// Room for the date in front (`2026-11-29-`), a `-2` to keep names apart and `.ics`, within
  /// the 255 bytes most file systems allow.
  static let maxLength = 200

  func check(_ dialogue: Dialogue, _ analysis: FlowAnalysis) -> [Diagnostic] {
    guard let plan = dialogue.plan else { return [] }
    let name = plan.fileName
    let location = plan.fileNameLocation ?? plan.location
    let problem: String?
    if name.contains("/") || name.contains("\\") {
      problem =
        "file_name is the name of one file, without folders ('/'); the plan goes to the plans folder, or where --plan-out says"
    } else if name.trimmingCharacters(in: .whitespaces).isEmpty || name == "." || name == ".." {
      problem = "file_name needs a name, like trust-first.md"
    } else if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      problem = "file_name has a control character; write a plain name, like trust-first.md"
    } else if name.utf8.count > Self.maxLength {
      problem = "file_name is \(name.utf8.count) bytes long; keep it to \(Self.maxLength)"
    } else {
      problem = nil
    }
    return problem.map { [.error($0, at: location)] } ?? []
  }
}
