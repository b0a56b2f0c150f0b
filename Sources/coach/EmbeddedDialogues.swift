import CoachKit
import Foundation

/// The dialogues compiled into the binary from `Dialogues/` (see Plugins/EmbedDialogues).
enum EmbeddedDialogues {
  /// The folder of the session `coach` runs when no dialogue is named.
  static let defaultPath = "Dialogues/trust-first"

  /// How a saved session names a built-in dialogue: `built-in:Dialogues/trust-first`.
  static let sourcePrefix = "built-in:"

  static func loadDefault() throws(DialogueLoader.Failure) -> DialogueLoader.Result {
    try load(defaultPath)
  }

  static func load(_ path: String) throws(DialogueLoader.Failure) -> DialogueLoader.Result {
    var source = DialogueSource.inMemory(EmbeddedFiles.files)
    // Their YAML was read when the binary was built, too.
    source.prepared = { path in
      EmbeddedFiles.prepared[path].flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
    }
    var loader = DialogueLoader(source: source)
    // Checked when the binary was built (DialogueEmbedder).
    loader.checkedWhenBuilt = true
    return try loader.load(path: path)
  }
}
