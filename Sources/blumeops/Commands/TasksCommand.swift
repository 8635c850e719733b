import ArgumentParser
import BlumeopsCore
import BlumeopsRunner

struct TasksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tasks",
    abstract: "List, inspect, graph and validate the project's tasks.",
    discussion: """
      Examples:
        blumeops tasks                     list the tasks
        blumeops tasks --hidden --json     every task, as JSON
        blumeops tasks info tailnet-up     everything about one task
        blumeops tasks deps ci --mermaid   the graph below `ci`, for a Markdown page
        blumeops tasks validate            check all task files; exit 0 when clean
      """,
    subcommands: [
      TasksListCommand.self, TasksInfoCommand.self, TasksDepsCommand.self,
      TasksValidateCommand.self,
    ],
    defaultSubcommand: TasksListCommand.self)
}

struct TasksListCommand: ParsableCommand, ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the tasks: name, aliases, description.")

  @Flag(help: "Include hidden tasks.") var hidden = false
  @Flag(help: "Print JSON.") var json = false

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    try Self.list(context, hidden: hidden, json: json)
  }

  static func list(_ context: Context, hidden: Bool, json: Bool) throws(ReportedErrors) -> Int32 {
    let project = try context.loadValidProject()
    if json {
      Console.out(TaskListing.json(project.catalog, includeHidden: hidden).serialized(indent: 2))
    } else {
      Console.out(TaskListing.text(project.catalog, includeHidden: hidden, color: context.color))
    }
    return 0
  }
}

struct TasksInfoCommand: ParsableCommand, ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "info", abstract: "Everything about one task, with its source location.")

  @Argument(help: "The task.", completion: .custom(TaskCompletion.taskNames))
  var task: String
  @Flag(help: "Print JSON.") var json = false

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    let project = try context.loadValidProject()
    guard let definition = project.catalog.task(named: task) else {
      throw ReportedErrors(
        .unknownTask(task, suggestion: Suggestion.closest(to: task, in: project.catalog.allNames)),
        context: context)
    }
    Console.out(json ? TaskInfo.json(definition).serialized(indent: 2) : TaskInfo.text(definition))
    return 0
  }
}

struct TasksDepsCommand: ParsableCommand, ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "deps", abstract: "The dependency graph: a tree, or DOT, Mermaid or JSON.")

  @Argument(
    help: "Tasks to start from (default: every visible task).",
    completion: .custom(TaskCompletion.taskNames))
  var tasks: [String] = []
  @Flag(help: "Graphviz DOT.") var dot = false
  @Flag(help: "A Mermaid flowchart.") var mermaid = false
  @Flag(help: "JSON.") var json = false

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    let project = try context.loadValidProject()
    var roots: [TaskDefinition] = []
    for name in tasks {
      guard let task = project.catalog.task(named: name) else {
        throw ReportedErrors(
          .unknownTask(
            name, suggestion: Suggestion.closest(to: name, in: project.catalog.allNames)),
          context: context)
      }
      roots.append(task)
    }
    let graph = DependencyGraph(catalog: project.catalog, roots: roots)
    if dot {
      Console.out(graph.dot())
    } else if mermaid {
      Console.out(graph.mermaid())
    } else if json {
      Console.out(graph.json().serialized(indent: 2))
    } else {
      Console.out(graph.tree())
    }
    return 0
  }
}

struct TasksValidateCommand: ParsableCommand, ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate", abstract: "Check all task files; exit 0 only when clean.")

  @Flag(help: "Print JSON.") var json = false

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    let project: Project
    do {
      project = try context.loadProject()
    } catch {
      throw ReportedErrors(error, context: context)
    }
    let warnings = ShadowCheck.warnings(project.catalog)
    if json {
      Console.out(
        ValidationReport.json(
          tasks: project.catalog.tasks.count, errors: project.errors, warnings: warnings
        ).serialized(indent: 2))
      return project.errors.isEmpty ? 0 : 2
    }
    let renderer = context.renderer(
      sources: project.catalog.sources, root: project.directory.root)
    for warning in warnings { Console.error(renderer.render(warning, severity: "warning")) }
    guard project.errors.isEmpty else {
      return ReportedErrors(errors: project.errors, renderer: renderer).report()
    }
    let files = Set(project.catalog.tasks.map(\.location.file)).count
    Console.out("ok: \(project.catalog.tasks.count) tasks in \(files) file\(files == 1 ? "" : "s")")
    return 0
  }
}

/// Task names that a subcommand hides: they can only be run with `blumeops run <task>`.
enum ShadowCheck {
  static let subcommands = BlumeopsCommand.subcommands.keys.sorted() + ["help"]

  static func warnings(_ catalog: TaskCatalog) -> [BlumeopsError] {
    catalog.tasks.flatMap { task in
      task.names.filter(subcommands.contains).map { name in
        .shadowedTask(task.name, command: name, at: task.location)
      }
    }
  }
}
