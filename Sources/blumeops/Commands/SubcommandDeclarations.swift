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

/// `blumeops doctor [task...] [--json]`.
struct DoctorCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check the tools and preconditions of every task, or of the named ones.",
    discussion: """
      Named tasks are checked with everything they would run: their dependencies, post-tasks
      and sub-tasks. Exits 3 when a checked tool or precondition fails, 0 otherwise.
      """)

  @Argument(
    help: "Tasks to check (default: every task).", completion: .custom(TaskCompletion.taskNames))
  var tasks: [String] = []
  @Flag(help: "Print JSON.") var json = false

  func execute(_ context: Context) async throws(ReportedErrors) -> Int32 {
    try await DoctorFlow(context: context).run(tasks, json: json)
  }
}

/// `blumeops history [-n N] [--json]`.
struct HistoryCommand: ContextCommand {
  static let configuration = CommandConfiguration(
    commandName: "history", abstract: "The run history, newest first.",
    subcommands: [HistoryShowCommand.self])

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

  /// The parser's script for `shell`, taught what the generator cannot know: at the top level a
  /// word that is no subcommand is a task, whose own flags, choices and arguments blumeops
  /// answers (the hidden `task` command's custom completion), and the runner options are
  /// offered only before the task name. The generator stops before the subcommands of a root
  /// that also takes a positional argument, so each script gets a small, tested edit.
  static func script(for shell: Shell) -> String {
    let script = BlumeopsCommand.completionScript(for: CompletionShell(rawValue: shell.rawValue)!)
    switch shell {
    case .bash: return bashScript(script)
    case .zsh: return zshScript(script)
    case .fish: return fishScript(script)
    }
  }

  private static func bashScript(_ script: String) -> String {
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

  private static func zshScript(_ script: String) -> String {
    let ask =
      "__blumeops_custom_complete ---completion task -- positional@0 \"${current_word_index}\" "
      + "\"$(__blumeops_cursor_index_in_current_word)\" && ret=0"
    // The first word: subcommands, then the task names.
    let subcommands = "        _describe -V subcommand subcommands && ret=0\n        ;;\n    arg)"
    // After a task name: the task's own words (the runner options are already excluded there).
    let dispatch = "            \"_blumeops_${words[1]}\" && ret=0\n            ;;\n        esac"
    return
      script
      .replacing(
        subcommands,
        with:
          "        _describe -V subcommand subcommands && ret=0\n        \(ask)\n        ;;\n    arg)",
        maxReplacements: 1
      )
      .replacing(
        dispatch,
        with:
          "            \"_blumeops_${words[1]}\" && ret=0\n            ;;\n        *)\n            \(ask)\n"
          + "            ;;\n        esac",
        maxReplacements: 1)
  }

  private static func fishScript(_ script: String) -> String {
    // The root's option specifications, as the generated token parser spells them.
    let marker = "case 'blumeops'\n        __blumeops_parse_subcommand 0 "
    guard let start = script.firstRange(of: marker)?.upperBound,
      let end = script[start...].firstIndex(of: "\n")
    else { return script }
    let specs = script[start..<end]
    let helpers = """

      # True while no word but runner options precedes the one being completed.
      function __blumeops_before_task
          set -l tokens (__blumeops_tokens -pc)
          argparse -s \(specs) -- $tokens[2..] 2> /dev/null; or return 0
          test (count $argv) -eq 0
      end

      # True where no subcommand was typed: the word is a task name, or one of its words.
      function __blumeops_in_task_words
          set -l non_repeating_flags_or_options
          set -l non_repeating_flags_or_options_absent 0
          set -l positional_index 0
          set -l commands
          __blumeops_parse_tokens
          test "$commands" = blumeops
      end

      """
    var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    for index in lines.indices {
      // The root's options and subcommand names: only before the task name.
      for kind in ["flags_or_options", "positional"] {
        let condition = "-n '__blumeops_should_offer_completions_for_\(kind) \"blumeops\" "
        guard let range = lines[index].firstRange(of: condition),
          let close = lines[index][range.upperBound...].firstIndex(of: "'")
        else { continue }
        lines[index].insert(contentsOf: "; and __blumeops_before_task", at: close)
      }
    }
    let taskWords =
      "complete -c 'blumeops' -n '__blumeops_in_task_words' -fka '(__blumeops_custom_completion "
      + "---completion task -- positional@0 (count (__blumeops_tokens -pc)) (__blumeops_tokens -tC))'"
    guard let first = lines.firstIndex(where: { $0.hasPrefix("complete -c") }) else {
      return script
    }
    lines.insert(
      contentsOf: helpers.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
      at: first)
    lines.append(taskWords)
    return lines.joined(separator: "\n")
  }
}
