/// Names every dialogue can read without defining them, and that no answer or computed value may
/// take: `today`, `now` and the facilitator's parking lot. The checker knows their types from here; the
/// engine gives their values.
///
///     BuiltInNames.types["today"]  // .date
public enum BuiltInNames {
  public static let today = "today"
  /// The current day and time, to the minute, in the session's time zone.
  public static let now = "now"
  /// The topics parked with `/park`: a list; in text, one Markdown bullet per topic.
  public static let parkingLot = "parking_lot"

  public static let types: [String: ValueType] = [
    today: .date, now: .moment, parkingLot: .list,
  ]
}
