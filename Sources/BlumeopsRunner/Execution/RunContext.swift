import BlumeopsCore

/// Says whether a task's outputs are current (`sources`/`outputs`), so it can be skipped.
public protocol UpToDateCheck: Sendable {
  /// True when the task can be skipped as up to date.
  func isUpToDate(_ task: PlannedTask) -> Bool
  /// Called after the task succeeded.
  func recordSuccess(_ task: PlannedTask)
}

/// What every task of a run shares: where it runs, with what, and where output goes.
struct RunContext: Sendable {
  let root: String
  let launcher: any ProcessLauncher
  let builtins: (any BuiltinHandler)?
  let options: ExecutorOptions
  let secrets: ResolvedSecrets
  let output: OutputCoordinator
  let masker: Masker

  /// The environment of a task's processes before step-level additions.
  func environment(for task: PlannedTask) -> [String: String] {
    ProcessEnvironment.merged(
      options.environment, [EnvironmentVariable("BLUMEOPS_ROOT", root)], task.environment,
      secrets.variables(for: task.label))
  }

  /// How a step's process meets the terminal.
  func terminal(interactive: Bool, capturing: Bool) -> LaunchRequest.Terminal {
    if interactive && !capturing && options.interactiveTerminal { return .relayed }
    // Straight to the terminal only when nothing could need masking or logging.
    if options.terminalPassThrough, options.output == .interleave, !options.ci, !capturing,
      masker.isEmpty, options.logDirectory == nil
    {
      return .passThrough
    }
    return .piped
  }
}
