import BlumeopsCore

/// Checks a plan before anything runs: directories, required tools and versions, preconditions.
/// Every problem is collected, so the user sees them all at once.
///
/// Each precondition runs in a process group of its own, within its timeout; a signal that ends
/// blumeops meanwhile stops it (see `SystemLauncher.stopEveryChild`).
public struct Preflight: Sendable {
  /// How a precondition's check ended.
  public enum Outcome: Sendable, Hashable {
    case holds, fails, timedOut
  }

  let launcher: any ProcessLauncher
  let environment: [String: String]
  /// False for a dry run, which starts no command of the task files (tool versions are probed).
  let runsPreconditions: Bool

  public init(
    launcher: any ProcessLauncher, environment: [String: String], runsPreconditions: Bool = true
  ) {
    self.launcher = launcher
    self.environment = environment
    self.runsPreconditions = runsPreconditions
  }

  public func check(_ plan: Plan, catalog: TaskCatalog) async -> [BlumeopsError] {
    var problems: [BlumeopsError] = []
    var seenDirectories: Set<String> = []
    func checkDirectory(_ directory: String, of task: PlannedTask) {
      guard seenDirectories.insert(directory).inserted, !FileSystem.isDirectory(directory) else {
        return
      }
      problems.append(
        .missingDirectory(task: task.name, path: Self.relative(directory, plan.root)))
    }
    // One definition per task name: a 10,000-task plan names each task once or more.
    var definitions: [String: TaskDefinition] = [:]
    var order: [TaskDefinition] = []
    // Tasks are visited in place: copying 10,000 planned tasks into an array cost more than
    // checking them.
    var withPreconditions: [PlannedTask] = []
    func visit(_ task: PlannedTask) {
      checkDirectory(task.directory, of: task)
      for step in task.steps { checkDirectory(step.directory, of: task) }
      var definition = definitions[task.name]
      if definition == nil, let found = catalog.task(named: task.name) {
        definitions[task.name] = found
        order.append(found)
        definition = found
      }
      if runsPreconditions, definition?.preconditions.isEmpty == false {
        withPreconditions.append(task)
      }
      // Then the sub-tasks its steps run inline, in step order.
      for step in task.steps {
        if case .task(let sub) = step.action { visit(sub) }
      }
    }
    plan.nodes.withUnsafeBufferPointer { nodes in
      for index in nodes.indices { visit(nodes[index].task) }
    }
    let requirements = order.flatMap { task in task.requires.map { (task.name, $0) } }
    let probe = ToolProbe(launcher: launcher, environment: environment, root: plan.root)
    let statuses = await probe.probe(
      requirements.map(\.1.tool),
      needsVersion: Set(requirements.filter { $0.1.constraint != nil }.map(\.1.tool)))
    var reported: Set<String> = []
    for (task, requirement) in requirements {
      guard let status = statuses[requirement.tool],
        reported.insert("\(task)\u{0}\(requirement.tool)").inserted
      else { continue }
      if status.path == nil {
        problems.append(.missingTool(tool: requirement.tool, task: task))
      } else if let constraint = requirement.constraint {
        if let version = status.version, constraint.isSatisfied(by: version) { continue }
        problems.append(
          .toolTooOld(
            tool: requirement.tool, found: status.versionDescription,
            required: constraint.description, task: task))
      }
    }
    for task in withPreconditions {
      guard let definition = definitions[task.name],
        reported.insert("precondition\u{0}\(task.label)").inserted
      else { continue }
      for precondition in definition.preconditions {
        switch await check(precondition, in: task) {
        case .holds: continue
        case .fails:
          problems.append(
            .preconditionFailed(
              task: task.name, message: precondition.message, command: precondition.command))
        case .timedOut:
          problems.append(
            .preconditionTimedOut(
              task: task.name, message: precondition.message, command: precondition.command,
              after: precondition.timeout))
        }
      }
    }
    return problems
  }

  /// Runs a precondition in the task's directory with its environment, within its timeout.
  public func check(_ precondition: Precondition, in task: PlannedTask) async -> Outcome {
    var environment = self.environment
    for variable in task.environment { environment[variable.name] = variable.value }
    let argv = ExecutableLocator.command(
      for: precondition.command, path: environment["PATH"], directory: task.directory
    ).argv
    let directory = FileSystem.isDirectory(task.directory) ? task.directory : "/"
    let request = LaunchRequest(
      argv: argv, directory: directory, environment: environment, timeout: precondition.timeout,
      gracePeriod: .seconds(1))
    // Its output is not shown: the message says what failed.
    guard
      let result = try? await launcher.launch(
        request, control: ProcessControl(), output: { _, _ in })
    else { return .fails }
    if result.timedOut { return .timedOut }
    return result.isSuccess ? .holds : .fails
  }

  static func relative(_ path: String, _ root: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }
}
