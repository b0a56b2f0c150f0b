/// The key of one of `functions:`, `name(param, …)`, read into its name and parameters, each
/// with its offset in the key (for a message at its column).
///
///     FunctionHeader("bar(score, width)")   // name "bar", parameters score and width
struct FunctionHeader {
  var name: String
  var parameters: [(name: String, offset: Int)] = []
  /// A mistake inside the parentheses, at its offset in the key.
  var problem: (message: String, offset: Int)?

  /// Nil when the key is not a name followed by parentheses.
  init?(_ key: String) {
    let characters = Array(key)
    guard let open = characters.firstIndex(of: "("), characters.last == ")" else { return nil }
    let name = String(characters[..<open]).trimmingBlanks()
    guard NodeReader.isVariableName(name) else { return nil }
    self.name = name
    var offset = open + 1
    let inner = characters[(open + 1)..<(characters.count - 1)]
    guard !String(inner).trimmingBlanks().isEmpty else { return }
    for part in String(inner).split(separator: ",", omittingEmptySubsequences: false) {
      let leading = part.prefix { $0 == " " }.count
      let parameter = String(part).trimmingBlanks()
      if !NodeReader.isVariableName(parameter) {
        problem = (
          parameter.isEmpty
            ? "a parameter's name is missing here; write the names between commas, like bar(score, width)"
            : "\(NodeReader.quoted(parameter)) is not a parameter's name: use letters, digits and '_', starting with a letter",
          offset + leading
        )
        return
      }
      if parameters.contains(where: { $0.name == parameter }) {
        problem = ("the parameter '\(parameter)' is listed twice", offset + leading)
        return
      }
      parameters.append((parameter, offset + leading))
      offset += part.count + 1
    }
  }
}

