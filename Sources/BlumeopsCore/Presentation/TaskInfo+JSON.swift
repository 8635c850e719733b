extension TaskInfo {
  /// `tasks info --json`: everything the text form shows, as structured fields.
  public static func json(_ task: TaskDefinition) -> JSONValue {
    var fields: [(String, JSONValue)] = [
      ("name", .string(task.name)),
      ("source", .location(task.location)),
      ("description", .optional(task.description)),
      ("aliases", strings(task.aliases)),
      ("hidden", .bool(task.hidden)),
      ("extends", .optional(task.extends)),
      ("script", .optional(task.script)),
      ("depends", .array(task.depends.map(reference))),
      ("depends_post", .array(task.dependsPost.map(reference))),
      ("dir", .optional(task.directory)),
      ("env", environment(task.environment)),
    ]
    let secrets: [JSONValue] = task.secrets.map { secret in
      .object([
        ("variable", .string(secret.variable)),
        ("sources", strings(secret.sources.map(\.description))),
      ])
    }
    let requires: [JSONValue] = task.requires.map { requirement in
      .object([
        ("tool", .string(requirement.tool)),
        ("constraint", .optional(requirement.constraint?.description)),
      ])
    }
    let preconditions: [JSONValue] = task.preconditions.map { precondition in
      .object([("sh", .string(precondition.command)), ("message", .string(precondition.message))])
    }
    fields += [
      ("secrets", .array(secrets)), ("requires", .array(requires)),
      ("preconditions", .array(preconditions)), ("confirm", confirmation(task.confirm)),
      ("timeout", seconds(task.timeout)), ("retry", retry(task.retry)),
      ("lock", .optional(task.lock)), ("interactive", .bool(task.interactive)),
      ("sources", strings(task.sources)), ("outputs", strings(task.outputs)),
      ("args", .array(task.arguments.map(argument))), ("flags", .array(task.flags.map(flag))),
      ("steps", .array(task.steps.map(step))),
      ("preview", task.preview.map { .array($0.map(step)) } ?? .null),
    ]
    return .document(fields)
  }

  static func environment(_ variables: [EnvironmentVariable]) -> JSONValue {
    .object(variables.map { ($0.name, .string($0.value)) })
  }

  static func confirmation(_ confirm: Confirmation?) -> JSONValue {
    guard let confirm else { return .null }
    return .object([("message", .string(confirm.message)), ("expect", .optional(confirm.expect))])
  }

  static func retry(_ retry: RetryPolicy?) -> JSONValue {
    guard let retry else { return .null }
    return .object([
      ("attempts", .number(retry.attempts)), ("delay", seconds(retry.delay)),
      ("backoff", .double(retry.backoff)),
    ])
  }

  static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

  /// Seconds, as a number; null when unset.
  static func seconds(_ duration: Duration?) -> JSONValue {
    duration.map { .double($0.seconds) } ?? .null
  }

  static func reference(_ reference: TaskReference) -> JSONValue {
    .object([
      ("task", .string(reference.name)), ("args", strings(reference.arguments)),
      (
        "flags",
        .object(reference.flags.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
      ),
    ])
  }

  static func argument(_ argument: ArgumentSpec) -> JSONValue {
    .object([
      ("name", .string(argument.name)), ("help", .optional(argument.help)),
      ("required", .bool(argument.required)), ("default", .optional(argument.defaultValue)),
      ("choices", strings(argument.choices)), ("variadic", .bool(argument.variadic)),
    ])
  }

  static func flag(_ flag: FlagSpec) -> JSONValue {
    .object([
      ("name", .string(flag.name)), ("type", .string(flag.kind.rawValue)),
      ("short", .optional(flag.short.map { String($0) })),
      ("default", .optional(flag.defaultValue)), ("choices", strings(flag.choices)),
      ("help", .optional(flag.help)), ("env", .optional(flag.environment)),
    ])
  }

  /// A step: its kind (`sh`, `exec`, `task`, `builtin`), what it runs, and its modifiers.
  static func step(_ step: StepDefinition) -> JSONValue {
    var fields: [(String, JSONValue)]
    switch step.action {
    case .shell(let script): fields = [("kind", .string("sh")), ("sh", .string(script))]
    case .exec(let argv): fields = [("kind", .string("exec")), ("exec", strings(argv))]
    case .task(let task):
      fields = [("kind", .string("task"))]
      if case .object(let parts) = reference(task) { fields += parts }
    case .builtin(let name, let options):
      fields = [
        ("kind", .string("builtin")), ("builtin", .string(name)),
        ("with", .object(options.map { ($0.key, .string($0.value)) })),
      ]
    }
    return .object(
      fields + [
        ("dir", .optional(step.directory)),
        ("env", environment(step.environment)),
        ("if", .optional(step.condition)), ("allow_failure", .bool(step.allowFailure)),
        ("capture", .optional(step.capture)), ("secret", .bool(step.captureIsSecret)),
        ("source", .location(step.location)),
      ])
  }
}
