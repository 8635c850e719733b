import ArgumentParser
import BlumeopsCore

/// `blumeops export actions|argo TASK`: a task's plan as another engine's workflow.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Print a task's plan as a Forgejo/GitHub Actions or Argo Workflows workflow.",
    discussion: """
      Each task of the plan becomes a job (Actions) or a DAG task (Argo)
      that runs `blumeops --only TASK` in a checkout of the repository,
      with the plan's edges between them. `--group NAME=TASK,...` makes
      one job of several tasks. Secrets stay references, resolved by
      blumeops where each step runs.

      Examples:
        blumeops export actions ci > .forgejo/workflows/ci-dag.yaml
        blumeops export actions --group checks='*-check' ci
        blumeops export argo --image zot.ops.eblu.me/blumeops:1.4 ci | argo submit -
      """,
    subcommands: [ExportActionsCommand.self, ExportArgoCommand.self])
}

/// `--group`, the same for every engine.
struct ExportGrouping: ParsableArguments {
  @Option(
    name: .customLong("group"),
    help: ArgumentHelp(
      "Run these tasks as one job: names, labels or patterns such as '*-check'. Repeatable.",
      valueName: "name=task,..."))
  var texts: [String] = []

  func groups(_ context: Context) throws(ReportedErrors) -> [ExportGroup] {
    do {
      return try texts.map { text throws(BlumeopsError) in try ExportGroup(parsing: text) }
    } catch {
      throw ReportedErrors(error, context: context)
    }
  }
}

/// The task to export and its own words, after the export's options.
struct ExportedTask: ParsableArguments {
  @Argument(
    parsing: .captureForPassthrough,
    help: ArgumentHelp("The task, then its own arguments and flags.", valueName: "task"),
    completion: .custom(TaskCompletion.taskWords))
  var words: [String] = []

  /// The plan of the task, as a run would make it.
  func plan(_ context: Context) throws(ReportedErrors) -> Plan {
    guard !words.isEmpty else {
      throw ReportedErrors(
        .usage("name the task to export: `blumeops export actions|argo <task>`"), context: context)
    }
    let project = try context.loadValidProject()
    var planner = Planner(
      catalog: project.catalog, root: project.directory.root, environment: context.environment)
    do {
      return try planner.plan([RunFlow.invocation(words[...])])
    } catch {
      throw ReportedErrors(
        RunFlow.commandLineHint(for: error), context: context, sources: project.catalog.sources,
        root: project.directory.root)
    }
  }

  /// The command line that made an export, for its header comment.
  static func commandLine(_ context: Context) -> String {
    (["blumeops"] + context.arguments).joined(separator: " ")
  }
}

struct ExportActionsCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "actions",
    abstract: "A Forgejo/GitHub Actions workflow: one job per task, `needs:` as the edges.")

  @Option(help: ArgumentHelp("The runner label of every job.", valueName: "label"))
  var runsOn = "ubuntu-latest"
  @Option(
    help: ArgumentHelp(
      "A shell command each job runs before its task, to install blumeops say. Repeatable.",
      valueName: "command"))
  var setup: [String] = []
  @OptionGroup var grouping: ExportGrouping
  @OptionGroup var task: ExportedTask

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    let workflow = ActionsWorkflow(
      plan: try task.plan(context), command: ExportedTask.commandLine(context),
      name: "blumeops " + task.words.joined(separator: " "), runsOn: runsOn, setup: setup,
      groups: try grouping.groups(context))
    do {
      Console.out(try workflow.yaml())
    } catch {
      throw ReportedErrors(error, context: context)
    }
    return 0
  }
}

struct ExportArgoCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "argo",
    abstract: "An Argo Workflows Workflow: a `dag` template, `dependencies` as the edges.")

  @Option(help: ArgumentHelp("The container image that has blumeops.", valueName: "image"))
  var image = "blumeops:latest"
  @Option(
    help: ArgumentHelp(
      "The repository to check out (default: given at submission, `-p repo=URL`).",
      valueName: "url"))
  var repo: String?
  @Option(help: ArgumentHelp("The revision to check out.", valueName: "revision"))
  var revision = "HEAD"
  @Option(
    help: ArgumentHelp(
      "The Kubernetes secret the tasks' secret variables may come from.", valueName: "name"))
  var secret = "blumeops"
  @OptionGroup var grouping: ExportGrouping
  @OptionGroup var task: ExportedTask

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    let workflow = ArgoWorkflow(
      plan: try task.plan(context), command: ExportedTask.commandLine(context),
      image: image, repository: repo, revision: revision, secretName: secret,
      groups: try grouping.groups(context))
    do {
      Console.out(try workflow.yaml())
    } catch {
      throw ReportedErrors(error, context: context)
    }
    return 0
  }
}
