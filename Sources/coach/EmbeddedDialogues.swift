import CoachKit

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
    var loader = DialogueLoader(source: .inMemory(EmbeddedFiles.files))
    // Checked when the binary was built (DialogueEmbedder).
    loader.checkedWhenBuilt = true
    return try loader.load(path: path)
  }
}
