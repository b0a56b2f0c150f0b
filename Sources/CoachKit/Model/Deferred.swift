import Foundation

/// A value worked out the first time it is read, once, from any thread; or given ready-made.
///
/// A dialogue checked when `coach` was built need not have every text and expression parsed
/// before its first question: the plan's template is needed at the end, most expressions only
/// when their step comes.
///
///     let template = Deferred { parseTemplate(source) }
///     template.value  // parsed now, and never again
final class Deferred<Value: Sendable>: @unchecked Sendable {
  private let ready: Value?
  private let lock = NSLock()
  // Both guarded by `lock`.
  private var made: Value?
  private var make: (@Sendable () -> Value)?

  init(_ value: Value) {
    ready = value
  }

  init(_ make: @escaping @Sendable () -> Value) {
    ready = nil
    self.make = make
  }

  var value: Value {
    if let ready { return ready }
    return lock.withLock {
      if let made { return made }
      let value = make!()
      made = value
      make = nil
      return value
    }
  }
}
