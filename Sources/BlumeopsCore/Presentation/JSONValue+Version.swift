extension JSONValue {
  /// The format version every JSON output carries first, as `"version": 1`. It changes only when
  /// a field is removed or changes meaning; new fields may appear within a version.
  public static let outputVersion = 1

  /// A JSON output: `"version"` first, then `fields`.
  public static func document(_ fields: [(String, JSONValue)]) -> JSONValue {
    .object([("version", .number(outputVersion))] + fields)
  }

  /// This object as a JSON output (`"version"` first); any other value is returned as it is.
  public var versioned: JSONValue {
    guard case .object(let fields) = self else { return self }
    return .document(fields)
  }

  /// A source location as `{"file", "line", "column"}` (1-based, as error messages show them).
  public static func location(_ location: SourceLocation?) -> JSONValue {
    guard let location else { return .null }
    return .object([
      ("file", .string(location.file)), ("line", .number(location.position.line)),
      ("column", .number(location.position.column)),
    ])
  }
}
