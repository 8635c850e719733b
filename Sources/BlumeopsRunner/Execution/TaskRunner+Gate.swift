import BlumeopsCore

extension TaskRunner {
  /// A gated task: its preview, shown; then, if it changes something, the confirmation, which
  /// quotes the preview's summary; then the apply, with the very plan file the preview wrote.
  func runGated(
    _ task: PlannedTask, gate: PreviewGate, deadline: ContinuousClock.Instant?
  ) async -> (Attempts, PreviewRecord) {
    let planFile = planPath(for: task)
    var previewed = task
    previewed.steps = gate.steps
    previewed.retry = nil
    previewed.environment.append(EnvironmentVariable(PreviewGate.planVariable, planFile))
    var record = PreviewRecord()

    context.output.tap(stream)
    let preview = await runAttempts(previewed, deadline: deadline)
    let shown = context.output.untap(stream)
    guard preview.state == .succeeded else { return (preview, record) }
    let summary = PreviewSummary.read(shown)
    record.summary = summary.map { context.masker.mask($0.line) }
    // The plan as shown, kept to compare with what the apply would get; its digest is for the
    // record only.
    let shownPlan = FileSystem.readBytes(planFile)
    record.digest = shownPlan == nil ? nil : await digest(planFile, task)

    if summary?.changes == false {
      context.output.announce(stream, .note("nothing to apply: \(record.summary ?? "no changes")"))
      return (preview, record)
    }
    if context.options.previewOnly {
      context.output.announce(stream, .note("preview only: nothing applied"))
      return (preview, record)
    }
    let control = control
    guard
      let approval = await context.options.gate?.approve(
        task: task.label, summary: record.summary, confirmation: gate.confirmation,
        isStopped: { control.isStopRequested })
    else {
      if control.isStopRequested { return (refused(.cancelled, preview), record) }
      report("not confirmed: nothing applied")
      return (refused(.failed, preview, code: 3, status: "not confirmed"), record)
    }
    record.approval = approval
    // The apply must get the plan that was shown: a file changed since is refused.
    guard FileSystem.readBytes(planFile) == shownPlan else {
      report("the plan file changed after the preview: nothing applied")
      return (refused(.failed, preview, code: 3, status: "plan changed"), record)
    }
    var applied = task
    applied.environment.append(EnvironmentVariable(PreviewGate.planVariable, planFile))
    let result = await runAttempts(applied, deadline: deadline)
    record.applied = true
    return (result, record)
  }

  /// `.blumeops/plans/<run>/<task>.plan`, its folder made; the file is the preview's to write.
  private func planPath(for task: PlannedTask) -> String {
    let directory = context.options.planDirectory ?? context.root + "/.blumeops/plans"
    try? FileSystem.makeDirectories(directory)
    return directory + "/" + SafeFileName.make(task.label) + ".plan"
  }

  /// The plan file's SHA-256 as `sha256sum` prints it, for the record; nil when it cannot be
  /// taken.
  private func digest(_ path: String, _ task: PlannedTask) async -> String? {
    guard
      let output = try? await context.launcher.capture(
        argv: ["sha256sum", path], directory: task.directory,
        environment: context.options.environment),
      output.status.isSuccess
    else { return nil }
    return output.standardOutput.split(separator: " ").first.map(String.init)
  }

  private func refused(
    _ state: Schedule.State, _ preview: Attempts, code: Int32 = 1, status: String = ""
  ) -> Attempts {
    Attempts(
      state: state, failure: state == .failed ? StepFailure(code: code, status: status) : nil,
      count: preview.count, statuses: preview.statuses + (status.isEmpty ? [] : [status]),
      subtasks: preview.subtasks)
  }
}
