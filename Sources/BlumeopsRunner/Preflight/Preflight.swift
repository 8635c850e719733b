import BlumeopsCore

/// Checks a plan before anything runs: directories, required tools and versions, preconditions.
/// Every problem is collected, so the user sees them all at once.
public struct Preflight: Sendable {
  let launcher: any ProcessLauncher
  let environment: [String: String]

  public init(launcher: any ProcessLauncher, environment: [String: String]) {
    self.launcher = launcher
    self.environment = environment
  }

  public func check(_ plan: Plan, catalog: TaskCatalog) async -> [BlumeopsError] {
    var problems: [BlumeopsError] = []
    let tasks = plan.nodes.flatMap { Self.allTasks($0.task) }
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
    for task in tasks {
      checkDirectory(task.directory, of: task)
      for step in task.steps { checkDirectory(step.directory, of: task) }
      if definitions[task.name] == nil, let definition = catalog.task(named: task.name) {
        definitions[task.name] = definition
        order.append(definition)
      }
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
    for task in tasks {
      guard let definition = definitions[task.name], !definition.preconditions.isEmpty,
        reported.insert("precondition\u{0}\(task.label)").inserted
      else { continue }
      for precondition in definition.preconditions where !(await holds(precondition, in: task)) {
        problems.append(
          .preconditionFailed(
            task: task.name, message: precondition.message, command: precondition.command))
      }
    }
    return problems
  }

  /// Runs a precondition in the task's directory with its environment.
  public func holds(_ precondition: Precondition, in task: PlannedTask) async -> Bool {
    var environment = self.environment
    for variable in task.environment { environment[variable.name] = variable.value }
    let argv = ExecutableLocator.shellArguments(
      for: precondition.command, path: environment["PATH"], directory: task.directory)
    let directory = FileSystem.isDirectory(task.directory) ? task.directory : "/"
    guard
      let output = try? await launcher.capture(
        argv: argv, directory: directory, environment: environment)
    else { return false }
    return output.status.isSuccess
  }

  /// A task with the sub-tasks its steps run inline.
  static func allTasks(_ task: PlannedTask) -> [PlannedTask] {
    [task]
      + task.steps.flatMap { step -> [PlannedTask] in
        if case .task(let sub) = step.action { return allTasks(sub) }
        return []
      }
  }

  static func relative(_ path: String, _ root: String) -> String {
    path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }
}
