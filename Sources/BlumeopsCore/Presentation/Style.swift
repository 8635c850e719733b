/// The one colour painter: ANSI SGR codes, applied only when colour is on.
public struct Style: Sendable {
  public let color: Bool

  public init(color: Bool) { self.color = color }

  /// Colours told apart easily on dark and light terminals; red is kept for failures.
  static let palette: [String] = ["36", "35", "33", "32", "34", "96", "95", "93", "92", "94"]

  /// `text` in the SGR `code` (`"33"`, `"1;31"`), or unchanged without colour.
  public func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  public func bold(_ text: String) -> String { paint(text, "1") }
  public func dim(_ text: String) -> String { paint(text, "2") }
  public func green(_ text: String) -> String { paint(text, "32") }
  public func red(_ text: String) -> String { paint(text, "31") }
  public func yellow(_ text: String) -> String { paint(text, "33") }

  /// The colour of the task at `index` in the plan.
  public func task(_ text: String, index: Int) -> String {
    paint(text, Self.palette[index % Self.palette.count])
  }
}
