/// The one duration formatter.
extension Duration {
  /// `0.4s`, `12.3s`, `2m05s`, `1h02m`: short, for announcements, summaries and the history.
  public var brief: String {
    let (seconds, attoseconds) = components
    let tenths = Int64(seconds) * 10 + attoseconds / 100_000_000_000_000_000
    if tenths < 600 { return "\(tenths / 10).\(tenths % 10)s" }
    let whole = seconds
    if whole < 3600 { return "\(whole / 60)m\(Self.twoDigits(whole % 60))s" }
    return "\(whole / 3600)h\(Self.twoDigits(whole % 3600 / 60))m"
  }

  /// A configured duration as a task file would write it: `30s`, `1.5s`.
  public var written: String {
    let value = seconds
    return value == value.rounded() ? "\(Int(value))s" : "\(value)s"
  }

  private static func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
