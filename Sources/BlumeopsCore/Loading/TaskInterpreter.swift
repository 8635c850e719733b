/// Interprets one task's mapping (after `extends`) into a `TaskDefinition`.
struct TaskInterpreter {
  var reader: NodeReader

  init(file: String) {
    reader = NodeReader(file: file)
  }

  /// `pairs` are the task's own keys merged over those it extends; `fileEnvironment` comes first.
  mutating func interpret(
    name: String, location: SourceLocation, body: YAMLNode, pairs: [YAMLPair],
    fileEnvironment: [EnvironmentVariable]
  ) -> TaskDefinition {
    var task = TaskDefinition(name: name, location: location)
    task.environment = fileEnvironment
    // `run` shorthand: a task written as a string or a list of steps.
    if body.scalar != nil || body.sequence != nil {
      task.steps = StepInterpreter.steps(body, reader: &reader)
      return task
    }
    if !body.isNull, body.mapping == nil {
      reader.fail(
        .wrongType(
          key: name, expected: "a mapping, a string or a list", found: body.kindName,
          at: reader.location(body)))
      return task
    }
    let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = pairs.compactMap { pair in
      pair.key.scalar.map { ($0, pair.key, pair.value) }
    }
    reader.checkKeys(entries, known: TaskFileKeys.task.names, context: "task `\(name)`")
    var hasRun = false
    for entry in entries {
      let value = entry.value
      switch entry.key {
      case "description": task.description = reader.string(value, key: "description")
      case "aliases": task.aliases = reader.strings(value, key: "aliases")
      case "hidden": task.hidden = reader.bool(value, key: "hidden") ?? false
      case "depends": task.depends = reader.references(value, key: "depends")
      case "depends_post": task.dependsPost = reader.references(value, key: "depends_post")
      case "run":
        hasRun = true
        task.steps = StepInterpreter.steps(value, reader: &reader)
      case "builtin":
        if let builtin = reader.string(value, key: "builtin") {
          let step = StepDefinition(
            .builtin(name: builtin, options: []), location: reader.location(value))
          task.steps.append(step)
        }
      case "dir": task.directory = reader.string(value, key: "dir")
      case "env": task.environment += reader.environment(value)
      case "args": task.arguments = ParameterInterpreter.arguments(value, reader: &reader)
      case "flags": task.flags = ParameterInterpreter.flags(value, task: name, reader: &reader)
      case "secrets": task.secrets = secrets(value)
      case "requires": task.requires = requirements(value)
      case "preconditions": task.preconditions = preconditions(value)
      case "confirm": task.confirm = confirmation(value)
      case "timeout": task.timeout = reader.duration(value, key: "timeout")
      case "retry": task.retry = retry(value)
      case "lock": task.lock = reader.string(value, key: "lock")
      case "interactive": task.interactive = reader.bool(value, key: "interactive") ?? false
      case "extends": task.extends = reader.string(value, key: "extends")
      case "sources": task.sources = reader.strings(value, key: "sources")
      case "outputs": task.outputs = reader.strings(value, key: "outputs")
      case "preview": task.preview = StepInterpreter.steps(value, reader: &reader)
      default: break
      }
    }
    if hasRun, let builtin = entries.first(where: { $0.key == "builtin" }) {
      reader.fail(.conflictingKeys("run", "builtin", at: reader.location(builtin.keyNode)))
    }
    if let preview = entries.first(where: { $0.key == "preview" }), task.steps.isEmpty {
      reader.fail(
        .missingKey(
          key: "run", context: "task `\(name)` with a `preview` (what to apply)",
          at: reader.location(preview.keyNode)))
    }
    if task.steps.isEmpty, task.depends.isEmpty, !hasRun {
      reader.fail(.nothingToRun(task: name, at: location))
    }
    return task
  }

