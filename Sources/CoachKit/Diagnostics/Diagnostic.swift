/// One finding about a dialogue: an error that stops it from running, or a warning.
///
///     let finding = Diagnostic.error("unknown key 'tilte'; did you mean 'title'?", at: location)
///     print(finding)  // tour.yaml:3:1: error: unknown key 'tilte'; did you mean 'title'?
public struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
  public enum Severity: String, Hashable, Sendable, Codable {
    case error
    case warning
  }

  public var severity: Severity
  public var location: SourceLocation
  public var message: String

  public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
    self.severity = severity
    self.message = message
    self.location = location
  }

  public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.error, message, at: location)
  }

  public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(.warning, message, at: location)
  }

  public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
  public var hasErrors: Bool { contains { $0.severity == .error } }
  public var errors: [Diagnostic] { filter { $0.severity == .error } }
  public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
