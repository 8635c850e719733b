/// The keys of each mapping in a task file: what the loader accepts (`NodeReader.checkKeys`) and
/// what `blumeops schema` describes, from this one table, so the two cannot drift.
public struct TaskFileKey: Sendable {
  public let name: String
  public let value: TaskFileValue
  public let description: String

  init(_ name: String, _ value: TaskFileValue, _ description: String) {
    self.name = name
    self.value = value
    self.description = description
  }
}

/// What a key's value may be, as the interpreters read it (scalars keep their source text).
public indirect enum TaskFileValue: Sendable {
  /// Any scalar, read as its text; empty (null) where the key may be left blank.
  case text
  /// Nothing (a key written with no value).
  case empty
  /// A scalar that is not empty: a command, a name.
  case command
  /// `true` or `false` (also `yes`/`no`, `on`/`off`).
  case bool
  /// A whole number of at least `minimum`.
  case integer(minimum: Int?)
  /// A finite number of at least `minimum`.
  case number(minimum: Int)
  /// `90s`, `10m`, `1h30m`; zero only where `allowsZero`.
  case duration(allowsZero: Bool)
  /// One of these words.
  case choice([String])
  /// A text, or a list of texts.
  case texts
  /// A mapping of variable names to scalar values.
  case environment
  /// A scalar matching a pattern (a JSON Schema regular expression), described in `expected`.
  case pattern(String, expected: String)
  /// One of several forms.
  case either([TaskFileValue])
  /// A list of one form; `minimum` items at least.
  case list(TaskFileValue, minimum: Int)
  /// A mapping of names (matching `names`, a pattern, when given) to one form.
  case map(TaskFileValue, names: String?)
  /// A mapping described by one of the `TaskFileKeys` sections.
  case section(String)
}

/// A mapping of the task file format: its keys and the rules between them.
public struct TaskFileSection: Sendable {
  public let name: String
  public let description: String
  public let keys: [TaskFileKey]
  /// Keys of which exactly one must be present.
  public let exactlyOne: [String]
  /// Keys of which at least one must be present.
  public let atLeastOne: [String]
  /// Keys that must always be present.
  public let required: [String]
  /// A key that may appear only with at least one of others: (key, needs).
  public let needs: [(key: String, needs: [String])]
  /// A boolean key that, when true, needs another key.
  public let trueNeeds: [(key: String, needs: String)]
  /// Keys that may not appear together.
  public let conflicts: [[String]]

  init(
    _ name: String, _ description: String, keys: [TaskFileKey], required: [String] = [],
    exactlyOne: [String] = [], atLeastOne: [String] = [], needs: [(String, [String])] = [],
    trueNeeds: [(String, String)] = [], conflicts: [[String]] = []
  ) {
    self.name = name
    self.description = description
    self.keys = keys
    self.required = required
    self.exactlyOne = exactlyOne
    self.atLeastOne = atLeastOne
    self.needs = needs.map { (key: $0.0, needs: $0.1) }
    self.trueNeeds = trueNeeds.map { (key: $0.0, needs: $0.1) }
    self.conflicts = conflicts
  }

  /// The key names, in table order.
  public var names: [String] { keys.map(\.name) }
}
