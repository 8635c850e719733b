import BlumeopsCore
import BlumeopsRunner
import Glibc

/// Runs tasks: plan everything, check everything, ask everything, resolve secrets — and only then
/// start the first process. A run either starts cleanly or not at all.
struct RunFlow {
  let context: Context

  func run(_ invocations: [Invocation]) async throws(ReportedErrors) -> Int32 {
    let launcher = SystemLauncher()
    let builtins = Builtins(launcher: launcher)
    let project = try context.loadValidProject()
    let sources = project.catalog.sources
    if let asking = invocations.first(where: Self.asksForHelp) {
      guard let task = project.catalog.task(named: asking.task) else {
        throw ReportedErrors(
          .unknownTask(
            asking.task,
            suggestion: Suggestion.closest(to: asking.task, in: project.catalog.allNames)),
          context: context)
      }
      Console.out(TaskUsage.text(task))
      return 0
    }
    let root = project.directory.root
    guard let logBudget = HistoryStore.logBudget(context.environment["BLUMEOPS_LOG_BUDGET"]) else {
      throw ReportedErrors(
        .usage(
          "invalid BLUMEOPS_LOG_BUDGET `\(context.environment["BLUMEOPS_LOG_BUDGET"] ?? "")`: "
            + "expected a size such as 512M or 2G"), context: context)
    }
    var planner = Planner(catalog: project.catalog, root: root, environment: context.environment)
    var plan: Plan
    do {
      plan = try planner.plan(invocations)
    } catch {
      throw ReportedErrors(
        Self.commandLineHint(for: error), context: context, sources: sources, root: root)
    }
    if context.options.only { plan = plan.onlyRoots() }
    let optionErrors = Builtins.optionErrors(plan)
    guard optionErrors.isEmpty else {
      throw ReportedErrors(
        errors: optionErrors, renderer: ErrorRenderer(color: context.colorOnStandardError))
    }
    // A dry run starts nothing from the task files: preconditions are listed, not run.
    let problems = await Preflight(
      launcher: launcher, environment: context.environment,
      runsPreconditions: !context.options.dryRun
    ).check(plan, catalog: project.catalog)
    let incremental = IncrementalCheck(
      catalog: project.catalog, state: IncrementalState(root: root), force: context.options.force)

    if context.options.dryRun {
      var description = PlanDescription(plan: plan, catalog: project.catalog)
      description.warnings = problems.map(\.message)
      description.upToDate = incremental.upToDateNodes(of: plan)
      Console.out(description.text())
      return 0
    }
    guard problems.isEmpty else {
      throw ReportedErrors(
        errors: problems,
        renderer: context.renderer(sources: sources, root: root))
    }
    let records = try ReportsAndEvents.make(plan, context: context)
    try Confirmer(context: context).confirm(Confirmer.requests(plan, catalog: project.catalog))
    let secrets: ResolvedSecrets
    do {
      secrets = try await SecretResolver(
        launcher: launcher, environment: context.environment, directory: root
      ).resolve(plan)
    } catch {
      throw ReportedErrors(
        .secretUnavailable(
          task: error.task, variable: error.variable, source: error.source, reason: error.reason),
        context: context)
    }
    return await execute(
      plan, launcher: launcher, builtins: builtins, secrets: secrets, incremental: incremental,
      store: HistoryStore(root: root, logBudget: logBudget), records: records)
  }

