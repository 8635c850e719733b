import BlumeopsCore

extension Executor {
  /// One task of the plan from start to end: up-to-date check, lock, attempts, announcements.
  func runNode(_ index: Int, control: ProcessControl) async -> RunReport.Entry {
    var entry = await runTask(index, control: control)
    // Its start on the wall clock, as its end less the duration the runner measured.
    let end = WallClock.now()
    entry.startedAt = entry.duration.map {
      end - Double($0.components.seconds) - Double($0.components.attoseconds) / 1e18
    }
    context.options.observer?.taskEnded(node: index, entry: entry)
    return entry
  }

  private func runTask(_ index: Int, control: ProcessControl) async -> RunReport.Entry {
    let task = plan.nodes[index].task
    let output = context.output
    // The label names the log file: a secret typed as an argument must not name it.
    let stream = output.open(label: context.masker.mask(task.label), colorIndex: index)
    defer { output.close(stream) }
    // Incremental state is kept under a file named after the label; a label holding a secret
    // keeps none, and so never counts as up to date.
    let keepsState = context.masker.mask(task.label) == task.label
    if keepsState, let upToDate, upToDate.isUpToDate(task) {
      output.announce(stream, .note("\(task.label) is up to date"))
      return RunReport.Entry(label: task.label, state: .upToDate)
    }
    output.announce(stream, .start(label: task.label))
    context.options.observer?.taskStarted(node: index)
    let started = ContinuousClock.now
    var runner = TaskRunner(context: context, control: control, stream: stream)
    var lock: TaskLock?
    if let name = task.lock {
      switch await runner.takeLock(name, for: task) {
      case .taken(let taken):
        lock = taken
        runner.heldLocks.insert(name)
        runner.lockDescriptors.append(taken.descriptor)
      case .refused(let outcome):
        let entry = Self.entry(refused: outcome, task: task, duration: started.duration(to: .now))
        output.announce(stream, entry.endAnnouncement)
        return entry
      }
    }
    let result: TaskRunner.Attempts
    var preview: PreviewRecord?
    if let gate = task.gate {
      (result, preview) = await runner.runGated(task, gate: gate, deadline: nil)
    } else {
      result = await runner.runAttempts(task, deadline: nil)
    }
    lock?.release()
    var entry = RunReport.Entry(
      label: task.label, state: result.state, exitCode: result.failure?.code,
      timedOut: result.failure?.timedOut ?? false, attempts: result.count,
      attemptStatuses: result.statuses, duration: started.duration(to: .now),
      subtasks: result.subtasks)
    entry.preview = preview
    if entry.state == .succeeded, keepsState { upToDate?.recordSuccess(task) }
    output.announce(stream, annotated(entry.endAnnouncement, task: task))
    return entry
  }

  private static func entry(
    refused outcome: StepOutcome, task: PlannedTask, duration: Duration
  ) -> RunReport.Entry {
    guard case .failed(let failure) = outcome else {
      return RunReport.Entry(label: task.label, state: .cancelled, duration: duration)
    }
    return RunReport.Entry(
      label: task.label, state: .failed, exitCode: failure.code, attempts: 0,
      attemptStatuses: [failure.status], duration: duration)
  }

  /// In CI, a failure's annotation points at the task's definition and names its log.
  private func annotated(_ announcement: Announcement, task: PlannedTask) -> Announcement {
    guard context.options.ci, let paths = context.options.annotations,
      case .failed(let label, let status, let duration, let attempts, _) = announcement
    else { return announcement }
    var detail: [String] = []
    if let directory = context.options.logDirectory {
      let log = directory + "/" + SafeFileName.make(task.label) + ".log"
      let root = plan.root.hasSuffix("/") ? plan.root : plan.root + "/"
      if FileSystem.exists(log) {
        detail.append(
          "log: " + (log.hasPrefix(root) ? paths.path(String(log.dropFirst(root.count))) : log))
      }
    }
    let location = task.definedAt
    let annotation = Annotation(
      .error, file: location.map { paths.path($0.file) }, line: location?.position.line,
      column: location?.position.column, title: "task \(task.label) failed",
      message: detail.joined(separator: "; "))
    return .failed(
      label: label, status: status, duration: duration, attempts: attempts, annotation: annotation)
  }
}
