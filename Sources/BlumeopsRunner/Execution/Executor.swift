import BlumeopsCore
import Glibc
import Synchronization

/// Carries out a `Plan`: starts what the pure `Schedule` says is ready, up to `jobs` at once,
/// stops siblings on the first failure, and reports how every task ended.
public final class Executor: Sendable {
  private struct State {
    var controls: [Int: ProcessControl] = [:]
    var interrupts = 0
    /// The first failure's exit code or the interrupt, whichever came first, decides the exit.
    var firstEvent: Int32?
    var interruptSignal: Int32?
  }

  let plan: Plan
  let context: RunContext
  let upToDate: (any UpToDateCheck)?
  private let state = Mutex(State())

  public init(
    plan: Plan, launcher: any ProcessLauncher, builtins: (any BuiltinHandler)? = nil,
    options: ExecutorOptions, secrets: ResolvedSecrets = ResolvedSecrets(),
    upToDate: (any UpToDateCheck)? = nil, destination: OutputDestination = OutputDestination()
  ) {
    self.plan = plan
    self.upToDate = upToDate
    let masker = Masker(secrets.values)
    let output = OutputCoordinator(
      mode: options.output, color: options.color, ci: options.ci, verbosity: options.verbosity,
      labels: plan.nodes.map { masker.mask($0.task.label) }, masker: masker,
      destination: destination,
      logDirectory: options.logDirectory, storageWarning: options.storageWarning,
      observer: options.observer)
    context = RunContext(
      root: plan.root, launcher: launcher, builtins: builtins, options: options, secrets: secrets,
      output: output, masker: masker)
  }

  /// The run's masker: the resolved secrets and any secret captured during the run.
  public var masker: Masker { context.masker }

  /// Stops every running task's process group for a signal blumeops received, and starts
  /// nothing new; a second call sends SIGKILL. SIGINT is forwarded as itself; SIGTERM, SIGHUP
  /// and SIGQUIT as SIGTERM (a hang-up means reload to many daemons, a quit means dump core to
  /// most programs, and neither means stop). The run's exit status is 128 plus the signal
  /// received. For the CLI's signal handler.
  public func interrupt(signal: Int32) {
    let controls = state.withLock { state in
      state.interrupts += 1
      if state.interruptSignal == nil { state.interruptSignal = signal }
      if state.firstEvent == nil { state.firstEvent = 128 + signal }
      return Array(state.controls.values)
    }
    let forwarded = signal == SIGINT ? SIGINT : SIGTERM
    for control in controls { control.stop(signal: forwarded) }
  }

  /// Runs the plan to its end and prints the summary. Call it once.
  public func run() async -> RunReport {
    var schedule = Schedule(plan: plan, keepGoing: context.options.keepGoing)
    var entries = plan.nodes.map { RunReport.Entry(label: $0.task.label, state: .pending) }
    func settle(_ node: Int, _ entry: RunReport.Entry) {
      state.withLock { _ = $0.controls.removeValue(forKey: node) }
      entries[node] = entry
      // Stop first, so what depended on a task cut short by the interrupt reads `cancelled`.
      if isInterrupted { schedule.stop() }
      schedule.finish(node, entry.state)
      if entry.state == .failed { failed(entry) }
    }
    await withTaskGroup(of: (Int, RunReport.Entry).self) { group in
      var running = 0
      while true {
        if isInterrupted { schedule.stop() }
        let ready = schedule.takeReady(limit: context.options.jobs)
        // A lone node with nothing else running runs right here: nothing can become ready
        // before it ends, and a child task would only add thread hand-offs (a 1,000-task chain).
        let alone = running == 0 && ready.count == 1
        var started = false
        for node in ready {
          started = true
          guard let control = register(node) else {
            schedule.finish(node, .cancelled)
            entries[node].state = .cancelled
            continue
          }
          if alone {
            settle(node, await runNode(node, control: control))
            continue
          }
          running += 1
          group.addTask { (node, await self.runNode(node, control: control)) }
        }
        if running == 0 {
          // Refusing to start a node settles it and may make others ready: look again.
          if started && !schedule.isFinished { continue }
          break
        }
        guard let (node, entry) = await group.next() else { break }
        running -= 1
        settle(node, entry)
      }
    }
    for index in entries.indices where entries[index].state == .pending {
      entries[index].state = schedule.states[index]
    }
    let report = state.withLock { state in
      RunReport(
        nodes: entries, exitCode: state.firstEvent ?? 0, interruptSignal: state.interruptSignal)
    }
    printSummary(report)
    return report
  }

  private var isInterrupted: Bool { state.withLock { $0.interrupts > 0 } }

  /// A control for a node about to start, or nil when an interrupt forbids starting it: after
  /// one interrupt only `depends_post` clean-up still starts, after two nothing does.
  private func register(_ node: Int) -> ProcessControl? {
    let isPost = plan.nodes[node].isPost
    return state.withLock { state in
      if state.interrupts > 1 || (state.interrupts == 1 && !isPost) { return nil }
      let control = ProcessControl()
      state.controls[node] = control
      return control
    }
  }

  /// Records a failure; without keep-going the running siblings are stopped (their clean-up
  /// `depends_post` tasks excepted).
  private func failed(_ entry: RunReport.Entry) {
    let siblings = state.withLock { state -> [ProcessControl] in
      if state.firstEvent == nil { state.firstEvent = entry.exitCode ?? 1 }
      guard !context.options.keepGoing else { return [] }
      return state.controls.filter { !plan.nodes[$0.key].isPost }.map(\.value)
    }
    for control in siblings {
      control.stop(signal: SIGTERM, escalateAfter: context.options.gracePeriod)
    }
  }

  private func printSummary(_ report: RunReport) {
    let options = context.options
    guard options.showSummary else { return }
    // Prerequisites before what needs them: the order the run could have gone in.
    var rows = report.summaryRows(order: plan.waves.flatMap { $0 })
    if options.verbosity == .quiet { rows = rows.filter { $0.state == .failed } }
    guard !rows.isEmpty else { return }
    let heading = options.verbosity == .quiet ? [] : [""]
    context.output.announce(lines: heading + SummaryTable.render(rows, color: options.color))
  }
}
