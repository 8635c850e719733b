import BlumeopsCore

/// One problem a docs check found, with the data its kind carries.
public struct DocsFinding: Sendable, Equatable {
  public enum Kind: String, Sendable {
    case spaced, path, ambiguous, broken, orphan
    case missingFromIndex = "missing-from-index"
    case missingIndex = "missing-index"
    case duplicateStem = "duplicate-stem"
    case missingField = "missing-field"
    case misplacedField = "misplaced-field"
    case invalidFrontmatter = "invalid-frontmatter"
    case invalidUTF8 = "invalid-utf8"
  }

  public var kind: Kind
  /// The doc's path relative to `docs/`.
  public var path: String
  public var line: Int?
  /// Link findings: the raw target text.
  public var target: String?
  /// The link as written, for messages.
  public var written: String?
  /// `ambiguous`: every doc path with that stem (relative to `docs/`).
  public var candidates: [String]?
  /// `broken`: the closest stem, if one is close.
  public var suggestion: String?
  public var stem: String?
  /// `duplicate-stem`: every doc path with that stem (relative to `docs/`).
  public var paths: [String]?
  public var fields: [String]?
  /// `missing-from-index`: the index card's path (relative to `docs/`).
  public var index: String?
  /// `invalid-frontmatter`: the YAML reader's message.
  public var error: String?

  public init(_ kind: Kind, path: String, line: Int? = nil) {
    self.kind = kind
    self.path = path
    self.line = line
  }

  /// The stable JSON object; paths are relative to `docs/`, as everywhere in the toolkit.
  public var json: JSONValue {
    var fields: [(String, JSONValue)] = [
      ("kind", .string(kind.rawValue)),
      ("path", .string(path)),
      ("line", line.map(JSONValue.number) ?? .null),
    ]
    if let target { fields.append(("target", .string(target))) }
    if let candidates {
      fields.append(("candidates", .array(candidates.map(JSONValue.string))))
    }
    if kind == .broken { fields.append(("suggestion", .optional(suggestion))) }
    if let stem { fields.append(("stem", .string(stem))) }
    if let paths { fields.append(("paths", .array(paths.map(JSONValue.string)))) }
    if let names = self.fields { fields.append(("fields", .array(names.map(JSONValue.string)))) }
    if let index { fields.append(("index", .string(index))) }
    if let error { fields.append(("error", .string(error))) }
    fields.append(("message", .string(message)))
    return .object(fields)
  }

  /// `path:line: message`, without the line where none applies.
  public var textLine: String {
    path + (line.map { ":\($0)" } ?? "") + ": " + message
  }
}
