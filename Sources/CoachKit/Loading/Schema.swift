/// Every key the dialogue format accepts, by the kind of mapping it appears in.
///
/// The loader rejects any other key (with a "did you mean" suggestion), and a test checks that
/// `docs/dialogue-format.md` mentions each of these keys, so the reference and the loader cannot drift.
public enum Schema {
  /// The top level of a dialogue's main file.
  public static let dialogue: [String] = [
    "format", "id", "title", "version", "duration", "description", "start", "include", "sections",
    "computed", "plan", "profile", "keep_answers_if", "follows", "functions", "flows",
  ]
  /// The top level of a file named in `include`.
  public static let includedFile: [String] = [
    "include", "sections", "computed", "functions", "flows",
  ]
  /// One of `flows`: a sub-flow with parameters, run by a step that `call`s it.
  public static let flow: [String] = ["id", "params", "steps"]
  public static let section: [String] = ["id", "title", "budget", "steps"]
  public static let step: [String] = [
    "id", "when", "say", "ask", "notes", "next", "final", "estimate", "call", "with", "return",
  ]
  public static let branch: [String] = ["if", "goto"]
  public static let plan: [String] = [
    "template", "template_file", "file_name", "save_if", "calendar",
  ]
  /// The follow-up event a plan may come with, written as an `.ics` file next to it.
  public static let calendar: [String] = ["date", "summary", "description"]
  public static let option: [String] = ["value", "label", "synonyms", "exclusive"]
  /// One of a question's `checks`.
  public static let answerCheck: [String] = ["refuse_if", "say"]
  public static let profileEntry: [String] = ["value", "team", "label"]

  /// Keys every question accepts, whatever its type.
  public static let questionCommon: [String] = [
    "type", "var", "prompt", "help", "default", "optional", "team", "checks",
  ]
  /// Keys that only some question types accept.
  public static let questionByType: [String: [String]] = [
    "text": ["min_length", "max_length", "pattern", "pattern_hint"],
    "choice": ["options"],
    "multi": ["options", "min_picks", "max_picks"],
    "scale": ["min", "max", "min_label", "max_label", "reverse"],
    "number": ["min", "max", "integer"],
    "yesno": [],
  ]
  public static let questionTypes: [String] = [
    "text", "choice", "multi", "scale", "number", "yesno",
  ]

  /// Every key of the format, for the documentation check.
  public static var allKeys: Set<String> {
    var keys = Set(
      dialogue + includedFile + flow + section + step + branch + plan + calendar + option
        + answerCheck + profileEntry + questionCommon)
    for extra in questionByType.values { keys.formUnion(extra) }
    return keys
  }

  /// The version of the format this build reads.
  public static let formatVersion = 1
}
