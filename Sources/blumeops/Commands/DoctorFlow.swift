import BlumeopsCore
import BlumeopsRunner

/// `blumeops doctor [task…]`: the tools and preconditions of every task, or of the named tasks
/// and all they would run — checked, never run beyond that. Only what is checked can fail it.
struct DoctorFlow {
  let context: Context

  func run(_ names: [String], json: Bool) async throws(ReportedErrors) -> Int32 {
    let project = try context.loadValidProject()
    var named: [TaskDefinition] = []
    for name in names {
      guard let task = project.catalog.task(named: name) else {
        throw ReportedErrors(
          .unknownTask(
            name, suggestion: Suggestion.closest(to: name, in: project.catalog.allNames)),
          context: context)
      }
      named.append(task)
    }
    let tasks = named.isEmpty ? project.catalog.tasks : Self.closure(named, in: project.catalog)
    let root = project.directory.root
    let launcher = SystemLauncher()
    let requirements = tasks.flatMap { task in
      task.requires.map { (task: task.name, requirement: $0) }
    }
    var tools: [String] = []
    for use in requirements where !tools.contains(use.requirement.tool) {
      tools.append(use.requirement.tool)
    }
    let statuses = await ToolProbe(launcher: launcher, environment: context.environment, root: root)
      .probe(tools, needsVersion: Set(tools))
    var report = DoctorReport()
    for tool in tools {
      report.add(statuses[tool]!, requirements: requirements.filter { $0.requirement.tool == tool })
    }
    let preflight = Preflight(launcher: launcher, environment: context.environment)
    for task in tasks {
      for precondition in task.preconditions {
        let directory = FileSystem.absolute(task.directory ?? ".", from: root)
        let planned = PlannedTask(
          label: task.name, name: task.name, steps: [], directory: directory,
          environment: task.environment + [EnvironmentVariable("BLUMEOPS_ROOT", root)])
        let outcome = await preflight.check(precondition, in: planned)
        report.checks.append(
          DoctorReport.Check(task: task.name, precondition: precondition, ok: outcome == .holds))
      }
    }
    Console.out(json ? report.json().serialized(indent: 2) : report.text())
    return report.ok ? 0 : 3
  }

  /// The named tasks and every task they would run: dependencies, post-tasks and `task` steps.
  static func closure(_ named: [TaskDefinition], in catalog: TaskCatalog) -> [TaskDefinition] {
    var result: [TaskDefinition] = []
    var seen: Set<String> = []
    var pending = named
    while !pending.isEmpty {
      let task = pending.removeFirst()
      guard seen.insert(task.name).inserted else { continue }
      result.append(task)
      let steps = task.steps + (task.preview ?? [])
      let called = steps.compactMap { step -> TaskReference? in
        if case .task(let reference) = step.action { return reference }
        return nil
      }
      for reference in task.depends + task.dependsPost + called {
        if let next = catalog.task(named: reference.name) { pending.append(next) }
      }
    }
    return result
  }
}
