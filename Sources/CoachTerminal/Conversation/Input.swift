import Foundation

/// A line the person typed: an answer, or one of the commands that work at any prompt.
///
///     Input("/back")   // .command(.back)
///     Input("//etc")   // .answer("/etc"): a doubled slash types a literal one
///     Input("?")       // .command(.questionHelp)
///     Input("/export html")  // .command(.export, argument: "html")
public enum Input: Equatable, Sendable {
  case answer(String)
  /// A command, with whatever was typed after its name.
  case command(Command, argument: String = "")
  /// A line starting with '/' that names no command.
  case unknownCommand(String)

  public init(_ line: String) {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if trimmed == "?" {
      self = .command(.questionHelp)
    } else if trimmed.hasPrefix("//") {
      self = .answer(String(trimmed.dropFirst()))
    } else if trimmed.hasPrefix("/") {
      let parts = trimmed.dropFirst().split(separator: " ", maxSplits: 1)
      let word = parts.first.map(String.init) ?? ""
      let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
      if let command = Command(rawValue: word.lowercased()) {
        self = .command(command, argument: argument)
      } else {
        self = .unknownCommand(word)
      }
    } else {
      self = .answer(line)
    }
  }
}
