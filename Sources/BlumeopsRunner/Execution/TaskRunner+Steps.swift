import BlumeopsCore

extension TaskRunner {
  /// What becomes of a step's standard output.
  enum StandardOutputUse {
    case show
    case capture(OutputCollector)
    case discard
  }

  /// One attempt: the steps in order, stopping at the first failure that is not allowed.
  func runSteps(
    _ task: PlannedTask, deadline: ContinuousClock.Instant?, subtasks: inout [RunReport.Entry]
  ) async -> StepOutcome {
    let base = context.environment(for: task)
    var captured: [EnvironmentVariable] = []
    for step in task.steps {
      if control.isStopRequested { return .stopped }
      let environment = ProcessEnvironment.merged(base, captured, step.environment)
      if let condition = step.condition {
        let check = await launch(
          shell(condition, environment, step.directory), step.directory, environment,
          deadline: deadline, terminal: .piped, standardOutput: .discard)
        switch check {
        case .succeeded: break
        case .stopped: return .stopped
        case .failed(let failure) where failure.timedOut: return .failed(failure)
        case .failed:
          context.output.announce(stream, .note("skipped step: condition `\(condition)` is false"))
          continue
        }
      }
      let collector = step.capture == nil ? nil : OutputCollector()
      let use: StandardOutputUse = collector.map { .capture($0) } ?? .show
      let terminal = context.terminal(interactive: task.interactive, capturing: collector != nil)
      let outcome: StepOutcome
      switch step.action {
      case .shell(let script):
        context.output.announce(stream, .command(script))
        outcome = await launch(
          shell(script, environment, step.directory), step.directory, environment,
          deadline: deadline, terminal: terminal, standardOutput: use)
      case .exec(let argv):
        context.output.announce(stream, .command(ShellQuoting.join(argv)))
        outcome = await launch(
          (argv, nil), step.directory, environment, deadline: deadline, terminal: terminal,
          standardOutput: use)
      case .builtin(let name, let options):
        context.output.announce(stream, .command("builtin \(name)"))
        outcome = await runBuiltin(name, options, step.directory, environment, use)
      case .task(let subtask):
        outcome = await runSubtask(subtask, deadline: deadline, subtasks: &subtasks)
      }
      switch outcome {
      case .succeeded:
        if let name = step.capture, let collector {
          let value = trimmed(collector.text(.standardOutput))
          if step.captureIsSecret { context.masker.add(value) }
          captured.append(EnvironmentVariable(name, value))
        }
      case .stopped:
        return .stopped
      case .failed(let failure):
        if control.isStopRequested { return .stopped }
        guard step.allowFailure, !failure.timedOut else { return outcome }
        context.output.announce(stream, .note("step \(failure.status) (allowed to fail)"))
      }
    }
    return .succeeded
  }

  /// Runs one process for a step; a timeout counts from the task's deadline.
  func launch(
    _ command: (argv: [String], executable: String?), _ directory: String,
    _ environment: [String: String],
    deadline: ContinuousClock.Instant?, terminal: LaunchRequest.Terminal,
    standardOutput use: StandardOutputUse
  ) async -> StepOutcome {
    var timeout: Duration?
    if let deadline {
      let left = ContinuousClock.now.duration(to: deadline)
      guard left > .zero else { return .failed(.timedOut) }
      timeout = left
    }
    var request = LaunchRequest(
      argv: command.argv, executable: command.executable, directory: directory,
      environment: environment, timeout: timeout,
      gracePeriod: context.options.gracePeriod, terminal: terminal)
    request.keptDescriptors = lockDescriptors
    let output = context.output
    let stream = stream
    defer { output.endLine(stream) }
    do {
      let result = try await context.launcher.launch(request, control: control) { channel, bytes in
        if channel == .standardOutput {
          switch use {
          case .show: break
          case .capture(let collector): return collector.append(channel, bytes)
          case .discard: return
          }
        }
        output.write(stream, channel, bytes)
      }
      if result.isSuccess { return .succeeded }
      if result.timedOut { return .failed(.timedOut) }
      return .failed(StepFailure(code: result.status.code, status: result.status.description))
    } catch {
      report("\(error)")
      return .failed(StepFailure(code: error.exitCode, status: "exited \(error.exitCode)"))
    }
  }

  /// A built-in, in-process; its lines take the same path as a process's output.
  private func runBuiltin(
    _ name: String, _ options: [String: String], _ directory: String,
    _ environment: [String: String], _ use: StandardOutputUse
  ) async -> StepOutcome {
    guard let handler = context.builtins, handler.names.contains(name) else {
      report("unknown built-in `\(name)`")
      return .failed(StepFailure(code: 127, status: "exited 127"))
    }
    let output = context.output
    let stream = stream
    let builtinContext = BuiltinContext(
      root: context.root, directory: directory, color: context.options.color,
      environment: environment,
      writeLine: { line in
        let bytes = Array((line + "\n").utf8)
        switch use {
        case .show: output.write(stream, .standardOutput, bytes)
        case .capture(let collector): collector.append(.standardOutput, bytes)
        case .discard: break
        }
      },
      writeErrorLine: { line in output.write(stream, .standardError, Array((line + "\n").utf8)) })
    // A built-in always reports, so its log is created before it starts: a docs check read
    // ahead may still be waiting for its docs then, and the file comes for nothing.
    if case .show = use { output.openLog(stream) }
    let status = await handler.run(name, options: options, context: builtinContext)
    return status == 0 ? .succeeded : .failed(StepFailure(code: status, status: "exited \(status)"))
  }

  private func shell(_ script: String, _ environment: [String: String], _ directory: String)
    -> (argv: [String], executable: String?)
  {
    ExecutableLocator.command(for: script, path: environment["PATH"], directory: directory)
  }

  private func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
