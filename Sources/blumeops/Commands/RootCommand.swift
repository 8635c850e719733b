import ArgumentParser
import BlumeopsCore

/// The whole command tree as argument-parser sees it: used for shell completion scripts and
/// completion requests. Running tasks is parsed by hand, since each task brings its own flags.
struct RootCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blumeops",
    abstract: "The BlumeOps task runner.",
    version: BlumeopsVersion.current,
    subcommands: [
      TasksCommand.self, RunPlaceholder.self, DoctorPlaceholder.self, HistoryPlaceholder.self,
      LogsPlaceholder.self,
    ])

  @Option(name: [.customShort("j"), .long], help: "Run at most N tasks at once.") var jobs: Int?
  @Flag(name: [.customShort("n"), .long], help: "Print the plan; run nothing.") var dryRun = false
  @Flag(name: [.customShort("y"), .long], help: "Answer every confirmation with yes.") var yes =
    false
  @Flag(name: [.customShort("k"), .long], help: "Keep running what does not depend on a failure.")
  var keepGoing = false
  @Option(
    name: [.customShort("o"), .long], help: "Output mode.",
    completion: .list(["interleave", "prefix", "group"])) var output: String?
  @Option(name: [.customShort("C"), .long], help: "Project root.", completion: .directory)
  var directory: String?
  @Option(name: .customLong("tasks-dir"), help: "Folder of task files.", completion: .directory)
  var tasksDir: String?
  @Flag(name: [.customShort("q"), .long]) var quiet = false
  @Flag(name: [.customShort("v"), .long]) var verbose = false
  @Flag(name: .customLong("no-color")) var noColor = false
  @Flag var timings = false
  @Argument(help: "The task to run.", completion: .custom { _, _, _ in TaskNames.forCompletion() })
  var task: String?
  @Argument(parsing: .captureForPassthrough) var rest: [String] = []
}

/// Entries that exist for completion only; the dispatcher runs the real commands.
struct RunPlaceholder: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run several tasks in parallel: run <task> [args] [::: <task> [args]]...")
  @Argument(completion: .custom { _, _, _ in TaskNames.forCompletion() + [":::"] }) var words:
    [String] = []
}

struct DoctorPlaceholder: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check the tools and preconditions of every (or the named) task.")
  @Argument(completion: .custom { _, _, _ in TaskNames.forCompletion() }) var tasks: [String] = []
}

struct HistoryPlaceholder: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: "The run history.")
  @Option(name: .short) var n: Int?
  @Flag var json = false
}

struct LogsPlaceholder: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "logs", abstract: "A run's task logs.")
  @Argument var words: [String] = []
}
