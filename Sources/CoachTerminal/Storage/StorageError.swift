import Foundation

/// A file-system failure, with the system's reason.
public enum StorageError: Error, CustomStringConvertible, Equatable {
  case system(String, Int32)
  case notFound(String)
  case damaged(String)
  case busy(String)
  case cannotCreate(String)
  /// What was being written is no longer there (a session's log deleted while it ran).
  case gone(String)

  public var description: String {
    switch self {
    case .system(let what, let code): "\(what): \(String(cString: strerror(code)))"
    case .notFound(let what): what
    case .damaged(let what): what
    case .busy(let what): what
    case .cannotCreate(let what): what
    case .gone(let what): what
    }
  }

  /// The exit status that fits.
  public var exitStatus: ExitStatus {
    switch self {
    case .system(_, let code) where code == ENOSPC || code == EIO || code == EDQUOT: .ioError
    case .system: .cannotCreate
    case .notFound: .noInput
    case .damaged: .dataError
    case .busy: .temporaryFailure
    case .cannotCreate, .gone: .cannotCreate
    }
  }
}
