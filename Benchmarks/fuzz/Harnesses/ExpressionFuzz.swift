import CoachKit

/// libFuzzer entry point: the bytes are an expression. Parses it, type-checks it against a fixed
/// set of names, and evaluates it with values for them, as a dialogue's formulas are.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let source = String(decoding: bytes, as: UTF8.self)
  guard let expression = try? Expression.parse(source) else { return 0 }
  _ = expression.names
  let types: [String: ValueType] = [
    "n": .number, "t": .text, "b": .bool, "l": .list, "d": .date, "today": .date,
  ]
  _ = try? expression.typeCheck(types: types)
  // Evaluated whether or not it type-checks: evaluation must never trap.
  let values: [String: Value] = [
    "n": .number(3.5), "t": .text("team"), "b": .bool(true), "l": .list(["a", "b"]),
    "d": .date(Day(year: 2026, month: 11, day: 29)!),
    "today": .date(Day(year: 2026, month: 2, day: 28)!),
  ]
  _ = expression.evaluate({ values[$0] ?? .none }, labels: { _, value in value.uppercased() })
  return 0
}
