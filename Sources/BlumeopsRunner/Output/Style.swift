/// ANSI styling, applied only when colour is on.
struct Style: Sendable {
  let color: Bool

  /// Colours told apart easily on dark and light terminals; red is kept for failures.
  static let palette: [String] = ["36", "35", "33", "32", "34", "96", "95", "93", "92", "94"]

  func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  func bold(_ text: String) -> String { paint(text, "1") }
  func dim(_ text: String) -> String { paint(text, "2") }
  func green(_ text: String) -> String { paint(text, "32") }
  func red(_ text: String) -> String { paint(text, "31") }
  func yellow(_ text: String) -> String { paint(text, "33") }

  /// The colour of the task at `index` in the plan.
  func task(_ text: String, index: Int) -> String {
    paint(text, Self.palette[index % Self.palette.count])
  }
}

extension Duration {
  /// `0.4s`, `12.3s`, `2m05s`, `1h02m`: short, for announcements and the summary.
  var brief: String {
    let (seconds, attoseconds) = components
    let tenths = Int64(seconds) * 10 + attoseconds / 100_000_000_000_000_000
    if tenths < 600 { return "\(tenths / 10).\(tenths % 10)s" }
    let whole = seconds
    if whole < 3600 { return "\(whole / 60)m\(twoDigits(whole % 60))s" }
    return "\(whole / 3600)h\(twoDigits(whole % 3600 / 60))m"
  }

  private func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
