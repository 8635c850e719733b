import BlumeopsCore

/// Resolves the secrets of a plan's tasks before the run: each distinct source once, the sources
/// of a secret tried in order. Values never appear on a command line: `op read` gets only the
/// reference, and the value comes back on its stdout.
public struct SecretResolver: Sendable {
  let launcher: any ProcessLauncher
  let environment: [String: String]
  let directory: String

  /// `environment` serves `env:` sources and is what `op` runs with, in `directory`.
  public init(launcher: any ProcessLauncher, environment: [String: String], directory: String) {
    self.launcher = launcher
    self.environment = environment
    self.directory = directory
  }

  /// The values for every task of the plan (sub-tasks included), or the first secret that
  /// could not be resolved.
  public func resolve(_ plan: Plan) async throws(SecretError) -> ResolvedSecrets {
    var cache: [SecretSource: Result<String, SourceFailure>] = [:]
    var resolved = ResolvedSecrets()
    for task in Self.tasks(of: plan) where resolved.variables[task.label] == nil {
      var variables: [EnvironmentVariable] = []
      for requirement in task.secrets {
        var attempts: [(source: String, reason: String)] = []
        var value: String?
        for source in requirement.sources {
          if cache[source] == nil { cache[source] = await read(source) }
          switch cache[source]! {
          case .success(let found): value = found
          case .failure(let failure): attempts.append((source.description, failure.reason))
          }
          if value != nil { break }
        }
        guard let value else {
          throw SecretError(task: task.label, variable: requirement.variable, attempts: attempts)
        }
        variables.append(EnvironmentVariable(requirement.variable, value))
        if !resolved.values.contains(value) { resolved.values.append(value) }
      }
      resolved.variables[task.label] = variables
    }
    return resolved
  }

  struct SourceFailure: Error {
    var reason: String
  }

  private func read(_ source: SecretSource) async -> Result<String, SourceFailure> {
    switch source {
    case .environment(let name):
      guard let value = environment[name] else {
        return .failure(.init(reason: "`\(name)` is not set"))
      }
      return value.isEmpty ? .failure(.init(reason: "`\(name)` is empty")) : .success(value)
    case .onePassword(let reference):
      let output: CapturedOutput
      do {
        output = try await launcher.capture(
          argv: ["op", "read", "--no-newline", reference], directory: directory,
          environment: environment)
      } catch .executableNotFound {
        return .failure(.init(reason: "the 1Password CLI `op` is not installed"))
      } catch {
        return .failure(.init(reason: "\(error)"))
      }
      guard output.status.isSuccess else {
        let message = output.standardError.split(separator: "\n").first.map(String.init)
        return .failure(
          .init(reason: "`op read` \(output.status)" + (message.map { ": \($0)" } ?? "")))
      }
      guard !output.standardOutput.isEmpty else {
        return .failure(.init(reason: "the field is empty"))
      }
      return .success(output.standardOutput)
    }
  }

  /// Every task the plan runs, sub-tasks included, each label once.
  static func tasks(of plan: Plan) -> [PlannedTask] {
    var result: [PlannedTask] = []
    var seen: Set<String> = []
    func visit(_ task: PlannedTask) {
      guard seen.insert(task.label).inserted else { return }
      result.append(task)
      for step in task.steps {
        if case .task(let subtask) = step.action { visit(subtask) }
      }
    }
    for node in plan.nodes { visit(node.task) }
    return result
  }
}
