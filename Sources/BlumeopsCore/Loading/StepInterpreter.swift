/// Interprets `run`: a string, or a list of strings and step mappings.
enum StepInterpreter {
  static let actionKeys = TaskFileKeys.step.exactlyOne
  static let keys = TaskFileKeys.step.names

  static func steps(_ node: YAMLNode, reader: inout NodeReader) -> [StepDefinition] {
    if node.isNull { return [] }
    if node.scalar != nil || node.mapping != nil {
      return step(node, reader: &reader).map { [$0] } ?? []
    }
    return (node.sequence ?? []).compactMap { step($0, reader: &reader) }
  }

  static func step(_ node: YAMLNode, reader: inout NodeReader) -> StepDefinition? {
    if let script = node.scalar, !node.isNull {
      return StepDefinition(.shell(script), location: reader.location(node))
    }
    guard node.mapping != nil else {
      reader.fail(
        .wrongType(
          key: "run", expected: "a command string or a step mapping", found: node.kindName,
          at: reader.location(node)))
      return nil
    }
    let entries = reader.pairs(node, key: "run")
    reader.checkKeys(entries, known: keys, context: "a step")
    let actions = entries.filter { actionKeys.contains($0.key) }
    guard let first = actions.first else {
      reader.fail(
        .missingKey(
          key: "sh`, `exec`, `task` or `builtin", context: "a step", at: reader.location(node)))
      return nil
    }
    if actions.count > 1 {
      reader.fail(
        .conflictingKeys(first.key, actions[1].key, at: reader.location(actions[1].keyNode)))
    }
    let location = reader.location(first.value)
    var step: StepDefinition
    switch first.key {
    case "sh":
      step = StepDefinition(.shell(reader.string(first.value, key: "sh") ?? ""), location: location)
    case "exec":
      let argv = reader.strings(first.value, key: "exec")
      if argv.isEmpty {
        reader.fail(
          .invalidValue(
            key: "exec", value: "", expected: "a non-empty list of arguments", at: location))
      }
      step = StepDefinition(.exec(argv), location: location)
    case "task":
      guard let reference = reader.reference(node, key: "run", checkingKeys: false) else {
        return nil
      }
      step = StepDefinition(.task(reference), location: reference.location)
    default:
      let name = reader.string(first.value, key: "builtin") ?? ""
      var options: [(key: String, value: String)] = []
      if let with = node["with"] {
        for entry in reader.pairs(with, key: "with") {
          if let value = entry.value.scalar {
            options.append((entry.key, entry.value.isNull ? "" : value))
          } else {
            reader.fail(
              .wrongType(
                key: "with.\(entry.key)", expected: "a string", found: entry.value.kindName,
                at: reader.location(entry.value)))
          }
        }
      }
      step = StepDefinition(.builtin(name: name, options: options), location: location)
    }
    for entry in entries {
      switch entry.key {
      case "dir": step.directory = reader.string(entry.value, key: "dir")
      case "env": step.environment = reader.environment(entry.value)
      case "allow_failure":
        step.allowFailure = reader.bool(entry.value, key: "allow_failure") ?? false
      case "if": step.condition = reader.string(entry.value, key: "if")
      case "capture":
        step.capture = reader.string(entry.value, key: "capture")
        if let name = step.capture, !isVariableName(name) {
          reader.fail(
            .invalidValue(
              key: "capture", value: name, expected: "an environment variable name",
              at: reader.location(entry.value)))
        }
      case "secret": step.captureIsSecret = reader.bool(entry.value, key: "secret") ?? false
      case "with" where first.key != "builtin", "args" where first.key != "task",
        "flags" where first.key != "task":
        reader.fail(
          .unknownKey(
            key: entry.key, context: "a `\(first.key)` step", suggestion: nil,
            at: reader.location(entry.keyNode)))
      default: break
      }
    }
    if step.captureIsSecret, step.capture == nil, let secret = node["secret"] {
      reader.fail(
        .missingKey(
          key: "capture", context: "a step with `secret: true`", at: reader.location(secret)))
    }
    return step
  }

  static func isVariableName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first,
      first == "_" || (first.isASCII && first.properties.isAlphabetic)
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
    }
  }
}
