extension NodeReader {
  /// `depends` entries: names, or `{task: NAME, args: [...], flags: {...}}`.
  mutating func references(_ node: YAMLNode, key: String) -> [TaskReference] {
    if node.scalar != nil || node.mapping != nil {
      return reference(node, key: key).map { [$0] } ?? []
    }
    guard let items = node.sequence else {
      fail(
        .wrongType(
          key: key, expected: "a list of task names", found: node.kindName, at: location(node)))
      return []
    }
    return items.compactMap { reference($0, key: key) }
  }

  /// A step's mapping has its own keys checked by the step reader: `checkingKeys` is false there.
  mutating func reference(_ node: YAMLNode, key: String, checkingKeys: Bool = true)
    -> TaskReference?
  {
    if let name = node.scalar, !node.isNull {
      return TaskReference(name: name, location: location(node))
    }
    let entries = pairs(node, key: key)
    guard node.mapping != nil else { return nil }
    if checkingKeys {
      checkKeys(entries, known: TaskFileKeys.reference.names, context: "a `\(key)` entry")
    }
    guard let nameNode = node["task"], let name = string(nameNode, key: "task") else {
      fail(.missingKey(key: "task", context: "a `\(key)` entry", at: location(node)))
      return nil
    }
    var reference = TaskReference(name: name, location: location(nameNode))
    if let args = node["args"] { reference.arguments = strings(args, key: "args") }
    if let flags = node["flags"] {
      for entry in pairs(flags, key: "flags") {
        reference.flags[entry.key] = string(entry.value, key: entry.key) ?? ""
      }
    }
    return reference
  }

}
