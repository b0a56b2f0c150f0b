import Foundation

/// A value worked out the first time it is read, once, from any thread.
///
/// A dialogue checked when `coach` was built need not have every text and expression parsed
/// before its first question: the plan's template is needed at the end, most expressions only
/// when their step comes. Values parsed at once are held without one (a lock per text cost a
/// big dialogue a tenth of `coach check`).
///
///     let template = Deferred { parseTemplate(source) }
///     template.value  // parsed now, and never again
final class Deferred<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  // Both guarded by `lock`.
  private var made: Value?
  private var make: (@Sendable () -> Value)?

  init(_ make: @escaping @Sendable () -> Value) {
    self.make = make
  }

  var value: Value {
    lock.withLock {
      if let made { return made }
      let value = make!()
      made = value
      make = nil
      return value
    }
  }
}
