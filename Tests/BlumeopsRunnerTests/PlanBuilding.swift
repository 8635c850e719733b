import BlumeopsCore

@testable import BlumeopsRunner

/// A task whose steps are fake-launcher scripts.
func fakeTask(
  _ name: String, _ scripts: String..., lock: String? = nil, retry: RetryPolicy? = nil,
  timeout: Duration? = nil, environment: [EnvironmentVariable] = [],
  secrets: [SecretRequirement] = []
) -> PlannedTask {
  PlannedTask(
    label: name, name: name, steps: scripts.map { PlannedStep(.shell($0), directory: "/work") },
    directory: "/work", environment: environment, secrets: secrets, timeout: timeout,
    retry: retry, lock: lock)
}

/// A task with the given steps.
func fakeTask(_ name: String, steps: [PlannedStep]) -> PlannedTask {
  PlannedTask(label: name, name: name, steps: steps, directory: "/work")
}

/// A plan of the tasks, node ids in order; `dependencies` and `after` by task name.
func fakePlan(
  _ tasks: [PlannedTask], dependencies: [String: [String]] = [:], after: [String: [String]] = [:],
  root: String = "/work"
) -> Plan {
  let index = Dictionary(uniqueKeysWithValues: tasks.enumerated().map { ($1.name, $0) })
  let nodes = tasks.enumerated().map { offset, task in
    PlanNode(
      id: offset, task: task, dependencies: (dependencies[task.name] ?? []).map { index[$0]! },
      after: (after[task.name] ?? []).map { index[$0]! })
  }
  return Plan(nodes: nodes, roots: Array(nodes.indices), root: root)
}

/// Runs a plan with a fake launcher, output kept in memory, no colour.
func runFake(
  _ plan: Plan, launcher: FakeLauncher = FakeLauncher(), jobs: Int = 4, keepGoing: Bool = false,
  output: OutputMode = .prefix, verbosity: Verbosity = .normal, ci: Bool = false,
  secrets: ResolvedSecrets = ResolvedSecrets(), builtins: (any BuiltinHandler)? = nil,
  configure: (inout ExecutorOptions) -> Void = { _ in }
) async -> (report: RunReport, output: OutputDestination) {
  var options = ExecutorOptions(
    jobs: jobs, keepGoing: keepGoing, output: output, color: false, verbosity: verbosity, ci: ci,
    gracePeriod: .milliseconds(200), environment: ["PATH": "/usr/bin:/bin"])
  configure(&options)
  let destination = OutputDestination.memory()
  let executor = Executor(
    plan: plan, launcher: launcher, builtins: builtins, options: options, secrets: secrets,
    destination: destination)
  return (await executor.run(), destination)
}

extension RunReport {
  /// The state of the node labelled `label`.
  func state(_ label: String) -> Schedule.State? { nodes.first { $0.label == label }?.state }
  func entry(_ label: String) -> Entry? { nodes.first { $0.label == label } }
}
