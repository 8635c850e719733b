import ArgumentParser
import BlumeopsCore

/// `blumeops run <task> [args] [::: <task> [args]]...`.
struct RunCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run several tasks in parallel, each with its own arguments.",
    usage: "blumeops run <task> [args] [::: <task> [args]]...",
    discussion: """
      Also runs a task whose name a subcommand takes: `blumeops run history`.

      Example:
        blumeops run provision-indri -- --tags caddy ::: services-check
      """)

  @Argument(
    parsing: .captureForPassthrough,
    help: ArgumentHelp("Tasks and their words, separated by `:::`.", valueName: "task"),
    completion: .custom(TaskCompletion.runWords))
  var words: [String] = []

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    // The words are the tasks' own, so `--help` reaches here only as the first word.
    if words == ["--help"] || words == ["-h"] {
      Console.out(Self.helpMessage())
      return 0
    }
    return try await RunFlow(context: context).run(try RunFlow.invocations(runWords: words))
  }
}

/// `blumeops doctor [task...]`.
struct DoctorCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check the tools and preconditions of every task, or of the named ones.")

  @Argument(
    help: "Tasks to check (default: every task).", completion: .custom(TaskCompletion.taskNames))
  var tasks: [String] = []

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    try await DoctorFlow(context: context).run(tasks)
  }
}

/// `blumeops history [-n N] [--json]`.
struct HistoryCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: "The run history, newest first.")

  @Option(
    name: [.customShort("n"), .long], help: ArgumentHelp("Show the last N runs.", valueName: "N"))
  var limit: Int = 20
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    guard limit > 0 else { throw ValidationError("--limit must be a positive number") }
  }

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    try HistoryFlow(context: context).history(limit: limit, json: json)
  }
}

/// `blumeops logs [RUN] [TASK]`.
struct LogsCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "logs", abstract: "A run's task logs: the list, or one task's log.")

  @Argument(help: "A run id or its prefix, or `last` (the default).") var run: String = "last"
  @Argument(help: "The task whose log to print.", completion: .custom(TaskCompletion.taskNames))
  var task: String?

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    try HistoryFlow(context: context).logs(run: run, task: task)
  }
}

/// `blumeops completion bash|zsh|fish`.
struct CompletionCommand: ContextCommand {
  enum Shell: String, CaseIterable, ExpressibleByArgument { case bash, zsh, fish }

  static let configuration = CommandConfiguration(
    commandName: "completion", abstract: "Print the shell completion script.",
    discussion: """
      Example:
        blumeops completion bash > ~/.local/share/bash-completion/completions/blumeops
      """)

  @Argument(help: "The shell.") var shell: Shell

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    Console.out(Self.script(for: shell))
    return 0
  }

  /// The parser's script for `shell`. For bash, the top level also completes a task and its own
  /// words by asking blumeops (the hidden `task` command's custom completion), and offers the
  /// runner options only before the task name: the generated script would offer subcommand
  /// names alone there.
  static func script(for shell: Shell) -> String {
    let script = BlumeopsCommand.completionScript(for: CompletionShell(rawValue: shell.rawValue)!)
    guard shell == .bash else { return script }
    // The generated line offering the visible subcommands, in their declared order.
    let names =
      BlumeopsCommand.configuration.subcommands.filter { $0 != TaskCommand.self }.map {
        $0._commandName
      } + ["help"]
    let generated =
      "        COMPREPLY+=($(compgen -W '\(names.joined(separator: " "))' -- \"${cur}\"))"
    let taskWords = """
              # A task name, or the words of the task typed first: blumeops answers.
              if [[ -n "${subcommand}" && "${subcommand}" != "${cur}" ]]; then
                  COMPREPLY=()
              else
          \(generated)
              fi
              __blumeops_add_completions -W "$(__blumeops_custom_complete ---completion task -- positional@0 "${COMP_CWORD}" "$(__blumeops_cursor_index_in_current_word)")"
      """
    return script.replacing(generated, with: taskWords, maxReplacements: 1)
  }
}
