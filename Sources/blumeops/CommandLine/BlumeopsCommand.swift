import ArgumentParser
import BlumeopsCore

/// The whole command line, declared once: `--help`, the completion scripts and the parsing of
/// each subcommand come from here. A task's own arguments are the task's (`blumeops <task>
/// --help`), read by the planner.
struct BlumeopsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blumeops",
    abstract: "The BlumeOps task runner.",
    usage: """
      blumeops [options] <task> [task args and flags] [-- pass-through]
      blumeops [options] <subcommand>
      blumeops <task> --help
      """,
    discussion: """
      Runner options go before the task name or subcommand.

      Exit codes:
        0    success
        N    a task failed: the exit status of its failed step
        124  a task timed out
        130  interrupted (SIGINT); 143 terminated (SIGTERM)
        2    invalid input; nothing ran
        3    a preflight check failed; nothing ran
      """,
    subcommands: [
      TaskCommand.self, TasksCommand.self, RunCommand.self, DoctorCommand.self,
      HistoryCommand.self, LogsCommand.self, ExportCommand.self, CompletionCommand.self,
      SchemaCommand.self,
    ],
    defaultSubcommand: TaskCommand.self)

  @OptionGroup var options: RunnerOptionsDeclaration

  /// Declared for the help and the completion scripts; `CLI` answers it before parsing.
  @Flag(name: [.customShort("V"), .customLong("version")], help: "Show the version.")
  var version = false

  /// The subcommands by name.
  static let subcommands: [String: any ParsableCommand.Type] = Dictionary(
    uniqueKeysWithValues: configuration.subcommands.filter { $0 != TaskCommand.self }.map {
      ($0._commandName, $0)
    })
}

/// A subcommand that runs against the runner options and environment, returning an exit status.
protocol ContextCommand: ParsableCommand {
  func execute(_ context: Context) async throws(ReportedErrors) -> Int32
}

/// `blumeops <task> [its words]`: the default, for help and completion. Runs are read by
/// `CLI` and the planner, since each task brings its own arguments.
struct TaskCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "task", abstract: "Run a task and its dependencies.", shouldDisplay: false)

  @Argument(
    parsing: .captureForPassthrough,
    help: ArgumentHelp("The task to run, then its own arguments and flags.", valueName: "task"),
    completion: .custom(TaskCompletion.taskWords))
  var words: [String] = []
}
