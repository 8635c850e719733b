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
    let merged = ExtendsResolver(raws).resolve(errors: &errors)
    var result: [TaskDefinition] = []
    result.reserveCapacity(raws.count)
    for (raw, (pairs, environment)) in zip(raws, merged) {
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
    var seen: Set<BlumeopsError> = []
    return errors.filter { seen.insert($0).inserted }
  }
}
