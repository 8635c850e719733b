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
