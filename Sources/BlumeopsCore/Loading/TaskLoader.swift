/// Turns task files into a validated catalog, reporting every problem of every file at once.
public enum TaskLoader {
  /// `builtins` are the names of the native built-ins steps may call.
  public static func load(
    _ files: [TaskSourceFile], root: String, builtins: [String]
  ) -> (catalog: TaskCatalog, errors: [BlumeopsError]) {
    var errors: [BlumeopsError] = []
    var sources = [String: String](minimumCapacity: files.count)
    var raws: [RawTask] = []
    var scriptTasks: [TaskDefinition] = []
    for file in files {
      sources[file.path] = file.text
      var reader = NodeReader(file: file.path)
      switch file.kind {
      case .yaml: raws += RawTask.read(file, reader: &reader)
      case .script: scriptTasks.append(FileTaskHeader.interpret(file, root: root, reader: &reader))
      }
      errors += reader.errors
    }
    let tasks = resolve(raws, errors: &errors) + scriptTasks
    var validator = TaskValidator(tasks: tasks, builtins: builtins)
    errors += validator.validate()
    return (TaskCatalog(tasks: tasks, sources: sources), deduplicated(errors))
  }

  /// Applies `extends` and interprets each raw task.
  static func resolve(_ raws: [RawTask], errors: inout [BlumeopsError]) -> [TaskDefinition] {
    var byName: [String: Int] = [:]
    for (index, raw) in raws.enumerated() where byName[raw.name] == nil { byName[raw.name] = index }
    var result: [TaskDefinition] = []
    result.reserveCapacity(raws.count)
    for raw in raws {
      var chain = [raw.name]
      var pairs = raw.pairs
      var environment = raw.fileEnvironment
      var current = raw
      var ancestors: [RawTask] = []
      while let parentName = current.extends {
        guard let parentIndex = byName[parentName] else {
          let node = current.body["extends"]!
          errors.append(
            .unknownExtends(
              parentName, task: current.name,
              suggestion: Suggestion.closest(to: parentName, in: byName.keys),
              at: SourceLocation(file: current.file, position: node.position)))
          break
        }
        if chain.contains(parentName) {
          // Each member of a cycle meets it; the first member in file order reports it.
          let members = chain.compactMap { byName[$0] }
          if parentName == raw.name, byName[raw.name] == members.min() {
            let node = current.body["extends"]!
            errors.append(
              .extendsCycle(
                chain + [parentName],
                at: SourceLocation(file: current.file, position: node.position)))
          }
          ancestors = []
          break
        }
        chain.append(parentName)
        current = raws[parentIndex]
        ancestors.append(current)
      }
      if !ancestors.isEmpty {
        var inherited: [YAMLPair] = []
        for ancestor in ancestors.reversed() { inherited = ancestor.merged(over: inherited) }
        pairs = raw.merged(over: inherited)
        if ancestors.last!.file != raw.file {
          environment = ancestors.reversed().flatMap(\.fileEnvironment) + raw.fileEnvironment
        }
      }
      var interpreter = TaskInterpreter(file: raw.file)
      let body =
        raw.body.mapping != nil ? YAMLNode(.mapping(pairs), at: raw.body.position) : raw.body
      let task = interpreter.interpret(
        name: raw.name, location: raw.location, body: body, pairs: pairs,
        fileEnvironment: environment)
      errors += interpreter.reader.errors
      result.append(task)
    }
    return result
  }

  /// A parent's problem is met again through each task that extends it: report it once.
  static func deduplicated(_ errors: [BlumeopsError]) -> [BlumeopsError] {
    var seen: [BlumeopsError] = []
    for error in errors where !seen.contains(error) { seen.append(error) }
    return seen
  }
}
