/// A secret that none of its sources could provide; nothing runs (exit 3).
public struct SecretError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Label of the task that needs it.
  public var task: String
  /// The environment variable it was to fill.
  public var variable: String
  /// Each source tried, in order, with why it gave nothing.
  public var attempts: [(source: String, reason: String)]

  public init(task: String, variable: String, attempts: [(source: String, reason: String)]) {
    self.task = task
    self.variable = variable
    self.attempts = attempts
  }

  /// The sources tried, for `BlumeopsError.secretUnavailable(source:)`.
  public var source: String { attempts.map(\.source).joined(separator: ", ") }

  /// Why each failed, for `BlumeopsError.secretUnavailable(reason:)`.
  public var reason: String { attempts.map(\.reason).joined(separator: "; ") }

  public var description: String {
    "cannot resolve secret `\(variable)` of task `\(task)` from \(source): \(reason)"
  }

  public static func == (lhs: SecretError, rhs: SecretError) -> Bool {
    lhs.task == rhs.task && lhs.variable == rhs.variable && lhs.source == rhs.source
      && lhs.reason == rhs.reason
  }
}
