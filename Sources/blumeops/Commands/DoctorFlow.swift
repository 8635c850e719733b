import BlumeopsCore
import BlumeopsRunner

/// `blumeops doctor [task…]`: the tools every (or each named) task needs, their versions, and
/// the preconditions — checked, never run beyond that.
struct DoctorFlow {
  let context: Context

  func run(_ names: [String]) async throws(ReportedErrors) -> Int32 {
    let project = try context.loadValidProject()
    var tasks: [TaskDefinition] = []
    for name in names {
      guard let task = project.catalog.task(named: name) else {
        throw ReportedErrors(
          .unknownTask(
            name, suggestion: Suggestion.closest(to: name, in: project.catalog.allNames)),
          context: context)
      }
      tasks.append(task)
    }
    if tasks.isEmpty { tasks = project.catalog.tasks }
    let root = project.directory.root
    let launcher = SystemLauncher()
    let requirements = tasks.flatMap { task in
      task.requires.map { (task: task.name, requirement: $0) }
    }
    let tools = requirements.map(\.requirement.tool)
    let statuses = await ToolProbe(launcher: launcher, environment: context.environment, root: root)
      .probe(tools, needsVersion: Set(tools))
    var healthy = true
    var table = TextTable(headers: ["TOOL", "REQUIRED", "FOUND", "PATH", "NEEDED BY"])
    var seen: Set<String> = []
    for tool in tools where seen.insert(tool).inserted {
      let status = statuses[tool]!
      let uses = requirements.filter { $0.requirement.tool == tool }
      let constraints = Set(uses.compactMap(\.requirement.constraint))
      let satisfied =
        status.path != nil
        && constraints.allSatisfy { constraint in
          status.version.map(constraint.isSatisfied) ?? false
        }
      healthy = healthy && satisfied
      table.add([
        (satisfied ? "ok   " : "FAIL ") + tool,
        constraints.isEmpty
          ? "any" : constraints.map(\.description).sorted().joined(separator: ", "),
        status.path == nil ? "missing" : status.versionDescription,
        status.path ?? "-",
        uses.map(\.task).joined(separator: ", "),
      ])
    }
    Console.out(
      table.rows.isEmpty
        ? "no task requires a tool"
        : table.lines(style: Style(color: false)).joined(separator: "\n"))
    let checks = tasks.flatMap { task in task.preconditions.map { (task, $0) } }
    if !checks.isEmpty {
      Console.out("\npreconditions:")
      let preflight = Preflight(launcher: launcher, environment: context.environment)
      for (task, precondition) in checks {
        let directory = FileSystem.absolute(task.directory ?? ".", from: root)
        let planned = PlannedTask(
          label: task.name, name: task.name, steps: [], directory: directory,
          environment: task.environment + [EnvironmentVariable("BLUMEOPS_ROOT", root)])
        let outcome = await preflight.check(precondition, in: planned)
        healthy = healthy && outcome == .holds
        let mark = outcome == .holds ? "ok  " : "FAIL"
        let timedOut = outcome == .timedOut ? " (timed out)" : ""
        Console.out("  \(mark) \(task.name): \(precondition.message)\(timedOut)")
      }
    }
    Console.out(healthy ? "\nall checks passed" : "\nsome checks failed")
    return healthy ? 0 : 3
  }
}

/// Aligned columns, two spaces apart.