  mutating func secrets(_ node: YAMLNode) -> [SecretRequirement] {
    reader.pairs(node, key: "secrets").compactMap { entry in
      let sources = reader.strings(entry.value, key: "secrets.\(entry.key)").compactMap {
        source -> SecretSource? in
        if source.hasPrefix("op://") { return .onePassword(source) }
        if source.hasPrefix("env:"), source.count > 4 {
          return .environment(String(source.dropFirst(4)))
        }
        reader.fail(
          .invalidValue(
            key: "secrets.\(entry.key)", value: source,
            expected: "`op://vault/item/field` or `env:NAME`", at: reader.location(entry.value)))
        return nil
      }
      guard !sources.isEmpty else { return nil }
      return SecretRequirement(
        variable: entry.key, sources: sources, definedAt: reader.location(entry.keyNode))
    }
  }

  mutating func requirements(_ node: YAMLNode) -> [ToolRequirement] {
    let items = node.sequence ?? [node]
    return items.compactMap { item in
      guard let text = reader.string(item, key: "requires") else { return nil }
      guard let (tool, constraint) = VersionConstraint.split(text) else {
        reader.fail(
          .invalidValue(
            key: "requires", value: text,
            expected: "a tool name, optionally with a constraint like `>=2.15`",
            at: reader.location(item)))
        return nil
      }
      return ToolRequirement(tool: tool, constraint: constraint, location: reader.location(item))
    }
  }

  mutating func preconditions(_ node: YAMLNode) -> [Precondition] {
    let items = node.sequence ?? [node]
    return items.compactMap { item in
      if let command = item.scalar {
        return Precondition(command: command, message: command, location: reader.location(item))
      }
      let entries = reader.pairs(item, key: "preconditions")
      reader.checkKeys(entries, known: TaskFileKeys.precondition.names, context: "a precondition")
      guard let shNode = item["sh"], let command = reader.string(shNode, key: "sh") else {
        reader.fail(.missingKey(key: "sh", context: "a precondition", at: reader.location(item)))
        return nil
      }
      let message = item["message"].flatMap { reader.string($0, key: "message") } ?? command
      // Durations above zero only, as for a task's `timeout`.
      let timeout =
        item["timeout"].flatMap { reader.duration($0, key: "timeout") }
        ?? Precondition.defaultTimeout
      return Precondition(
        command: command, message: message, timeout: timeout, location: reader.location(shNode))
    }
  }

  mutating func confirmation(_ node: YAMLNode) -> Confirmation? {
    if let text = node.scalar { return node.isNull ? nil : Confirmation(message: text) }
    let entries = reader.pairs(node, key: "confirm")
    reader.checkKeys(entries, known: TaskFileKeys.confirm.names, context: "`confirm`")
    guard let messageNode = node["message"],
      let message = reader.string(messageNode, key: "message")
    else {
      reader.fail(.missingKey(key: "message", context: "`confirm`", at: reader.location(node)))
      return nil
    }
    return Confirmation(
      message: message, expect: node["expect"].flatMap { reader.string($0, key: "expect") })
  }

  mutating func retry(_ node: YAMLNode) -> RetryPolicy? {
    if node.scalar != nil, !node.isNull {
      return reader.int(node, key: "retry").map { RetryPolicy(attempts: $0) }
    }
    let entries = reader.pairs(node, key: "retry")
    reader.checkKeys(entries, known: TaskFileKeys.retry.names, context: "`retry`")
    guard let attemptsNode = node["attempts"],
      let attempts = reader.int(attemptsNode, key: "attempts")
    else {
      reader.fail(.missingKey(key: "attempts", context: "`retry`", at: reader.location(node)))
      return nil
    }
    if attempts < 1 {
      reader.fail(
        .invalidValue(
          key: "attempts", value: String(attempts), expected: "at least 1",
          at: reader.location(attemptsNode)))
    }
    var policy = RetryPolicy(attempts: max(1, attempts))
    if let delay = node["delay"] {
      policy.delay = reader.duration(delay, key: "delay", allowsZero: true) ?? .zero
    }
    if let backoffNode = node["backoff"], let text = reader.string(backoffNode, key: "backoff") {
      // `Double` reads `inf` and `nan` too: a back-off must be a finite number.
      if let backoff = Double(text), backoff.isFinite, backoff >= 1 {
        policy.backoff = backoff
      } else {
        reader.fail(
          .invalidValue(
            key: "backoff", value: text, expected: "a number of at least 1",
            at: reader.location(backoffNode)))
      }
    }
    return policy
  }
}
