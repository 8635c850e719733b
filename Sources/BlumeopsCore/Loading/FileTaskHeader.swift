/// Reads a mise-style file task's header comments into a task definition.
///
/// `#MISE key=value` (also `# [MISE]`, `#BLUMEOPS`) sets task keys, values written as YAML flow
/// scalars or lists; `#USAGE flag "--limit <limit>" default="15" help="…"` and
/// `#USAGE arg "<name>"` declare parameters.
enum FileTaskHeader {
  static let keys = [
    "description", "alias", "aliases", "depends", "depends_post", "hide", "hidden", "dir",
    "timeout", "interactive",
  ]

  static func interpret(_ file: TaskSourceFile, root: String, reader: inout NodeReader)
    -> TaskDefinition
  {
    let name = file.scriptTaskName ?? file.path
    var task = TaskDefinition(
      name: name, location: SourceLocation(file: file.path, position: .init(line: 1, column: 1)))
    task.script = file.path
    var step = StepDefinition(.exec([root + "/" + file.path]), location: task.location)
    step.directory = nil
    task.steps = [step]
    for (index, rawLine) in file.text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty || line.hasPrefix("#!") { continue }
      guard line.hasPrefix("#") || line.hasPrefix("//") || line.hasPrefix("--") else { break }
      let position = SourcePosition(line: index + 1, column: 1, width: line.count)
      let location = SourceLocation(file: file.path, position: position)
      if let rest = directive(line, markers: ["MISE", "BLUMEOPS"]) {
        setting(rest, task: &task, location: location, reader: &reader)
      } else if let rest = directive(line, markers: ["USAGE"]) {
        usage(rest, task: &task, location: location, reader: &reader)
      }
    }
    return task
  }

  /// The text after `#MISE`, `# MISE`, `#[MISE]` or `# [MISE]`, if the line is such a directive.
  static func directive(_ line: Substring, markers: [String]) -> Substring? {
    var rest = line.drop { $0 == "#" || $0 == "/" || $0 == "-" }
    rest = rest.drop { $0 == " " }
    for marker in markers {
      for form in [marker, "[\(marker)]"] where rest.hasPrefix(form) {
        let after = rest.dropFirst(form.count)
        if after.isEmpty || after.first == " " { return after.drop { $0 == " " } }
      }
    }
    return nil
  }

  static func setting(
    _ text: Substring, task: inout TaskDefinition, location: SourceLocation,
    reader: inout NodeReader
  ) {
    guard let equals = text.firstIndex(of: "=") else {
      reader.fail(
        .invalidFileTaskHeader(line: String(text), reason: "expected `key=value`", at: location))
      return
    }
    let key = String(text[..<equals]).trimmingSpaces()
    let valueText = String(text[text.index(after: equals)...])
    guard keys.contains(key) else {
      reader.fail(
        .unknownKey(
          key: key, context: "a file task header",
          suggestion: Suggestion.closest(to: key, in: keys), at: location))
      return
    }
    guard let parsed = try? YAMLReader.parse(valueText), var node = Optional(parsed) else {
      reader.fail(
        .invalidFileTaskHeader(
          line: String(text), reason: "the value is not a YAML scalar or list", at: location))
      return
    }
    node = relocated(node, to: location.position)
    switch key {
    case "description": task.description = reader.string(node, key: key)
    case "alias", "aliases": task.aliases += reader.strings(node, key: key)
    case "depends": task.depends += reader.references(node, key: key)
    case "depends_post": task.dependsPost += reader.references(node, key: key)
    case "hide", "hidden": task.hidden = reader.bool(node, key: key) ?? false
    case "dir": task.directory = reader.string(node, key: key)
    case "timeout": task.timeout = reader.duration(node, key: key)
    default: task.interactive = reader.bool(node, key: key) ?? false
    }
  }

  /// Points a header value's nodes at the header line, since they were parsed on their own.
  static func relocated(_ node: YAMLNode, to position: SourcePosition) -> YAMLNode {
    var copy = node
    copy.position = position
    switch node.content {
    case .sequence(let items): copy.content = .sequence(items.map { relocated($0, to: position) })
    case .mapping(let pairs):
      copy.content = .mapping(
        pairs.map {
          YAMLPair(key: relocated($0.key, to: position), value: relocated($0.value, to: position))
        })
    case .scalar: break
    }
    return copy
  }

  static func usage(
    _ text: Substring, task: inout TaskDefinition, location: SourceLocation,
    reader: inout NodeReader
  ) {
    let words = UsageTokenizer.words(text)
    guard words.count >= 2, words[0] == "flag" || words[0] == "arg" else {
      reader.fail(
        .invalidFileTaskHeader(
          line: String(text), reason: "expected `flag \"--name <value>\"` or `arg \"<name>\"`",
          at: location))
      return
    }
    var attributes: [String: String] = [:]
    for word in words.dropFirst(2) {
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      attributes[parts[0]] = parts.count > 1 ? UsageTokenizer.unquote(parts[1]) : "true"
    }
    let spec = UsageTokenizer.unquote(words[1])
    if words[0] == "arg" {
      let variadic = spec.hasSuffix("...")
      let core = variadic ? String(spec.dropLast(3)) : spec
      let optional = core.hasPrefix("[")
      let name = String(core.dropFirst().dropLast())
      var argument = ArgumentSpec(
        name: name, help: attributes["help"], required: !optional && attributes["default"] == nil,
        defaultValue: attributes["default"], variadic: variadic || attributes["var"] == "true")
      if let required = attributes["required"] { argument.required = required == "true" }
      task.arguments.append(argument)
      return
    }
    var flag = FlagSpec(name: "", kind: .bool, help: attributes["help"])
    for part in spec.split(separator: " ") {
      if part.hasPrefix("--") {
        flag.name = String(part.dropFirst(2))
      } else if part.hasPrefix("-"), part.count == 2 {
        flag.short = part.last
      } else if part.hasPrefix("<") || part.hasPrefix("[") {
        flag.kind = .string
      }
    }
    guard !flag.name.isEmpty else {
      reader.fail(
        .invalidFileTaskHeader(line: String(text), reason: "a flag needs a `--name`", at: location))
      return
    }
    flag.defaultValue = attributes["default"]
    flag.environment = attributes["env"]
    task.flags.append(flag)
  }
}

/// Splits a `#USAGE` line into words, keeping quoted strings (and `key="value"`) whole.
enum UsageTokenizer {
  static func words(_ text: Substring) -> [String] {
    var words: [String] = []
    var current = ""
    var quoted = false
    var escaped = false
    for character in text {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" && quoted {
        current.append(character)
        escaped = true
      } else if character == "\"" {
        quoted.toggle()
        current.append(character)
      } else if character == " " && !quoted {
        if !current.isEmpty { words.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  static func unquote(_ text: String) -> String {
    guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
    return String(text.dropFirst().dropLast()).replacingBackslashEscapes()
  }
}

extension String {
  fileprivate func replacingBackslashEscapes() -> String {
    var result = ""
    var escaped = false
    for character in self {
      if escaped {
        result.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
