import BlumeopsCore

/// How the executor carries out a plan; the command line fills these in.
public struct ExecutorOptions: Sendable {
  /// Tasks running at once (`-j`).
  public var jobs: Int
  /// Run everything that does not depend on a failure (`-k`).
  public var keepGoing: Bool
  public var output: OutputMode
  /// ANSI colour; the caller decides (terminal, `NO_COLOR`, `--no-color`, CI).
  public var color: Bool
  public var verbosity: Verbosity
  /// Wrap each task's output in `::group::`/`::endgroup::` and report failures as `::error::`.
  public var ci: Bool
  /// In CI, where annotation paths start: a failed task's `::error` then points at its
  /// definition and names its log.
  public var annotations: AnnotationPaths?
  /// Told as tasks start, print and end (`--report`, `--events`).
  public var observer: (any RunObserver)?
  /// Pause between SIGTERM and SIGKILL when stopping a task.
  public var gracePeriod: Duration
  /// Fail a task whose lock is held elsewhere (exit 3) instead of waiting for it.
  public var noWaitForLocks: Bool
  /// When set, each task's masked output is also appended to `<logDirectory>/<label>.log`.
  public var logDirectory: String?
  /// blumeops has a terminal to relay to an interactive task (stdin and stdout, outside CI);
  /// without one, an interactive task runs piped, like any other.
  public var interactiveTerminal = false
  /// Told when a log cannot be written; it warns once.
  public var storageWarning: StorageWarning?
  /// Asks to apply a gated task's previewed change; without one, nothing gated is applied.
  public var gate: (any ApplyGate)?
  /// Run gated tasks' previews and stop there (`--preview-only`).
  public var previewOnly = false
  /// Where gated tasks' plan files go (`.blumeops/plans/<run>`).
  public var planDirectory: String?
  /// In interleave mode, let children write to blumeops' own stdout and stderr (keeping their
  /// terminal colours) when there is nothing to mask or log. Set it when those are a terminal.
  public var terminalPassThrough: Bool
  /// Print the summary table at the end.
  public var showSummary: Bool
  /// The environment the tasks' processes start from.
  public var environment: [String: String]

  public init(
    jobs: Int = 1, keepGoing: Bool = false, output: OutputMode = .prefix, color: Bool = false,
    verbosity: Verbosity = .normal, ci: Bool = false, gracePeriod: Duration = .seconds(5),
    noWaitForLocks: Bool = false, logDirectory: String? = nil, terminalPassThrough: Bool = false,
    showSummary: Bool = true, environment: [String: String] = ProcessEnvironment.current()
  ) {
    self.jobs = max(1, jobs)
    self.keepGoing = keepGoing
    self.output = output
    self.color = color
    self.verbosity = verbosity
    self.ci = ci
    self.gracePeriod = gracePeriod
    self.noWaitForLocks = noWaitForLocks
    self.logDirectory = logDirectory
    self.terminalPassThrough = terminalPassThrough
    self.showSummary = showSummary
    self.environment = environment
  }
}
