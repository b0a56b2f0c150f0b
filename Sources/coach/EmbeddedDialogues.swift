import CoachKit

/// The dialogues compiled into the binary from `Dialogues/` (see Plugins/EmbedDialogues).
enum EmbeddedDialogues {
  /// The folder of the session `coach` runs when no dialogue is named.
  static let defaultPath = "Dialogues/trust-first"

  static func loadDefault() throws(DialogueLoader.Failure) -> DialogueLoader.Result {
    try DialogueLoader(source: .inMemory(EmbeddedFiles.files)).load(path: defaultPath)
  }
}
