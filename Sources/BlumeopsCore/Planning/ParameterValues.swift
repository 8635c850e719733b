/// A task's parameters with values bound: every declared argument and flag, in declaration order.
public struct ParameterValues: Sendable, Hashable {
  /// Values by parameter name; a variadic argument may hold several, an absent optional none.
  public var values: [String: [String]] = [:]
  /// Declared names, arguments first, then flags.
  public var order: [String] = []
  /// What was given explicitly, in a canonical form: used for labels and run-once identity.
  public var explicit: [String] = []

  public init() {}

  public subscript(name: String) -> [String]? { values[name] }

  /// `usage_<name>` variables, the names mise file tasks use.
  public var usageEnvironment: [EnvironmentVariable] {
    order.compactMap { name in
      guard let list = values[name], !list.isEmpty else { return nil }
      return EnvironmentVariable(
        "usage_" + Self.underscored(name), list.joined(separator: " "))
    }
  }

  /// `name` with each `-` as `_`, byte by byte: the generic `replacing` first instantiated the
  /// string-processing types at run time, on every run.
  static func underscored(_ name: String) -> String {
    String(
      decoding: name.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
  }

  /// Values as options for a built-in: each parameter's values joined by spaces.
  public var options: [String: String] {
    var result = [String: String](minimumCapacity: values.count)
    for (name, list) in values where !list.isEmpty { result[name] = list.joined(separator: " ") }
    return result
  }
}
