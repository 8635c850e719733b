/// Binds the words typed after a task name (or a reference's args and flags) to its parameters.
public enum ArgumentBinder {
  /// `tokens` are what follows the task name, before any `--`.
  public static func bind(
    _ tokens: [String], to task: TaskDefinition, environment: [String: String]
  ) throws(BlumeopsError) -> (values: ParameterValues, extra: [String]) {
    var given: [String: [String]] = [:]
    var positionals: [String] = []
    var explicit: [String] = []
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      index += 1
      guard token.hasPrefix("-"), token.count > 1, !(token.dropFirst().first?.isNumber ?? false)
      else {
        positionals.append(token)
        continue
      }
      let (flag, inline, negated) = try resolveFlag(token, in: task)
      var value: String
      if flag.kind == .bool {
        value = negated ? "false" : (inline ?? "true")
      } else if let inline {
        value = inline
      } else {
        guard index < tokens.count else { throw .missingOptionValue(token) }
        value = tokens[index]
        index += 1
      }
      value = try validated(value, flag: flag, task: task.name)
      given[flag.name] = [value]
      explicit.append("--\(flag.name)=\(value)")
    }
    return try assign(
      positionals, flags: given, explicit: explicit, to: task, environment: environment)
  }

  /// Binds a `{task, args, flags}` reference, whose values are already rendered.
  public static func bind(
    _ reference: TaskReference, to task: TaskDefinition, environment: [String: String]
  ) throws(BlumeopsError) -> ParameterValues {
    var given: [String: [String]] = [:]
    var explicit: [String] = []
    for (name, raw) in reference.flags.sorted(by: { $0.key < $1.key }) {
      guard let flag = task.flags.first(where: { $0.name == name }) else {
        throw .unknownOption("--\(name)", task: task.name)
      }
      let value = try validated(raw, flag: flag, task: task.name)
      given[name] = [value]
      explicit.append("--\(name)=\(value)")
    }
    return try assign(
      reference.arguments, flags: given, explicit: explicit, to: task, environment: environment
    ).values
  }

  /// Gives positional values to arguments in order and fills every unset parameter.
  private static func assign(
    _ positionals: [String], flags given: [String: [String]], explicit: [String],
    to task: TaskDefinition, environment: [String: String]
  ) throws(BlumeopsError) -> (values: ParameterValues, extra: [String]) {
    var explicit = explicit
    var values = ParameterValues()
    var extra: [String] = []
    var remaining = positionals[...]
    for argument in task.arguments {
      values.order.append(argument.name)
      if argument.variadic {
        values.values[argument.name] = try remaining.map { value throws(BlumeopsError) in
          try validated(value, argument: argument, task: task.name)
        }
        explicit += remaining
        remaining = []
      } else if let value = remaining.popFirst() {
        values.values[argument.name] = [try validated(value, argument: argument, task: task.name)]
        explicit.append(value)
      } else if let value = argument.defaultValue {
        values.values[argument.name] = [value]
      } else if argument.required {
        throw .missingArgument(argument.name, task: task.name)
      } else {
        values.values[argument.name] = []
      }
    }
    if let unexpected = remaining.first {
      guard task.script != nil else { throw .unexpectedArgument(unexpected, task: task.name) }
      extra = Array(remaining)
    }
    for flag in task.flags {
      values.order.append(flag.name)
      if let value = given[flag.name] {
        values.values[flag.name] = value
      } else if let name = flag.environment, let value = environment[name] {
        values.values[flag.name] = [try validated(value, flag: flag, task: task.name)]
      } else if let value = flag.defaultValue {
        values.values[flag.name] = [value]
      } else {
        values.values[flag.name] = flag.kind == .bool ? ["false"] : []
      }
    }
    values.explicit = explicit
    return (values, extra)
  }

  private static func resolveFlag(_ token: String, in task: TaskDefinition) throws(BlumeopsError)
    -> (FlagSpec, inline: String?, negated: Bool)
  {
    var body = Substring(token)
    var inline: String?
    if let equals = body.firstIndex(of: "=") {
      inline = String(body[body.index(after: equals)...])
      body = body[..<equals]
    }
    if body.hasPrefix("--") {
      let name = String(body.dropFirst(2))
      if let flag = task.flags.first(where: { $0.name == name }) { return (flag, inline, false) }
      if name.hasPrefix("no-"),
        let flag = task.flags.first(where: { $0.name == name.dropFirst(3) && $0.kind == .bool })
      {
        return (flag, nil, true)
      }
    } else if body.count >= 2 {
      let letter = body.dropFirst().first
      if let flag = task.flags.first(where: { $0.short == letter }) {
        if inline == nil, body.count > 2, flag.kind != .bool { inline = String(body.dropFirst(2)) }
        if body.count == 2 || flag.kind != .bool { return (flag, inline, false) }
      }
    }
    throw .unknownOption(token, task: task.name)
  }

  private static func validated(_ value: String, flag: FlagSpec, task: String) throws(BlumeopsError)
    -> String
  {
    switch flag.kind {
    case .int where Int(value) == nil:
      throw .invalidArgument(
        name: "--\(flag.name)", value: value, expected: "a whole number", task: task)
    case .bool where !["true", "false"].contains(value):
      throw .invalidArgument(
        name: "--\(flag.name)", value: value, expected: "`true` or `false`", task: task)
    default: break
    }
    if !flag.choices.isEmpty, !flag.choices.contains(value) {
      throw .invalidArgument(
        name: "--\(flag.name)", value: value,
        expected: "one of " + flag.choices.map { "`\($0)`" }.joined(separator: ", "), task: task)
    }
    return value
  }

  private static func validated(_ value: String, argument: ArgumentSpec, task: String)
    throws(BlumeopsError) -> String
  {
    if !argument.choices.isEmpty, !argument.choices.contains(value) {
      throw .invalidArgument(
        name: "<\(argument.name)>", value: value,
        expected: "one of " + argument.choices.map { "`\($0)`" }.joined(separator: ", "), task: task
      )
    }
    return value
  }
}
