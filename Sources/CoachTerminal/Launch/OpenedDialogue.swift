import CoachKit
import Foundation

/// A dialogue opened for a command: loaded *and checked*, the same way for every command that
/// runs, resumes, draws or tests one, with its files kept as a snapshot for the session.
///
///     let opened = try OpenedDialogue.open("Dialogues/examples/tour", launch: launch)
///     opened.source    // "/home/ana/coach/Dialogues/examples/tour": how a session names it
///     opened.snapshot  // its files, kept with the session
public struct OpenedDialogue {
  public var dialogue: Dialogue
  public var snapshot: DialogueSnapshot
  /// Where it came from, as a saved session names it: an absolute path, or `built-in:` and its
  /// path inside the binary.
  public var source: String
  /// What the checker warns about; errors stop a dialogue from opening.
  public var warnings: [Diagnostic]

  /// How a saved session names a dialogue built into the binary: `built-in:Dialogues/trust-first`.
  public static let builtInPrefix = "built-in:"
  /// The session `coach` runs when no dialogue is named, and the check-in that follows it.
  public static let defaultPath = "Dialogues/trust-first"
  public static let checkinPath = "Dialogues/trust-first-checkin"
  /// The tour of the format, run by `coach tour`.
  public static let tourPath = "Dialogues/examples/tour"

  /// The dialogue at `path` (a file, or a folder holding `dialogue.yaml`), or the built-in one
  /// at `builtIn` when there is no path. A path that is not on disk but names a built-in
  /// dialogue (`Dialogues/examples/tour`) opens that one.
  public static func open(
    _ path: String?, builtIn: String = defaultPath, launch: Launch
  ) throws(CoachFailure) -> OpenedDialogue {
    guard let path else { return try open(source: builtInPrefix + builtIn, launch: launch) }
    if DialogueSource.fileSystem.entry(path) == .missing, isBuiltIn(path, launch) {
      return try open(source: builtInPrefix + normalized(path), launch: launch)
    }
    return try load(path, from: .fileSystem, source: launch.absolute(path), launch: launch)
  }

  /// The dialogue a saved session names as where it came from, as it is there now.
  public static func open(source: String, launch: Launch) throws(CoachFailure) -> OpenedDialogue {
    if source.hasPrefix(builtInPrefix) {
      let path = String(source.dropFirst(builtInPrefix.count))
      var files = DialogueSource.inMemory(launch.builtIn)
      let prepared = launch.builtInPrepared
      files.prepared = { path in
        prepared[path].flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
      }
      // Checked when the binary was built (DialogueEmbedder): not checked again at every start.
      return try load(path, from: files, source: source, launch: launch, checkedWhenBuilt: true)
    }
    return try load(source, from: .fileSystem, source: source, launch: launch)
  }

  /// A kept version, checked like any other.
  public static func open(snapshot: DialogueSnapshot, source: String) throws(CoachFailure)
    -> OpenedDialogue
  {
    try checked(snapshot.load(), snapshot: snapshot, source: source)
  }

  private static func load(
    _ path: String, from files: DialogueSource, source: String, launch: Launch,
    checkedWhenBuilt: Bool = false
  ) throws(CoachFailure) -> OpenedDialogue {
    let loaded: (DialogueLoader.Result, DialogueSnapshot)
    do {
      loaded = try DialogueSnapshot.load(
        path: path, from: files, checkedWhenBuilt: checkedWhenBuilt)
    } catch {
      throw CoachFailure(.noInput, error.description + suggestion(for: path, launch))
    }
    return try checked(
      loaded.0, snapshot: loaded.1, source: source, checkedWhenBuilt: checkedWhenBuilt)
  }

  private static func checked(
    _ result: DialogueLoader.Result, snapshot: DialogueSnapshot, source: String,
    checkedWhenBuilt: Bool = false
  ) throws(CoachFailure) -> OpenedDialogue {
    var findings = result.diagnostics
    if let dialogue = result.dialogue, !findings.hasErrors, !checkedWhenBuilt {
      findings += DialogueChecker().check(dialogue)
    }
    let errors = findings.errors
    guard let dialogue = result.dialogue, errors.isEmpty else {
      var details = errors.prefix(20).map(\.description)
      if errors.count > 20 {
        details.append("… and \(errors.count - 20) more; run 'coach check' for all of them")
      }
      throw CoachFailure(.dataError, "the dialogue has errors; nothing was run", details: details)
    }
    return OpenedDialogue(
      dialogue: dialogue, snapshot: snapshot, source: source, warnings: findings.warnings)
  }

  /// The built-in dialogues' folders: `Dialogues/trust-first`, `Dialogues/examples/tour`…
  public static func builtInFolders(_ launch: Launch) -> [String] {
    launch.builtIn.keys.filter { $0.hasSuffix("/dialogue.yaml") }
      .map { String($0.dropLast("/dialogue.yaml".count)) }.sorted()
  }

  private static func isBuiltIn(_ path: String, _ launch: Launch) -> Bool {
    let wanted = normalized(path)
    return launch.builtIn[wanted] != nil || builtInFolders(launch).contains(wanted)
  }

  private static func normalized(_ path: String) -> String {
    var trimmed = path
    while trimmed.hasSuffix("/") { trimmed.removeLast() }
    return trimmed.hasPrefix("./") ? String(trimmed.dropFirst(2)) : trimmed
  }

  /// For a name that is no path: the built-in dialogue of that name, if there is one.
  private static func suggestion(for path: String, _ launch: Launch) -> String {
    let name = (normalized(path) as NSString).lastPathComponent
    if normalized(path) == "tour" { return "; the tour of what a dialogue can do is 'coach tour'" }
    guard let match = builtInFolders(launch).first(where: { $0.hasSuffix("/" + name) }) else {
      return ""
    }
    return "; the built-in '\(name)' is 'coach run \(match)'"
  }
}
