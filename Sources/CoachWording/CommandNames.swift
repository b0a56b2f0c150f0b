/// What a host's controls are called, for the sentences that tell a person how to do something:
/// typed commands at a terminal, buttons on a page.
///
///     RejectionText.sentence(rejection)                      // "…; /next closes the round."
///     RejectionText.sentence(rejection, commands: buttons)   // "…; Next closes the round."
public struct CommandNames: Sendable {
  /// Leaves an optional question unanswered.
  public var skip: String
  /// Moves on (a facilitator's).
  public var next: String
  /// Starts the agenda clock again (a facilitator's).
  public var resume: String
  /// Adds minutes to a section, in general ("/extend N") and as an example ("/extend 2").
  public var extend: String
  public var extendExample: String
  /// Notes a side topic, as an example ("/park hiring freeze").
  public var parkExample: String
  /// Stops the session (its answers stay as far as the person agreed).
  public var quit = "/quit"
  /// Lists what a person can do.
  public var help = "/help"
  /// Help for the question asked.
  public var questionHelp = "?"
  /// Takes the last answer back.
  public var back = "/back"
  /// Another way to stop, said after ``quit`` ("press Ctrl-D twice on an empty line"); nil when
  /// there is none.
  public var quitKeys: String?

  public init(
    skip: String, next: String, resume: String, extend: String, extendExample: String,
    parkExample: String
  ) {
    self.skip = skip
    self.next = next
    self.resume = resume
    self.extend = extend
    self.extendExample = extendExample
    self.parkExample = parkExample
  }

  /// The commands typed at a terminal's prompt.
  public static let typed: CommandNames = {
    var names = CommandNames(
      skip: "/skip", next: "/next", resume: "/resume", extend: "/extend N",
      extendExample: "/extend 2", parkExample: "/park hiring freeze")
    names.quitKeys = "press Ctrl-D twice on an empty line"
    return names
  }()
}
