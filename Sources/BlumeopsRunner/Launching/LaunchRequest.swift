/// One process to run.
public struct LaunchRequest: Sendable {
  /// How the process is connected to blumeops' terminal.
  public enum Terminal: Sendable, Hashable {
    /// Output through pipes, line by line; stdin from /dev/null; own process group.
    case piped
    /// stdout and stderr are blumeops' own (no masking); stdin from /dev/null; own process group.
    case passThrough
    /// A pseudo-terminal blumeops owns: the child leads a session of its own with it as its
    /// terminal, and blumeops relays its own terminal to it, masking what it relays.
    case relayed
  }

  public var argv: [String]
  /// The program's path when it has been looked up already; else `argv[0]` is looked up on PATH.
  public var executable: String?
  /// Absolute working directory.
  public var directory: String
  /// The complete environment of the process.
  public var environment: [String: String]
  public var timeout: Duration?
  /// Pause between SIGTERM and SIGKILL when the timeout expires.
  public var gracePeriod: Duration
  public var terminal: Terminal
  /// Descriptors the process keeps, at the same numbers: the locks its task holds, so that
  /// they stay held while any process of the task lives, even if blumeops is killed.
  public var keptDescriptors: [Int32] = []

  public init(
    argv: [String], executable: String? = nil, directory: String, environment: [String: String],
    timeout: Duration? = nil, gracePeriod: Duration = .seconds(5), terminal: Terminal = .piped
  ) {
    self.argv = argv
    self.executable = executable
    self.directory = directory
    self.environment = environment
    self.timeout = timeout
    self.gracePeriod = gracePeriod
    self.terminal = terminal
  }
}
