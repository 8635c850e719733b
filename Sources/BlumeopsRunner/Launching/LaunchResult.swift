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
