/// A task's mapping as read from its file, before `extends` and interpretation.
struct RawTask {
  var name: String
  var nameNode: YAMLNode
  var file: String
  var body: YAMLNode
  var fileEnvironment: [EnvironmentVariable]

  var location: SourceLocation { SourceLocation(file: file, position: nameNode.position) }
  var pairs: [YAMLPair] { body.mapping ?? [] }
  var extends: String? { body["extends"]?.scalar }
}

extension RawTask {
  /// Reads the raw tasks of one YAML task file; `reader` collects the file's problems.
  static func read(_ file: TaskSourceFile, reader: inout NodeReader) -> [RawTask] {
    let root: YAMLNode?
    do {
      root = try YAMLReader.parse(file.text)
    } catch {
      reader.fail(.yaml(error, file: file.path))
      return []
    }
    guard let root else { return [] }
    let entries = reader.pairs(root, key: "the task file")
    guard root.mapping != nil else { return [] }
    reader.checkKeys(entries, known: TaskFileKeys.file.names, context: "a task file")
    let environment = root["env"].map { reader.environment($0) } ?? []
    guard let tasks = root["tasks"] else {
      reader.fail(.missingKey(key: "tasks", context: "a task file", at: reader.location(root)))
      return []
    }
    return reader.pairs(tasks, key: "tasks").map {
      RawTask(
        name: $0.key, nameNode: $0.keyNode, file: file.path, body: $0.value,
        fileEnvironment: environment)
    }
  }

  /// The keys this task inherits and overrides: its parent's (less `hidden` and `aliases`),
  /// then its own; `env` mappings are merged key by key.
  func merged(over parent: [YAMLPair]) -> [YAMLPair] {
    var result = parent.filter { !["hidden", "aliases", "extends"].contains($0.key.scalar ?? "") }
    for pair in pairs {
      guard let index = result.firstIndex(where: { $0.key.scalar == pair.key.scalar }) else {
        result.append(pair)
        continue
      }
      if pair.key.scalar == "env", let inherited = result[index].value.mapping,
        let own = pair.value.mapping
      {
        var combined = inherited.filter { old in !own.contains { $0.key.scalar == old.key.scalar } }
        combined += own
        result[index] = YAMLPair(
          key: pair.key, value: YAMLNode(.mapping(combined), at: pair.value.position))
      } else {
        result[index] = pair
      }
    }
    return result
  }
}