  private func execute(
    _ plan: Plan, launcher: SystemLauncher, builtins: Builtins, secrets: ResolvedSecrets,
    incremental: IncrementalCheck, store: HistoryStore, records: ReportsAndEvents?
  ) async -> Int32 {
    let root = store.root
    let start = WallClock.now()
    let masker = Masker(secrets.values)
    var record = RunRecord(
      id: WallClock.runID(start: start, pid: getpid()), start: start,
      user: RunEnvironment.user(context.environment),
      host: RunEnvironment.host(), commit: RunEnvironment.gitCommit(root: root),
      command: (["blumeops"] + context.arguments.map { ShellQuote.quote(masker.mask($0)) })
        .joined(separator: " "), pid: getpid())
    let storageWarning = StorageWarning { Console.error($0) }
    let keepsRecords = store.begin(record, warning: storageWarning)

    let options = context.options
    var childEnvironment = ProcessEnvironment.merged(
      context.environment, [EnvironmentVariable("BLUMEOPS_BIN", Self.executablePath)])
    // Task output goes through a pipe (for the logs and the masking), so tools that colour only
    // a terminal would go grey; when blumeops itself may colour, say so by the common convention.
    if context.color {
      for name in ["FORCE_COLOR", "CLICOLOR_FORCE"] where childEnvironment[name] == nil {
        childEnvironment[name] = "1"
      }
    }
    // CI logs read best as one block per task, each inside its `::group::`.
    let parallel =
      plan.waves.contains { $0.count > 1 } && (options.jobs ?? ProcessorCount.online) > 1
    var executorOptions = ExecutorOptions(
      jobs: options.jobs ?? ProcessorCount.online, keepGoing: options.keepGoing,
      output: options.output.flatMap { OutputMode(rawValue: $0.rawValue) }
        ?? (context.isCI ? .group : parallel ? .prefix : .interleave),
      color: context.color,
      verbosity: options.quiet ? .quiet : options.verbose ? .verbose : .normal,
      ci: context.isCI, noWaitForLocks: options.noWait,
      logDirectory: keepsRecords ? store.logDirectory(run: record.id) : nil,
      environment: childEnvironment)
    executorOptions.storageWarning = storageWarning
    executorOptions.interactiveTerminal =
      !context.isCI && Console.isTerminal(0) && Console.isTerminal(1)
    executorOptions.gate = TerminalGate(yes: options.yes, word: options.confirmWord)
    executorOptions.previewOnly = options.previewOnly
    // Beside the run's logs: kept, and pruned, with them.
    executorOptions.planDirectory = store.logDirectory(run: record.id) + "/plans"
    executorOptions.annotations = context.annotationPaths(root: root)
    executorOptions.observer = records?.recorder
    // One task's end line already says how it went; a table earns its place from two rows.
    executorOptions.showSummary =
      plan.nodes.count > 1 || plan.nodes.contains { $0.task.hasSubtaskSteps }
    let executor = Executor(
      plan: plan, launcher: launcher, builtins: builtins,
      options: executorOptions,
      secrets: secrets,
      upToDate: incremental, destination: ReportsAndEvents.destination(context))
    records?.recorder.masker = executor.masker
    records?.recorder.runStarted(id: record.id, start: record.start, command: record.command)

    // blumeops lives on through an interrupt, to stop its children and write the summary.
    Interrupts.forward { executor.interrupt(signal: $0) }
    let report = await executor.run()
    Interrupts.stopForwarding()

    record.end = WallClock.now()
    record.exitCode = report.exitCode
    record.status =
      report.interruptSignal != nil ? "interrupted" : report.succeeded ? "ok" : "failed"
    // Nothing recorded may hold a secret: a label holds whatever words were typed.
    record.tasks = report.nodes.enumerated().map { index, entry in
      RunRecord.TaskOutcome(
        label: executor.masker.mask(entry.label), status: entry.state.rawValue,
        exitCode: entry.exitCode, attempts: entry.attempts, duration: entry.duration?.seconds,
        preview: entry.preview, start: entry.startedAt.map { $0 - start },
        needs: plan.nodes[index].dependencies + plan.nodes[index].after)
    }
    if keepsRecords { store.finish(record, warning: storageWarning) }
    records?.finish(report, plan: plan, record: record, masker: executor.masker)
    if options.timings { Console.error(executor.masker.mask(Timings.text(report))) }
    if let summary = context.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
      StepSummary.append(report, plan: plan, masker: executor.masker, to: summary)
    }
    return report.exitCode
  }
}

extension RunFlow {
  /// A planning error about the words typed, made more helpful by what only the command line
  /// knows: a runner option written after the task, or a subcommand's name mistyped.
  static func commandLineHint(for error: BlumeopsError) -> BlumeopsError {
    switch error {
    case .unknownOption(let option, let task?) where RunnerOptions.recognizes(option):
      return .runnerOptionAfterTask(option, task: task)
    case .unknownTask(let name, nil):
      let subcommand = Suggestion.closest(to: name, in: BlumeopsCommand.subcommands.keys.sorted())
      return .unknownTask(name, suggestion: subcommand)
    default:
      return error
    }
  }

  /// This binary, so tasks can call blumeops itself whatever PATH says.
  static var executablePath: String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return CommandLine.arguments[0] }
    return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// `--timings`: each task's duration, slowest first.
enum Timings {
  static func text(_ report: RunReport) -> String {
    let rows = report.nodes.compactMap { entry in entry.duration.map { (entry.label, $0.seconds) } }
      .sorted { $0.1 > $1.1 }
    var table = TextTable([TextTable.Column(), TextTable.Column("", .right)], showsHeaders: false)
    for (label, seconds) in rows { table.add([label, Duration.seconds(seconds).brief]) }
    return "timings:\n"
      + table.lines(style: Style(color: false)).map { "  " + $0 }.joined(separator: "\n")
  }
}

/// Skips tasks whose `sources` are unchanged since their last success (unless `--force`).
struct IncrementalCheck: UpToDateCheck {
  let catalog: TaskCatalog
  let state: IncrementalState
  let force: Bool

  func isUpToDate(_ task: PlannedTask) -> Bool {
    guard !force, let definition = catalog.task(named: task.name), !definition.sources.isEmpty
    else { return false }
    return state.isUpToDate(task, sources: definition.sources, outputs: definition.outputs)
  }

  /// The nodes a run would skip; quick when no task declares `sources`, as in most projects.
  func upToDateNodes(of plan: Plan) -> Set<Int> {
    guard !force, catalog.tasks.contains(where: { !$0.sources.isEmpty }) else { return [] }
    return Set(plan.nodes.indices.filter { isUpToDate(plan.nodes[$0].task) })
  }

  func recordSuccess(_ task: PlannedTask) {
    guard let definition = catalog.task(named: task.name), !definition.sources.isEmpty else {
      return
    }
    state.recordSuccess(task, sources: definition.sources)
  }
}
