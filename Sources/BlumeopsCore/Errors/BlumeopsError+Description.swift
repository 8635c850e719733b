extension BlumeopsError {
  /// The one-line message: lowercase first word, names in backticks, no full stop.
  public var message: String {
    switch self {
    case .yaml(let error, _): return error.message
    case .unreadableFile(let path, let reason): return "cannot read `\(path)`: \(reason)"
    case .shadowedTask(let task, let command, _):
      return "task `\(task)` is shadowed by the `\(command)` command"
    case .wrongType(let key, let expected, let found, _):
      return "`\(key)` must be \(expected), found \(found)"
    case .unknownKey(let key, let context, _, _): return "unknown key `\(key)` in \(context)"
    case .missingKey(let key, let context, _): return "\(context) needs `\(key)`"
    case .invalidValue(let key, let value, let expected, _):
      return "invalid `\(key)` value `\(value)`: expected \(expected)"
    case .invalidTaskName(let name, _):
      return
        "invalid task name `\(name)`: use lowercase letters, digits, `-` and `_`, with `:` between namespaces"
    case .duplicateTask(let name, _, _): return "task `\(name)` is defined twice"
    case .duplicateAlias(let alias, let task, let other, _, _):
      return "alias `\(alias)` of task `\(task)` is already taken by `\(other)`"
    case .unknownDependency(let name, let task, _, _):
      return "unknown dependency `\(name)` of task `\(task)`"
    case .unknownExtends(let name, let task, _, _):
      return "task `\(task)` extends unknown task `\(name)`"
    case .dependencyCycle(let path, _):
      return "dependency cycle: " + path.joined(separator: " → ")
    case .extendsCycle(let path, _): return "`extends` cycle: " + path.joined(separator: " → ")
    case .nothingToRun(let task, _):
      return "task `\(task)` has nothing to run: give it `run`, `builtin` or `depends`"
    case .conflictingKeys(let a, let b, _): return "`\(a)` and `\(b)` cannot be used together"
    case .unknownBuiltin(let name, _, _): return "unknown built-in `\(name)`"
    case .unknownParameter(let name, let task, _):
      return "`{{ \(name) }}` is not a parameter of task `\(task)`"
    case .reservedFlag(let name, let task, _):
      return "flag `\(name)` of task `\(task)` clashes with blumeops' own `--help`"
    case .duplicateParameter(let name, let task, _):
      return "parameter `\(name)` of task `\(task)` is declared twice"
    case .invalidFileTaskHeader(let line, let reason, _):
      return "cannot read header `\(line)`: \(reason)"
    case .subtasksTooDeep(let path, let limit, _):
      return "`task` steps of task `\(path[0])` nest more than \(limit) tasks deep"
    case .subtasksTooMany(let task, let limit, _):
      return "task `\(task)` runs more than \(limit) steps once its `task` steps are expanded"
    case .noProject(let directory):
      return
        "no blumeops project found from `\(directory)`: no `tasks/` folder with task files in it or above it"
    case .unknownTask(let name, _): return "unknown task `\(name)`"
    case .unknownOption(let option, let task):
      if let task { return "unknown option `\(option)` for task `\(task)`" }
      return "unknown option `\(option)`"
    case .missingArgument(let name, let task):
      return "task `\(task)` needs argument `<\(name)>`"
    case .unexpectedArgument(let value, let task):
      return "unexpected argument `\(value)` for task `\(task)`"
    case .invalidArgument(let name, let value, let expected, let task):
      return "invalid value `\(value)` for `\(name)` of task `\(task)`: expected \(expected)"
    case .missingOptionValue(let option): return "option `\(option)` needs a value"
    case .passThroughNotAccepted(let task):
      return "task `\(task)` takes no pass-through arguments: its last step runs no command"
    case .usage(let text): return text
    case .runnerOptionAfterTask(let option, let task):
      return "`\(option)` is a runner option: it goes before the task name, not after `\(task)`"
    case .invalidCommandLine(let message, _): return message
    case .unknownSubcommand(let word, let command, _):
      return "unknown subcommand `\(word)` of `blumeops \(command)`"
    case .invalidExportGroup(let group, let problem, _):
      return "cannot export group `\(group)`: \(problem)"
    case .missingDirectory(let task, let path):
      return "directory `\(path)` of task `\(task)` does not exist"
    case .missingTool(let tool, let task):
      return "`\(tool)` is not on PATH (needed by task `\(task)`)"
    case .toolTooOld(let tool, let found, let required, let task):
      return "`\(tool)` \(found) is too old: task `\(task)` needs \(required)"
    case .preconditionFailed(let task, let message, _):
      return "precondition of task `\(task)` failed: \(message)"
    case .preconditionTimedOut(let task, let message, _, let after):
      return
        "precondition of task `\(task)` timed out after \(after.written): \(message)"
    case .secretUnavailable(let task, let variable, let source, let reason):
      return "cannot resolve secret `\(variable)` of task `\(task)` from `\(source)`: \(reason)"
    case .confirmationRefused(let task): return "task `\(task)` was not confirmed"
    case .confirmationImpossible(let task):
      return "task `\(task)` needs confirmation but there is no terminal to ask"
    case .lockBusy(let lock, let holder): return "lock `\(lock)` is held by \(holder)"
    case .typedWordRequired(let task, let yesGiven):
      return yesGiven
        ? "`--yes` answers yes/no questions only: task `\(task)` asks for a typed word"
        : "task `\(task)` asks for a typed word and there is no terminal to type it"
    case .confirmationWordWrong(let task):
      return "`--confirm` does not give the word task `\(task)` asks for"
    }
  }

  /// Where in a task file the problem is, when it has a place.
  public var location: SourceLocation? {
    switch self {
    case .yaml(let error, let file): return SourceLocation(file: file, position: error.position)
    case .wrongType(_, _, _, let at), .unknownKey(_, _, _, let at), .missingKey(_, _, let at),
      .invalidValue(_, _, _, let at), .invalidTaskName(_, let at), .duplicateTask(_, _, let at),
      .duplicateAlias(_, _, _, _, let at), .unknownDependency(_, _, _, let at),
      .unknownExtends(_, _, _, let at), .dependencyCycle(_, let at), .extendsCycle(_, let at),
      .nothingToRun(_, let at), .conflictingKeys(_, _, let at), .unknownBuiltin(_, _, let at),
      .unknownParameter(_, _, let at), .reservedFlag(_, _, let at),
      .duplicateParameter(_, _, let at), .invalidFileTaskHeader(_, _, let at),
      .shadowedTask(_, _, let at), .subtasksTooDeep(_, _, let at), .subtasksTooMany(_, _, let at):
      return at
    default: return nil
    }
  }

  /// Extra facts shown after the source excerpt.
  public var notes: [String] {
    switch self {
    case .duplicateTask(_, let first, _): return ["first defined at \(first)"]
    case .duplicateAlias(_, _, _, let first, _): return ["first used at \(first)"]
    case .yaml(let error, _):
      if case .duplicateKey(_, let first) = error.kind {
        return ["first written at line \(first.line), column \(first.column)"]
      }
      return []
    case .preconditionFailed(_, _, let command), .preconditionTimedOut(_, _, let command, _):
      return ["check: \(command)"]
    case .subtasksTooDeep(let path, _, _):
      let shown = path.count > 6 ? path.prefix(3) + ["…"] + path.suffix(2) : path[...]
      return ["through " + shown.joined(separator: " → ")]
    default: return []
    }
  }

  /// A suggestion for the user.
  public var help: String? {
    switch self {
    case .unknownKey(_, _, let suggestion?, _), .unknownDependency(_, _, let suggestion?, _),
      .unknownExtends(_, _, let suggestion?, _), .unknownBuiltin(_, let suggestion?, _),
      .unknownTask(_, let suggestion?):
      return "did you mean `\(suggestion)`?"
    case .unknownTask(_, nil): return "run `blumeops tasks` to list the tasks"
    case .unknownSubcommand(_, _, let suggestion?): return "did you mean `\(suggestion)`?"
    case .invalidExportGroup(_, _, let help?): return help
    case .unknownSubcommand(_, let command, nil), .invalidCommandLine(_, let command):
      return "see `\(command == "blumeops" ? "blumeops" : "blumeops " + command) --help`"
    case .runnerOptionAfterTask(let option, let task):
      return "run `blumeops \(option) \(task) ...`"
    case .confirmationImpossible:
      return "pass `--yes` to confirm from a script or CI"
    case .typedWordRequired(let task, _), .confirmationWordWrong(let task):
      return "pass `--confirm WORD` with the word `blumeops tasks info \(task)` shows"
    case .missingArgument(_, let task), .unexpectedArgument(_, let task),
      .invalidArgument(_, _, _, let task), .unknownOption(_, let task?):
      return "see `blumeops \(task) --help`"
    case .lockBusy: return "wait for it, or run again without `--no-wait`"
    case .shadowedTask(_, let command, _): return "run it with `blumeops run \(command)`"
    case .subtasksTooDeep:
      return "run the deeper tasks as `depends`, or call them from fewer levels"
    case .subtasksTooMany:
      return "each `task` step runs its task again; use `depends` to run a task once per run"
    case .preconditionTimedOut: return "give the precondition a longer `timeout`"
    default: return nil
    }
  }

  /// The exit status of DESIGN §4: 2 for wrong input, 3 for a failed preflight.
  public var exitCode: Int32 {
    switch self {
    case .missingDirectory, .missingTool, .toolTooOld, .preconditionFailed, .preconditionTimedOut,
      .secretUnavailable, .confirmationRefused, .confirmationImpossible, .lockBusy,
      .typedWordRequired, .confirmationWordWrong:
      return 3
    default: return 2
    }
  }
}
