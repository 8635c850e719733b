import ArgumentParser

/// The runner's own options, as a run reads them.
struct RunnerOptions {
  enum OutputMode: String, CaseIterable, ExpressibleByArgument {
    case interleave, prefix, group
  }

  var jobs: Int?
  var dryRun = false
  var yes = false
  var keepGoing = false
  var output: OutputMode?
  var directory: String?
  var tasksDirectory: String?
  var force = false
  var noWait = false
  var quiet = false
  var verbose = false
  var noColor = false
  var timings = false
  /// The word a typed-word confirmation asks for, given ahead (`--confirm WORD`).
  var confirmWord: String?
  var previewOnly = false
  var reports: [ReportRequest] = []
  var events: String?
  var only = false

  /// `--report FORMAT=PATH`: a machine-readable report of the run, written at its end.
  struct ReportRequest: ExpressibleByArgument, Equatable {
    enum Format: String, CaseIterable { case junit }
    var format: Format
    var path: String

    init(format: Format, path: String) {
      self.format = format
      self.path = path
    }

    init?(argument: String) {
      guard let equals = argument.firstIndex(of: "="),
        let format = Format(rawValue: String(argument[..<equals])),
        argument.index(after: equals) < argument.endIndex
      else { return nil }
      self.init(format: format, path: String(argument[argument.index(after: equals)...]))
    }

    static var defaultCompletionKind: CompletionKind { .file() }
  }

  /// True when `word` (as typed, `--jobs=2` included) is a runner option.
  static func recognizes(_ word: String) -> Bool {
    guard word.hasPrefix("-"), word != "-", word != "--" else { return false }
    // A value of each kind the options take, for an option typed without its value.
    let values = ["1", OutputMode.prefix.rawValue, "junit=report.xml"]
    return ([[word]] + values.map { [word, $0] }).contains { words in
      (try? RunnerOptionsDeclaration.parse(words)) != nil
    }
  }
}

/// The runner options as the command line spells them, written before the task name or
/// subcommand. Declared once: the parser, `--help` and the completion scripts all read this.
struct RunnerOptionsDeclaration: ParsableArguments {
  @Option(
    name: [.customShort("j"), .long],
    help: ArgumentHelp("Run at most N tasks at once (default: the number of CPUs).", valueName: "N")
  )
  var jobs: Int?
  @Flag(name: [.customShort("n"), .long], help: "Print the plan; run nothing, resolve no secret.")
  var dryRun = false
  @Flag(
    name: [.customShort("y"), .long],
    help: "Answer yes/no confirmations with yes (a typed word needs --confirm).")
  var yes = false
  @Option(
    name: .customLong("confirm"),
    help: ArgumentHelp("Answer a typed-word confirmation with WORD.", valueName: "WORD"))
  var confirm: String?
  @Flag(name: .customLong("preview-only"), help: "Run the previews of gated tasks; apply nothing.")
  var previewOnly = false
  @Flag(
    name: [.customShort("k"), .long], help: "Run everything that does not depend on a failure.")
  var keepGoing = false
  @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Output mode.", valueName: "mode"))
  var output: RunnerOptions.OutputMode?
  @Option(
    name: [.customShort("C"), .long],
    help: ArgumentHelp("Use DIR as the project root.", valueName: "DIR"),
    completion: .directory)
  var directory: String?
  @Option(
    name: .customLong("tasks-dir"),
    help: ArgumentHelp("Read task files from DIR (a mise-tasks/ folder, say).", valueName: "DIR"),
    completion: .directory)
  var tasksDirectory: String?
  @Flag(
    name: [.customShort("f"), .long],
    help: "Run incremental tasks even when their sources are unchanged.")
  var force = false
  @Flag(name: .customLong("no-wait"), help: "Fail at once when a task's lock is held elsewhere.")
  var noWait = false
  @Flag(name: [.customShort("q"), .long], help: "Only failures and task output.")
  var quiet = false
  @Flag(name: [.customShort("v"), .long], help: "Also print each command before it runs.")
  var verbose = false
  @Flag(
    name: [.customLong("no-color"), .customLong("no-colour")], help: "No colour (also NO_COLOR).")
  var noColor = false
  @Flag(help: "Print each task's duration, slowest first.")
  var timings = false
  @Option(
    name: .customLong("report"),
    help: ArgumentHelp(
      "Write a report of the run: junit=PATH (JUnit XML). Repeatable.", valueName: "format=path"))
  var reports: [RunnerOptions.ReportRequest] = []
  @Option(
    help: ArgumentHelp(
      "Write the run's events as NDJSON to PATH (`-`: standard output).", valueName: "path"),
    completion: .file())
  var events: String?
  @Flag(help: "Run the named tasks alone, not their dependencies (what an exported step runs).")
  var only = false

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be a positive number, not \(jobs)") }
  }

  /// What was given, for the run.
  var value: RunnerOptions {
    RunnerOptions(
      jobs: jobs, dryRun: dryRun, yes: yes, keepGoing: keepGoing, output: output,
      directory: directory, tasksDirectory: tasksDirectory, force: force, noWait: noWait,
      quiet: quiet, verbose: verbose, noColor: noColor, timings: timings, confirmWord: confirm,
      previewOnly: previewOnly, reports: reports, events: events, only: only)
  }
}

/// The front of a command line: the runner options, then the words that follow them (a
/// subcommand or a task, and its own words).
struct CommandLineFront: ParsableArguments {
  @OptionGroup var options: RunnerOptionsDeclaration
  @Argument(parsing: .captureForPassthrough) var words: [String] = []

  /// The runner options and the words after them. A line that starts with no option has none
  /// to read: it is taken as it is, without the parser's start-up (see bench/README.md).
  static func split(_ arguments: [String]) throws -> (RunnerOptions, [String]) {
    guard let first = arguments.first, first.hasPrefix("-") else {
      return (RunnerOptions(), arguments)
    }
    let front = try parse(arguments)
    return (front.options.value, front.words)
  }
}
