/// Interprets `args` and `flags`.
enum ParameterInterpreter {
  static func arguments(_ node: YAMLNode, reader: inout NodeReader) -> [ArgumentSpec] {
    if node.isNull { return [] }
    guard let items = node.sequence else {
      reader.fail(
        .wrongType(key: "args", expected: "a list", found: node.kindName, at: reader.location(node))
      )
      return []
    }
    var result: [ArgumentSpec] = []
    for item in items {
      if let name = item.scalar, !item.isNull {
        result.append(ArgumentSpec(name: name))
        continue
      }
      let entries = reader.pairs(item, key: "args")
      reader.checkKeys(
        entries, known: TaskFileKeys.argument.names, context: "an argument")
      guard let nameNode = item["name"], let name = reader.string(nameNode, key: "name") else {
        reader.fail(.missingKey(key: "name", context: "an argument", at: reader.location(item)))
        continue
      }
      var spec = ArgumentSpec(name: name)
      spec.help = item["help"].flatMap { reader.string($0, key: "help") }
      spec.defaultValue = item["default"].flatMap { reader.string($0, key: "default") }
      spec.required =
        item["required"].flatMap { reader.bool($0, key: "required") } ?? (spec.defaultValue == nil)
      spec.choices = item["choices"].map { reader.strings($0, key: "choices") } ?? []
      spec.variadic = item["variadic"].flatMap { reader.bool($0, key: "variadic") } ?? false
      if spec.variadic, result.count + 1 < items.count {
        reader.fail(
          .invalidValue(
            key: "variadic", value: "true", expected: "only on the last argument",
            at: reader.location(item)))
      }
      result.append(spec)
    }
    return result
  }

  static func flags(_ node: YAMLNode, task: String, reader: inout NodeReader) -> [FlagSpec] {
    var result: [FlagSpec] = []
    for entry in reader.pairs(node, key: "flags") {
      var spec = FlagSpec(name: entry.key)
      if entry.key == "help" {
        reader.fail(.reservedFlag("--help", task: task, at: reader.location(entry.keyNode)))
      }
      if !entry.value.isNull {
        let fields = reader.pairs(entry.value, key: "flags.\(entry.key)")
        reader.checkKeys(
          fields, known: TaskFileKeys.flag.names, context: "flag `\(entry.key)`")
      }
      let body = entry.value
      if let typeNode = body["type"], let type = reader.string(typeNode, key: "type") {
        if let kind = FlagSpec.Kind(rawValue: type) {
          spec.kind = kind
        } else {
          reader.fail(
            .invalidValue(
              key: "type", value: type, expected: "`string`, `int` or `bool`",
              at: reader.location(typeNode)))
        }
      }
      if let shortNode = body["short"], let short = reader.string(shortNode, key: "short") {
        let letter = short.hasPrefix("-") ? String(short.dropFirst()) : short
        if letter.count == 1, let character = letter.first, character.isLetter || character.isNumber
        {
          spec.short = character
          if character == "h" {
            reader.fail(.reservedFlag("-h", task: task, at: reader.location(shortNode)))
          }
        } else {
          reader.fail(
            .invalidValue(
              key: "short", value: short, expected: "a single letter",
              at: reader.location(shortNode)))
        }
      }
      spec.defaultValue = body["default"].flatMap { reader.string($0, key: "default") }
      spec.choices = body["choices"].map { reader.strings($0, key: "choices") } ?? []
      spec.help = body["help"].flatMap { reader.string($0, key: "help") }
      spec.environment = body["env"].flatMap { reader.string($0, key: "env") }
      if spec.kind == .int, let value = spec.defaultValue, Int(value) == nil,
        let node = body["default"]
      {
        reader.fail(
          .invalidValue(
            key: "default", value: value, expected: "a whole number", at: reader.location(node)))
      }
      result.append(spec)
    }
    return result
  }
}
