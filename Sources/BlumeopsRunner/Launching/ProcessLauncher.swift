/// Starts processes for the executor; the real one is `SystemLauncher`, tests use a fake.
public protocol ProcessLauncher: Sendable {
  /// Runs `request` to completion, handing its output to `output` in batches of whole lines.
  ///
  /// Each batch holds one or more complete lines, each ending in `\n`; only the very last batch
  /// of a stream may end without one, when the output did. `control` carries stop requests from
  /// the executor to the running process.
  func launch(
    _ request: LaunchRequest, control: ProcessControl,
    output: @escaping @Sendable (OutputChannel, [UInt8]) -> Void
  ) async throws(LaunchError) -> LaunchResult

  /// Runs a short command and collects its output, for preflight checks and `op read`.
  func capture(
    argv: [String], directory: String, environment: [String: String]
  ) async throws(LaunchError) -> CapturedOutput
}

/// Which standard stream a batch of output came from.
public enum OutputChannel: Sendable, Hashable {
  /// Bytes from an interactive task's terminal, as it wrote them: not cut into lines, and an
  /// empty batch when it paused (`TerminalRelay`).
  case terminal
  case standardOutput, standardError
}
