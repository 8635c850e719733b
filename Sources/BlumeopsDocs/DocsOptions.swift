/// The options a docs built-in accepts, read from the task's bound flag values.
struct DocsOptions {
  enum Format: String { case text, json }

  var format = Format.text
  var limit = 15
  var threshold = 180

  /// Reads `format`, `limit` and `threshold`; other keys are ignored. Throws a one-line message.
  init(_ options: [String: String]) throws(DocsOptionError) {
    if let value = options["format"] {
      guard let format = Format(rawValue: value) else {
        throw DocsOptionError(option: "format", value: value, expected: "`text` or `json`")
      }
      self.format = format
    }
    if let value = options["limit"] { limit = try Self.count(value, name: "limit", minimum: 1) }
    if let value = options["threshold"] {
      threshold = try Self.count(value, name: "threshold", minimum: 0)
    }
  }

  private static func count(_ value: String, name: String, minimum: Int) throws(DocsOptionError)
    -> Int
  {
    guard let number = Int(value), number >= minimum else {
      throw DocsOptionError(
        option: name, value: value, expected: "a whole number of at least \(minimum)")
    }
    return number
  }
}

/// A bad option value.
public struct DocsOptionError: Error, Sendable {
  public var option: String
  public var value: String
  public var expected: String

  /// The line to print.
  public var message: String { "invalid value `\(value)` for `\(option)`: expected \(expected)" }
}
