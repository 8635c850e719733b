import Subprocess

/// Runs real processes, each piped one in its own process group with its output streamed as
/// lines. On Linux piped children go through `PipedSpawn`; children attached to the terminal, and
/// every child elsewhere, through swift-subprocess.
///
/// Not Foundation's `Process`: from async code it hands the child a signal mask that blocks
/// SIGINT and SIGTERM, so the child could not be stopped.
public struct SystemLauncher: ProcessLauncher {
  /// Whether piped children may take the `posix_spawn` path; tests turn it off to cover the other.
  let allowsPipedSpawn: Bool

  public init() { allowsPipedSpawn = true }

  init(allowsPipedSpawn: Bool) { self.allowsPipedSpawn = allowsPipedSpawn }

  public func launch(
    _ request: LaunchRequest, control: ProcessControl,
    output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void
  ) async throws(LaunchError) -> LaunchResult {
    guard let name = request.argv.first else { throw .cannotStart("", reason: "empty command") }
    guard ExecutableLocator.isDirectory(request.directory) else {
      throw .cannotStart(name, reason: "directory `\(request.directory)` does not exist")
    }
    guard
      let executable = ExecutableLocator.find(
        name, path: request.environment["PATH"], directory: request.directory)
    else { throw .executableNotFound(name) }

    var variables = request.environment
    if variables["PYTHONUNBUFFERED"] == nil { variables["PYTHONUNBUFFERED"] = "1" }
    #if os(Linux)
      if request.terminal == .piped, allowsPipedSpawn, PipedSpawn.isAvailable {
        return try await PipedSpawn.run(
          executable: executable, request, environment: variables, control: control,
          output: output)
      }
    #endif
    var keyed: [Environment.Key: String] = [:]
    for (key, value) in variables { keyed[Environment.Key(stringLiteral: key)] = value }

    let configuration = Configuration(
      executable: .path(.init(executable)),
      arguments: Arguments(Array(request.argv.dropFirst())),
      environment: .custom(keyed),
      workingDirectory: .init(request.directory),
      platformOptions: Self.platformOptions(for: request.terminal)
    )
    do {
      switch request.terminal {
      case .piped:
        return try await runPiped(configuration, request, control, output)
      case .passThrough:
        return try await runInherited(configuration, input: .none, request, control)
      case .interactive:
        return try await runInherited(
          configuration, input: .currentStandardInput, request, control)
      }
    } catch {
      throw .cannotStart(name, reason: "\(error)")
    }
  }

  private func runPiped(
    _ configuration: Configuration, _ request: LaunchRequest, _ control: ProcessControl,
    _ output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void
  ) async throws -> LaunchResult {
    let result = try await run(configuration, input: .none, output: .sequence, error: .sequence) {
      execution in
      let supervisor = GroupSupervisor(pid: execution.processIdentifier.value, request: request)
      let standardOutput = execution.standardOutput
      let standardError = execution.standardError
      await supervisor.supervise(control: control) {
        await withTaskGroup(of: Void.self) { group in
          group.addTask { await Self.pump(standardOutput, .standardOutput, output) }
          group.addTask { await Self.pump(standardError, .standardError, output) }
        }
      }
      return supervisor.timedOut
    }
    return LaunchResult(
      status: ExitStatus(result.terminationStatus), timedOut: result.closureResult)
  }

  /// A child writing straight to blumeops' own stdout and stderr.
  private func runInherited<Input: InputProtocol>(
    _ configuration: Configuration, input: Input, _ request: LaunchRequest,
    _ control: ProcessControl
  ) async throws -> LaunchResult {
    let result = try await run(
      configuration, input: input, output: .currentStandardOutput, error: .currentStandardError
    ) { execution in
      let supervisor = GroupSupervisor(pid: execution.processIdentifier.value, request: request)
      await supervisor.supervise(control: control, readers: {})
      return supervisor.timedOut
    }
    return LaunchResult(
      status: ExitStatus(result.terminationStatus), timedOut: result.closureResult)
  }

  /// Reads one stream to its end, handing over whole lines in the batches they arrive in.
  private static func pump(
    _ sequence: SubprocessOutputSequence, _ channel: OutputChannel,
    _ output: @Sendable (OutputChannel, [UInt8]) -> Void
  ) async {
    var splitter = LineSplitter()
    do {
      for try await buffer in sequence {
        if let batch = buffer.withUnsafeBytes({ splitter.feed($0) }) { output(channel, batch) }
      }
    } catch {
      // A failed read ends this stream; the process is still waited for and swept.
    }
    if let rest = splitter.finish() { output(channel, rest) }
  }

  private static func platformOptions(for terminal: LaunchRequest.Terminal) -> PlatformOptions {
    var options = PlatformOptions()
    // Interactive children stay in blumeops' group: in a group of their own, reading the
    // terminal would stop them with SIGTTIN.
    if terminal != .interactive { options.processGroupID = 0 }
    return options
  }
}

extension ExitStatus {
  init(_ status: TerminationStatus) {
    switch status {
    case .exited(let code): self = .exited(code)
    case .signaled(let signal): self = .signaled(signal)
    }
  }
}
