import Foundation

/// Where a conversation's text goes.
public protocol TextSink {
  func write(_ text: String)
  func writeError(_ text: String)
}
