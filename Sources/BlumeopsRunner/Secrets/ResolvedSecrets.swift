import BlumeopsCore

/// Secret values resolved before a run: the variables of each task, and everything to mask.
public struct ResolvedSecrets: Sendable {
  /// The variables of each task, by task label; given only to that task's processes.
  public var variables: [String: [EnvironmentVariable]]
  /// Every value, for the masker.
  public var values: [String]

  public init(variables: [String: [EnvironmentVariable]] = [:], values: [String] = []) {
    self.variables = variables
    self.values = values
  }

  /// The variables of the task with this label.
  public func variables(for label: String) -> [EnvironmentVariable] { variables[label] ?? [] }
}
