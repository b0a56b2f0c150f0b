import Foundation

/// The formats a transcript can be exported to.
public enum TranscriptFormat: String, CaseIterable, Sendable {
  case markdown
  case json
  case html
  case text

  public var fileExtension: String {
    switch self {
    case .markdown: "md"
    case .json: "json"
    case .html: "html"
    case .text: "txt"
    }
  }

  /// Renders a transcript in this format, followed by the check-ins on it.
  public func render(_ transcript: Transcript, checkins: [Transcript] = []) -> String {
    switch self {
    case .markdown:
      ([transcript] + checkins).map { MarkdownExport().render($0) }.joined(separator: "\n---\n\n")
    case .json: JSONExport().render(transcript, checkins: checkins)
    case .html: HTMLExport().render(transcript, checkins: checkins)
    case .text:
      ([transcript] + checkins).map { TextExport().render($0) }.joined(separator: "\n\n")
    }
  }
}
