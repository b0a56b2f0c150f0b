import CoachKit

/// Why a command could not do what it was asked, with the exit status that says so (sysexits)
/// and, before the message, any lines that show where (a dialogue's errors, `file:line:col`).
/// Commands throw it; one place prints it and exits.
///
///     throw CoachFailure(.noInput, "no dialogue at 'tour': no such file or folder")
///     // coach: no dialogue at 'tour': no such file or folder     (exit 66)
public struct CoachFailure: Error, Equatable, CustomStringConvertible {
  public var status: ExitStatus
  public var message: String
  /// Lines said before the message, each on its own line.
  public var details: [String]

  public init(_ status: ExitStatus, _ message: String, details: [String] = []) {
    self.status = status
    self.message = message
    self.details = details
  }

  /// A file-system failure, with the status that fits it.
  public init(_ error: StorageError) {
    self.init(error.exitStatus, error.description)
  }

  /// Any error a store threw, as a failure: a ``StorageError`` with its own status, anything
  /// else as an I/O error.
  public init(storing error: any Error) {
    if let failure = error as? CoachFailure {
      self = failure
    } else if let storage = error as? StorageError {
      self.init(storage)
    } else {
      self.init(.ioError, "\(error)")
    }
  }

  public var description: String { "coach: " + message }

  /// Ends a command with `status`, the reason already said (a conversation that stopped).
  public static func quietly(_ status: ExitStatus) -> CoachFailure {
    CoachFailure(status, "")
  }

  /// What standard error shows: the details, then the message.
  public var text: String {
    details.map { $0 + "\n" }.joined() + (message.isEmpty ? "" : description + "\n")
  }
}
