import BlumeopsCore

/// Carries out one task's attempts and steps, inside one child task of the executor's group.
struct TaskRunner {
  let context: RunContext
  let control: ProcessControl
  /// The task's output stream in the coordinator.
  let stream: Int
  /// Locks this task holds already: a sub-task naming one of them must not wait for itself.
  var heldLocks: Set<String> = []
  /// The descriptors of the locks held, which every process the task starts keeps.
  var lockDescriptors: [Int32] = []

  /// The result of all attempts at a task.
  struct Attempts {
    var state: Schedule.State
    var failure: StepFailure?
    var count: Int
    var statuses: [String]
    var subtasks: [RunReport.Entry]
  }

  /// Runs the task's steps, again on failure as its `retry` allows.
  func runAttempts(_ task: PlannedTask, deadline outer: ContinuousClock.Instant?) async -> Attempts
  {
    let total = max(1, task.retry?.attempts ?? 1)
    var statuses: [String] = []
    for attempt in 1...total {
      if attempt > 1, let policy = task.retry {
        context.output.announce(
          stream,
          .retry(label: task.label, attempt: attempt, of: total, previous: statuses.last ?? ""))
        guard await control.sleep(for: policy.delay(beforeAttempt: attempt)) else {
          return Attempts(state: .cancelled, count: attempt - 1, statuses: statuses, subtasks: [])
        }
      }
      var subtasks: [RunReport.Entry] = []
      let deadline = earliest(outer, task.timeout.map { ContinuousClock.now.advanced(by: $0) })
      switch await runSteps(task, deadline: deadline, subtasks: &subtasks) {
      case .succeeded:
        return Attempts(state: .succeeded, count: attempt, statuses: statuses, subtasks: subtasks)
      case .stopped:
        return Attempts(state: .cancelled, count: attempt, statuses: statuses, subtasks: subtasks)
      case .failed(let failure):
        statuses.append(failure.status)
        if attempt == total || control.isStopRequested {
          return Attempts(
            state: .failed, failure: failure, count: attempt, statuses: statuses,
            subtasks: subtasks)
        }
      }
    }
    return Attempts(state: .failed, count: total, statuses: statuses, subtasks: [])
  }

  /// A `{task: …}` step: the sub-task's steps inline, announced as an entry of its own.
  func runSubtask(
    _ task: PlannedTask, deadline: ContinuousClock.Instant?, subtasks: inout [RunReport.Entry]
  ) async -> StepOutcome {
    let output = context.output
    output.announce(stream, .start(label: task.label), nested: true)
    let started = ContinuousClock.now
    var runner = self
    var lock: TaskLock?
    if let name = task.lock, !heldLocks.contains(name) {
      switch await takeLock(name, for: task) {
      case .taken(let taken):
        lock = taken
        runner.heldLocks.insert(name)
        runner.lockDescriptors.append(taken.descriptor)
      case .refused(let outcome):
        return outcome
      }
    }
    let result: Attempts
    if let gate = task.gate {
      result = await runner.runGated(task, gate: gate, deadline: deadline).0
    } else {
      result = await runner.runAttempts(task, deadline: deadline)
    }
    lock?.release()
    let duration = started.duration(to: .now)
    let entry = RunReport.Entry(
      label: task.label, state: result.state, exitCode: result.failure?.code,
      timedOut: result.failure?.timedOut ?? false, attempts: result.count,
      attemptStatuses: result.statuses, duration: duration, subtasks: result.subtasks)
    output.announce(stream, entry.endAnnouncement, nested: true)
    subtasks.append(entry)
    switch result.state {
    case .succeeded, .upToDate: return .succeeded
    case .failed: return .failed(result.failure ?? StepFailure(code: 1, status: "failed"))
    default: return .stopped
    }
  }

  /// A lock taken, or the outcome of not getting it (already reported).
  enum LockTaking {
    case taken(TaskLock)
    case refused(StepOutcome)
  }

  /// Takes a task's lock, waiting for it unless told not to.
  func takeLock(_ name: String, for task: PlannedTask) async -> LockTaking {
    let output = context.output
    let stream = stream
    let taken = await TaskLock.acquire(
      name, root: context.root, holder: context.masker.mask(task.label),
      wait: !context.options.noWaitForLocks,
      control: control
    ) { holder in
      output.announce(stream, .waitingForLock(lock: name, holder: holder))
    }
    switch taken {
    case .success(let lock):
      return .taken(lock)
    case .failure(.stopped):
      return .refused(.stopped)
    case .failure(.busy(let holder)):
      report("lock \(name) is held by \(holder)")
      return .refused(.failed(StepFailure(code: 3, status: "could not take lock \(name)")))
    case .failure(.unavailable(let reason)):
      report(reason)
      return .refused(.failed(StepFailure(code: 3, status: "could not take lock \(name)")))
    }
  }

  /// An error line of the runner's own, in the task's output.
  func report(_ message: String) {
    context.output.write(stream, .standardError, Array("blumeops: \(message)\n".utf8))
  }

  private func earliest(
    _ first: ContinuousClock.Instant?, _ second: ContinuousClock.Instant?
  ) -> ContinuousClock.Instant? {
    guard let first else { return second }
    guard let second else { return first }
    return min(first, second)
  }
}
