import BlumeopsCore

/// Runs native built-ins (such as the docs checks) in-process, inside the DAG.
///
/// The runner hands a built-in step to the handler with the step's options; the handler writes its
/// output through the context, line by line, so it passes through the same output modes, masking
/// and logs as a process's output.
public protocol BuiltinHandler: Sendable {
  /// The built-in names this handler knows, for validation and `tasks info`.
  var names: [String] { get }
  /// Runs one built-in and returns its exit status.
  func run(_ name: String, options: [String: String], context: BuiltinContext) async -> Int32
}

/// What a built-in may know and use while it runs.
public struct BuiltinContext: Sendable {
  /// Absolute project root.
  public var root: String
  /// Absolute working directory of the step.
  public var directory: String
  /// Colour is allowed in what the built-in writes.
  public var color: Bool
  /// The task's environment as its processes would see it.
  public var environment: [String: String]
  /// Writes one line (no trailing newline) to the task's standard output.
  public var writeLine: @Sendable (String) -> Void
  /// Writes one line to the task's standard error.
  public var writeErrorLine: @Sendable (String) -> Void

  public init(
    root: String, directory: String, color: Bool, environment: [String: String],
    writeLine: @escaping @Sendable (String) -> Void,
    writeErrorLine: @escaping @Sendable (String) -> Void
  ) {
    self.root = root
    self.directory = directory
    self.color = color
    self.environment = environment
    self.writeLine = writeLine
    self.writeErrorLine = writeErrorLine
  }
}
