/// Starts processes for the executor; the real one is `SubprocessLauncher`, tests use a fake.
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
  case standardOutput, standardError
}

/// One process to run.
public struct LaunchRequest: Sendable {
  /// How the process is connected to blumeops' terminal.
  public enum Terminal: Sendable, Hashable {
    /// Output through pipes, line by line; stdin from /dev/null; own process group.
    case piped
    /// stdout and stderr are blumeops' own (no masking); stdin from /dev/null; own process group.
    case passThrough
    /// stdin, stdout and stderr inherited, in blumeops' process group, so the terminal works.
    case interactive
  }

  public var argv: [String]
  /// Absolute working directory.
  public var directory: String
  /// The complete environment of the process.
  public var environment: [String: String]
  public var timeout: Duration?
  /// Pause between SIGTERM and SIGKILL when the timeout expires.
  public var gracePeriod: Duration
  public var terminal: Terminal

  public init(
    argv: [String], directory: String, environment: [String: String],
    timeout: Duration? = nil, gracePeriod: Duration = .seconds(5), terminal: Terminal = .piped
  ) {
    self.argv = argv
    self.directory = directory
    self.environment = environment
    self.timeout = timeout
    self.gracePeriod = gracePeriod
    self.terminal = terminal
  }
}

/// How a process ended.
public enum ExitStatus: Sendable, Hashable, CustomStringConvertible {
  case exited(Int32)
  case signaled(Int32)

  /// The status as a shell reports it: the exit code, or 128 + the signal number.
  public var code: Int32 {
    switch self {
    case .exited(let code): return code
    case .signaled(let signal): return 128 + signal
    }
  }

  public var isSuccess: Bool { self == .exited(0) }

  public var description: String {
    switch self {
    case .exited(let code): return "exited \(code)"
    case .signaled(let signal): return "killed by \(signalName(signal))"
    }
  }
}

/// The end of a launched process.
public struct LaunchResult: Sendable, Hashable {
  public var status: ExitStatus
  /// The timeout expired and the process group was stopped.
  public var timedOut: Bool

  public init(status: ExitStatus, timedOut: Bool = false) {
    self.status = status
    self.timedOut = timedOut
  }

  /// 124 after a timeout, otherwise the status code.
  public var exitCode: Int32 { timedOut ? 124 : status.code }
  public var isSuccess: Bool { !timedOut && status.isSuccess }
}

/// What `capture` collected.
public struct CapturedOutput: Sendable, Hashable {
  public var status: ExitStatus
  public var standardOutput: String
  public var standardError: String

  public init(status: ExitStatus, standardOutput: String, standardError: String) {
    self.status = status
    self.standardOutput = standardOutput
    self.standardError = standardError
  }
}

/// A process that could not be started at all.
public enum LaunchError: Error, Sendable, Hashable, CustomStringConvertible {
  case executableNotFound(String)
  case cannotStart(String, reason: String)

  public var description: String {
    switch self {
    case .executableNotFound(let name): return "`\(name)` not found on PATH"
    case .cannotStart(let name, let reason): return "cannot start `\(name)`: \(reason)"
    }
  }

  /// The status a shell would report for it.
  public var exitCode: Int32 {
    switch self {
    case .executableNotFound: return 127
    case .cannotStart: return 126
    }
  }
}
