import Foundation
import PackagePlugin

/// Compiles the files under `Dialogues/` into the `coach` binary, so that `coach` runs its default
/// session from anywhere while `Dialogues/` stays the only copy anyone edits.
@main
struct EmbedDialogues: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let root = context.package.directoryURL.appending(path: "Dialogues")
    var inputs: [URL] = []
    if let walker = FileManager.default.enumerator(
      at: root, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey])
    {
      for case let url as URL in walker {
        // A dialogue's test cases (`tests/`, run by `coach test`) are not needed at run time.
        if url.lastPathComponent == "tests",
          (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true
        {
          walker.skipDescendants()
          continue
        }
        if ["yaml", "yml", "mustache"].contains(url.pathExtension) { inputs.append(url) }
      }
    }
    inputs.sort { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding \(inputs.count) dialogue files",
        executable: try context.tool(named: "DialogueEmbedder").url,
        arguments: [output.path, context.package.directoryURL.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
