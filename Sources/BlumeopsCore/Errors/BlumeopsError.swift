/// Every problem blumeops can report, as data. Rendered in one place by `ErrorRenderer`.
public enum BlumeopsError: Error, Sendable, Hashable {
  // Task files (exit 2)
  case yaml(YAMLError, file: String)
  case unreadableFile(path: String, reason: String)
  case wrongType(key: String, expected: String, found: String, at: SourceLocation)
  case unknownKey(key: String, context: String, suggestion: String?, at: SourceLocation)
  case missingKey(key: String, context: String, at: SourceLocation)
  case invalidValue(key: String, value: String, expected: String, at: SourceLocation)
  case invalidTaskName(String, at: SourceLocation)
  case duplicateTask(String, first: SourceLocation, at: SourceLocation)
  case duplicateAlias(
    String, task: String, other: String, first: SourceLocation, at: SourceLocation)
  case unknownDependency(String, task: String, suggestion: String?, at: SourceLocation)
  case unknownExtends(String, task: String, suggestion: String?, at: SourceLocation)
  case dependencyCycle([String], at: SourceLocation)
  case extendsCycle([String], at: SourceLocation)
  case nothingToRun(task: String, at: SourceLocation)
  case conflictingKeys(String, String, at: SourceLocation)
  case unknownBuiltin(String, suggestion: String?, at: SourceLocation)
  case unknownParameter(String, task: String, at: SourceLocation)
  case reservedFlag(String, task: String, at: SourceLocation)
  case duplicateParameter(String, task: String, at: SourceLocation)
  case invalidFileTaskHeader(line: String, reason: String, at: SourceLocation)
  /// A warning: a subcommand of the same name hides the task from `blumeops NAME`.
  case shadowedTask(String, command: String, at: SourceLocation)
  /// `{task:}` steps nested deeper than `limit` tasks, starting at `path[0]`.
  case subtasksTooDeep(path: [String], limit: Int, at: SourceLocation)
  /// A task whose steps, sub-task steps expanded, number more than `limit`.
  case subtasksTooMany(task: String, limit: Int, at: SourceLocation)
  // Command line (exit 2)
  case noProject(directory: String)
  case unknownTask(String, suggestion: String?)
  case unknownOption(String, task: String?)
  case missingArgument(String, task: String)
  case unexpectedArgument(String, task: String)
  case invalidArgument(name: String, value: String, expected: String, task: String)
  case missingOptionValue(String)
  case passThroughNotAccepted(task: String)
  case usage(String)
  /// A runner option (`-n`) written after the task name, where it is the task's word.
  case runnerOptionAfterTask(String, task: String)
  /// The parser's own message for the words of `command` (`blumeops` or a subcommand).
  case invalidCommandLine(String, command: String)
  case unknownSubcommand(String, of: String, suggestion: String?)
  /// `export --group`: the group, what is wrong with it, and what to do.
  case invalidExportGroup(String, problem: String, help: String?)
  // Preflight (exit 3)
  case missingDirectory(task: String, path: String)
  case missingTool(tool: String, task: String)
  case toolTooOld(tool: String, found: String, required: String, task: String)
  case preconditionFailed(task: String, message: String, command: String)
  case preconditionTimedOut(task: String, message: String, command: String, after: Duration)
  case secretUnavailable(task: String, variable: String, source: String, reason: String)
  case confirmationRefused(task: String)
  case confirmationImpossible(task: String)
  /// A typed-word confirmation with no `--confirm` and no terminal, or with only `--yes`.
  case typedWordRequired(task: String, yesGiven: Bool)
  /// `--confirm` given with a word the task does not ask for.
  case confirmationWordWrong(task: String)
  case lockBusy(lock: String, holder: String)
}
