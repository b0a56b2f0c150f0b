/// The folder a dialogue may read from: `include` and `template_file` name files inside it, never
/// outside, so that a dialogue someone hands you reads nothing else on your computer (and no
/// message quotes another file's content).
///
/// A name is refused when it is absolute, when it has a `..`, when it leads through a symbolic
/// link out of the folder, or when it is not a regular file (a pipe or a device could block).
///
///     let folder = DialogueFolder(mainFile: "retro/dialogue.yaml", source: .fileSystem)
///     folder.locate("feelings.yaml", from: "retro/dialogue.yaml")  // .success("retro/feelings.yaml")
///     folder.locate("/etc/passwd", from: "retro/dialogue.yaml")    // .failure(…absolute path…)
struct DialogueFolder {
  /// The folder of the dialogue's main file.
  let root: String
  let source: DialogueSource

  init(mainFile: String, source: DialogueSource) {
    self.root = DialogueLoader.directory(of: mainFile)
    self.source = source
  }

  /// The path of the file `name`, written in `file`, or why it cannot be read: a sentence that
  /// follows "cannot include 'name': " or "cannot read the template file 'name': ".
  func locate(_ name: String, from file: String) -> Result<String, Refusal> {
    if name.hasPrefix("/") || name.hasPrefix("~") {
      return .failure(
        Refusal(
          "it is an absolute path, and a dialogue reads only files in its own folder; copy the file into the folder and name it from there"
        ))
    }
    if name.split(separator: "/").contains("..") {
      return .failure(
        Refusal(
          "'..' is not allowed in a file name, since a dialogue reads only files in its own folder; name the file from there (or copy it there)"
        ))
    }
    let directory = DialogueLoader.directory(of: file)
    let path = DialogueLoader.join(directory, name)
    switch source.entry(path) {
    case .missing:
      var reason = "no such file next to \(file)"
      if let guess = suggestion(for: name, in: directory) { reason += "; did you mean '\(guess)'?" }
      return .failure(Refusal(reason))
    case .directory:
      return .failure(Refusal("it is a folder; name a file"))
    case .other:
      return .failure(
        Refusal("it is not a regular file (a pipe, a device or a socket), so it is not read"))
    case .file:
      break
    }
    // A symbolic link may lead out of the folder: compare where both really are.
    if let real = source.resolve(path), let realRoot = source.resolve(root.isEmpty ? "." : root),
      !(real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") || realRoot == ".")
    {
      return .failure(
        Refusal(
          "it is a link to a file outside the dialogue's folder, and a dialogue reads only files in its own folder; copy the file into the folder instead"
        ))
    }
    return .success(path)
  }

  /// A file next to `name` whose name is close to it: `options.yaml` for `option.yaml`.
  private func suggestion(for name: String, in directory: String) -> String? {
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    let base = String(parts.last ?? "")
    let prefix = parts.dropLast().map { $0 + "/" }.joined()
    let folder = DialogueLoader.join(directory, prefix.isEmpty ? "." : prefix)
    let candidates = source.list(folder).filter { candidate in
      !candidate.hasPrefix(".") && source.entry(DialogueLoader.join(folder, candidate)) == .file
    }
    return Suggestion.closest(to: base, among: candidates).map { prefix + $0 }
  }

  /// Why a named file is not read.
  struct Refusal: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
  }
}
